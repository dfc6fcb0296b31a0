/**
 * Starts one embedded stack (Temporal dev server, FerretDB, MailDev) for the whole test run:
 * several files each starting their own servers would race for ports and cores.
 * Environment variables switch any of them to an existing server (same names as production).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { timeSkippingServerPath } from '../scripts/lib/binaries';
import { freePort, startStack, type RunningStack } from '../scripts/lib/stack';

let stack: RunningStack | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-test-'));
  // Free ports are chosen before the servers bind them; if another process takes one in
  // between, a server exits at start: try again with new ports.
  for (let attempt = 1; ; attempt += 1) {
    const ports = { temporal: await freePort(), temporalUi: 0, mongodb: await freePort(), smtp: await freePort(), mailUi: await freePort() };
    try {
      stack = await startStack({
        dataDir: join(dataDir, `attempt-${attempt}`),
        ports,
        temporalUi: false,
        start: { temporal: !process.env.TEMPORAL_ADDRESS, mongodb: !process.env.MONGODB_URI, smtp: !process.env.SMTP_URL },
      });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      console.warn(`[amtsweg] embedded stack did not start (attempt ${attempt}), retrying:`, (error as Error).message);
    }
  }
  stack = stack!;
  project.provide('temporalAddress', process.env.TEMPORAL_ADDRESS ?? stack.temporalAddress!);
  project.provide('mongodbUri', process.env.MONGODB_URI ?? stack.mongodbUri!);
  project.provide('smtpUrl', process.env.SMTP_URL ?? stack.smtpUrl!);
  project.provide('mailApiUrl', process.env.MAIL_API_URL ?? stack.mailApiUrl!);
  project.provide('timeSkippingServerPath', timeSkippingServerPath());
}

export async function teardown(): Promise<void> {
  await stack?.stop();
  if (dataDir && !process.env.AMTSWEG_KEEP_TEST_DATA) rmSync(dataDir, { recursive: true, force: true });
}
