/**
 * amtsweg's web server and worker in a process of their own, against the test run's embedded
 * stack, for tests that kill it (kill -9) the way a crash or the OOM killer would. Started as
 *   node --import tsx test/support/system-process.ts
 * with PORT, AMTSWEG_DATA_DIR, TEMPORAL_TASK_QUEUE and the stack's addresses in
 * AMTSWEG_TEST_TEMPORAL_ADDRESS, AMTSWEG_TEST_MONGODB_URI, AMTSWEG_TEST_SMTP_URL (the database
 * prepared by the test, e.g. with startTestSystem). Prints `ready <baseUrl>` once it serves.
 */
import { loadConfig } from '../../config/config';
import { runSystem } from '../../scripts/lib/run-system';

const env = process.env;
const need = (name: string) => env[name] || (() => { throw new Error(`${name} is not set`); })();
// As the test systems (test/support/system.ts): the test accounts' admin role works without a TOTP second factor.
const config = loadConfig({ STAFF_ADMIN_SECOND_FACTOR: 'optional', PORT: need('PORT'), AMTSWEG_DATA_DIR: need('AMTSWEG_DATA_DIR'), TEMPORAL_TASK_QUEUE: need('TEMPORAL_TASK_QUEUE') });
const running = await runSystem(config, {
  temporalAddress: need('AMTSWEG_TEST_TEMPORAL_ADDRESS'), mongodbUri: need('AMTSWEG_TEST_MONGODB_URI'), smtpUrl: need('AMTSWEG_TEST_SMTP_URL'),
});
process.stdout.write(`ready ${running.baseUrl}\n`);
const stop = () => void running.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
