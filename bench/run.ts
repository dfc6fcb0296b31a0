/**
 * Benchmark: recording parking tickets over HTTP (API validation → update-with-start →
 * registration activity with counter, PDF notice card, read model, audit) against the
 * embedded stack, reported as a ratio to a baseline measured in the same run: a no-op
 * workflow's start-to-completion on the same Temporal server. Bounded and loopback-only.
 * Then the inbox listing benchmark with 100,000 tasks (bench/task-listing.ts).
 * `--prefill N` first bulk-loads N recorded tickets (bench/prefill.ts), so the recording is
 * measured on a filled database, not an empty one.
 *   npm run bench [-- --count 60 --concurrency 4 --tasks 100000 --prefill 10000 --only tickets|tasks|reads]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../config/config';
import { createAccount } from '../server/use-cases/accounts/manage-accounts';
import { runSystem } from '../scripts/lib/run-system';
import { freePort } from '../scripts/lib/stack';
import { taskListingBench } from './task-listing';
import { prefillTickets } from './prefill';
import { readPathsBench } from './read-paths';

const arg = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1] || fallback) || fallback;
const COUNT = arg('count', 60);
const CONCURRENCY = arg('concurrency', 4);
const TASKS = arg('tasks', 100_000);
const PREFILL = arg('prefill', 0);
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

async function measure(label: string, op: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < COUNT) {
      const i = next++;
      const t = performance.now();
      await op(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const result = { label, perSecond: COUNT / seconds, p50ms: pct(0.5), p95ms: pct(0.95), p99ms: pct(0.99) };
  console.log(`${label.padEnd(34)} ${result.perSecond.toFixed(1).padStart(6)} /s   p50 ${result.p50ms.toFixed(0).padStart(5)} ms   p95 ${result.p95ms.toFixed(0).padStart(5)} ms   p99 ${result.p99ms.toFixed(0).padStart(5)} ms`);
  return result;
}

async function run(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-bench-'));
  const config = loadConfig({ PORT: String(await freePort()), AMTSWEG_DATA_DIR: dataDir,
    TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()), FERRETDB_PORT: String(await freePort()),
    MAILDEV_SMTP_PORT: String(await freePort()), MAILDEV_WEB_PORT: String(await freePort()) });
  const app = await runSystem(config);
  const connection = await NativeConnection.connect({ address: app.system.services.temporal.address });
  const baselineWorker = await Worker.create({ connection, taskQueue: 'bench-baseline',
    workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./baseline-workflow.ts', import.meta.url)) }) });
  try {
    if (PREFILL > 0) await prefillTickets(app.system.model, PREFILL);
    if (ONLY === 'reads') await readPathsBench(app.system.model, { stored: PREFILL });
    if (ONLY !== 'tasks' && ONLY !== 'reads') await ticketBench(app, baselineWorker);
    if (ONLY !== 'tickets' && ONLY !== 'reads') await taskListingBench(app.system, { total: TASKS });
  } finally {
    await connection.close().catch(() => undefined);
    await app.stop();
  }
}

async function ticketBench(app: Awaited<ReturnType<typeof runSystem>>, baselineWorker: Worker): Promise<void> {
  console.log(`amtsweg benchmark: ${COUNT} operations, ${CONCURRENCY} concurrent, ${PREFILL} tickets stored before, embedded stack on loopback`);
  const baseline = await baselineWorker.runUntil(measure('baseline: no-op workflow', async () => {
    await app.system.temporal.workflow.execute('noopWorkflow', { taskQueue: 'bench-baseline', workflowId: `bench-${randomUUID()}` });
  }));
  const { password } = await createAccount(app.system, 'bench', { id: 'bench-warden', displayName: 'Bench', email: 'bench@hagen.example', roles: ['warden'], departments: [], leadOf: [] });
  const login = await fetch(`${app.baseUrl}/api/staff/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName: 'bench-warden', password }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  const plates = ['HA-AB 123', 'HA-MM 4711', 'HA-XY 42', 'HA-K 7', 'HA-LP 2025'];
  const recording = await measure('record a ticket over HTTP', async (i) => {
    const res = await fetch(`${app.baseUrl}/api/parking-tickets`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Idempotency-Key': `bench-${randomUUID()}` },
      body: JSON.stringify({ offenceCode: '141312', plate: plates[i % plates.length], place: 'Benchmarkstraße 1, Hagen', observedAt: new Date().toISOString() }),
    });
    if (res.status !== 201) throw new Error(`record failed: ${res.status} ${await res.text()}`);
  });
  console.log(`\nratio (recording / baseline): throughput ${(recording.perSecond / baseline.perSecond).toFixed(2)}, p50 latency ${(recording.p50ms / baseline.p50ms).toFixed(2)}, p95 ${(recording.p95ms / baseline.p95ms).toFixed(2)}, p99 ${(recording.p99ms / baseline.p99ms).toFixed(2)}`);
}

run().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
