/**
 * A worker process alone: `npm run worker` (node --import tsx workers/main.ts). Run as many
 * replicas as load needs, each configured by environment (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE,
 * TEMPORAL_TLS / TEMPORAL_API_KEY, TEMPORAL_TASK_QUEUE, AMTSWEG_PAYLOAD_KEY, MONGODB_URI,
 * SMTP_URL, …; see config/config.ts). SIGINT/SIGTERM: stop polling, let activities in flight
 * finish within WORKER_SHUTDOWN_GRACE_SECONDS, close the connections, exit 0.
 */
import type { Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '../config/config';
import { connectSystem } from '../system/system';
import { configuredServices, stopOnSignal } from '../system/process';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { ensureSchedules } from '../temporal/schedules';
import { startWorker } from './worker';

async function run(): Promise<void> {
  const config = loadConfig();
  const services = configuredServices(config);
  const system = await connectSystem(config, services);
  try {
    await ensureSearchAttributes(system.temporal.connection as Connection, services.temporal.namespace);
    const worker = await startWorker(system);
    stopOnSignal('worker', async () => {
      await worker.stop();
      await system.close();
    });
    await ensureSchedules(system.temporal, config.temporal.taskQueue);
    console.log(`[amtsweg] worker polling task queue "${config.temporal.taskQueue}" in namespace "${services.temporal.namespace}" at ${services.temporal.address}`);
    // A fatal worker error ends the process (the orchestrator restarts it); a requested stop exits in stopOnSignal.
    await worker.done;
  } catch (error) {
    await system.close().catch(() => undefined);
    throw error;
  }
}

run().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
