/**
 * `npm run bench` (bench/run.ts): the benchmarks of the embedded stack (bench/README.md), written as a table
 * to bench/results/<date>-<commit>.md (and .json):
 *   1. recording a ticket over HTTP vs a no-op workflow on the same server, at several client
 *      counts, on an empty database and on databases pre-filled with N stored tickets;
 *   2. how cost grows with stored cases: submit latency (1 client) and resident memory of node,
 *      FerretDB, Temporal and MailDev at 0, 1k, 10k, 100k stored tickets, each after the work
 *      of the rows before has settled (Recorder.settle);
 *   3. the read paths of one case at the largest fill; 4. the inbox listing at 100,000 tasks;
 *   5. one write to a staff list's sorted index at 0, 10k, 100k entries, tree vs the directory it replaced
 *      (also alone: `npx tsx bench/index-writes.ts`).
 * One stack, filled up step by step (bench/prefill.ts: direct inserts, no workflows). The file
 * is written after every row, so a run that is stopped or fails still leaves its table (marked
 * incomplete).
 *   npm run bench                      full run (4/16/50/100 clients; 0, 10k, 100k stored; ~30 min on 2 cores)
 *   npm run bench -- --quick           a few minutes: 4 and 16 clients; 0 and 1k stored; 10k tasks
 *   options: --clients 4,16  --sizes 0,10000  --growth 0,1000,10000  --tasks N  --ops N (per row, at least)
 *            --settle SECONDS (bound of the wait before a row)  --only tickets|tasks|reads  --out DIR  --no-write
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import mongoose from 'mongoose';
import { readModel } from '../store/models';
import { loadConfig } from '../config/config';
import { runSystem } from '../scripts/lib/run-system';
import { freePort } from '../scripts/lib/stack';
import { taskListingBench, type ListingResult } from './task-listing';
import { indexWriteBench } from './index-writes';
import { prefillTickets } from './prefill';
import { readPathsBench, type ReadPathRow } from './read-paths';
import { recorder, type Measured, type Settled } from './recording';
import { sampleProcesses, type ProcessSample } from './processes';
import { k, renderReport, type GrowthRow, type Report } from './report';

const argv = process.argv.slice(2);
const has = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => (has(name) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const list = (name: string, fallback: number[]) => value(name)?.split(',').map(Number).filter((n) => Number.isFinite(n)) ?? fallback;
const QUICK = has('quick');
const CLIENTS = list('clients', QUICK ? [4, 16] : [4, 16, 50, 100]);
const SIZES = list('sizes', QUICK ? [0, 1000] : [0, 10_000, 100_000]);
const GROWTH = list('growth', QUICK ? [0, 1000] : [0, 1000, 10_000, 100_000]);
const TASKS = Number(value('tasks') ?? (QUICK ? 10_000 : 100_000));
const MIN_OPS = Number(value('ops') ?? (QUICK ? 40 : 120));
const SETTLE_MS = Number(value('settle') ?? (QUICK ? 60 : 300)) * 1000;
const ONLY = value('only');
/** A machine counts as quiet for the run when its 1-minute load average at the start is below this. */
const QUIET_LOAD = 2.5;
const OUT = value('out') ?? fileURLToPath(new URL('./results/', import.meta.url));

/** Operations per row: enough for a p99 (at least 5 per client). */
const opsFor = (clients: number) => Math.max(MIN_OPS, clients * (QUICK ? 3 : 5));

function git(...args: string[]): string {
  try { return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'unknown'; }
}

async function run(): Promise<void> {
  const startedAt = new Date();
  const commit = git('rev-parse', '--short', 'HEAD');
  const loadAtStart = loadavg();
  const report: Report = {
    startedAt: startedAt.toISOString(), commit, quick: QUICK, only: ONLY, machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: totalmem() / 2 ** 30 },
    uptimeAtStart: execUptime(), loadAtStart, quiet: loadAtStart[0]! < QUIET_LOAD, quietBelow: QUIET_LOAD, settleBoundSeconds: SETTLE_MS / 1000, uptimeAtEnd: '', state: 'running', lastStep: 'none yet (starting the stack)',
    recording: [], growth: [], prefillSeconds: [], readPaths: [], listing: undefined,
  };
  console.log(`load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}: ${report.quiet ? 'quiet' : `NOT quiet (≥ ${QUIET_LOAD})`}`);
  // Written after every step: a run that is stopped or fails midway still leaves its table.
  const name = `${startedAt.toISOString().slice(0, 10)}-${commit}${QUICK ? '-quick' : ''}${ONLY ? `-${ONLY}` : ''}`;
  const save = (step?: string) => {
    if (step) report.lastStep = step;
    if (has('no-write')) return;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.md`), renderReport(report));
    writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  };
  const stopped = (signal: NodeJS.Signals) => {
    report.state = 'stopped';
    report.uptimeAtEnd = execUptime();
    save();
    console.error(`\n${signal}: stopped; the table so far is in ${join(OUT, `${name}.md`)}`);
    process.exit(130); // the stack's exit hook (scripts/lib/stack.ts) stops the services
  };
  process.once('SIGINT', stopped);
  process.once('SIGTERM', stopped);
  save();

  const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-bench-'));
  const config = loadConfig({ PORT: String(await freePort()), AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0',
    TEMPORAL_PORT: String(await freePort()), TEMPORAL_UI_PORT: String(await freePort()), FERRETDB_PORT: String(await freePort()),
    MAILDEV_SMTP_PORT: String(await freePort()), MAILDEV_WEB_PORT: String(await freePort()) });
  const app = await runSystem(config);
  const connection = await NativeConnection.connect({ address: app.system.services.temporal.address });
  // Bulk loads (prefill, tasks) on a connection of their own without the app's short socket timeout.
  const bulkConn = await mongoose.createConnection(app.system.services.mongodbUri, { socketTimeoutMS: 0 }).asPromise();
  const bulkModel = readModel(bulkConn);
  const baselineWorker = await Worker.create({ connection, taskQueue: 'bench-baseline',
    workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./baseline-workflow.ts', import.meta.url)) }) });
  const baselineRunning = baselineWorker.run();
  try {
    const bench = await recorder(app, baselineWorker);
    let stored = 0;
    let recorded = 0;
    const fillTo = async (target: number) => {
      // The tickets the benchmark recorded count as stored too.
      const goal = Math.max(stored, target - recorded);
      if (goal > stored) report.prefillSeconds.push({ from: stored + recorded, to: goal + recorded, seconds: await prefillTickets(bulkModel, goal, { from: stored }) });
      stored = goal;
    };
    const levels = [...new Set([...(ONLY === 'tasks' ? [] : SIZES), ...(ONLY ? [] : GROWTH), ...(ONLY === 'reads' ? [Math.max(...SIZES)] : [])])].sort((a, b) => a - b);
    if (ONLY !== 'tasks' && ONLY !== 'reads') {
      // Warm-up: JIT, workflow bundle, connection pools; not measured.
      await bench.baseline(4, 20, 'warm-up: baseline');
      await bench.record(4, 20, 'warm-up: recording');
      recorded += 20;
    }
    for (const level of levels) {
      await fillTo(level);
      save(`filled to ${k(level)} stored tickets`);
      const storedNow = stored + recorded;
      if (ONLY === 'reads') { report.readPaths = await readPathsBench(app.system.model, { stored }); save('read paths'); continue; }
      if (ONLY === 'tasks') continue;
      console.log(`\n— ${storedNow.toLocaleString('en')} tickets stored; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      if (GROWTH.includes(level) && !ONLY) {
        // The rows before may have left work running (recordings answered 503 go on registering).
        const settled = await bench.settle(SETTLE_MS);
        const latency = await bench.record(1, QUICK ? 15 : 30, 'growth: recording, 1 client');
        recorded += latency.ops;
        report.growth.push(growthRow(level, storedNow, latency, settled, sampleProcesses(), diskMb(dataDir)));
        save(`growth row at ${k(level)} stored tickets`);
      }
      if (SIZES.includes(level)) {
        for (const clients of CLIENTS) {
          const ops = opsFor(clients);
          const settled = await bench.settle(SETTLE_MS);
          const baseline = await bench.baseline(clients, ops);
          const recording = await bench.record(clients, ops);
          recorded += ops;
          report.recording.push({ stored: level, storedNow, clients, settled, baseline, recording });
          save(`recording row at ${k(level)} stored tickets, ${clients} clients`);
        }
      }
    }
    if (ONLY === undefined && stored > 0) {
      report.readPaths = await readPathsBench(app.system.model, { stored, runs: QUICK ? 10 : 20 });
      save('read paths');
    }
    if (ONLY === undefined || ONLY === 'tasks') {
      report.listing = await taskListingBench(app.system, { total: TASKS, runs: QUICK ? 20 : 60, bulkModel }) as ListingResult;
      save('inbox listing');
    }
    if (ONLY === undefined) {
      // The staff lists' index on the same database (its own collections): one write as a list grows.
      report.indexWrites = await indexWriteBench(bulkConn, { sizes: QUICK ? [0, 1000, 10_000] : [0, 10_000, 100_000], runs: QUICK ? 100 : 200 });
      save('index writes');
    }
    report.state = 'complete';
  } catch (error) {
    report.state = 'failed';
    report.error = String(error instanceof Error ? error.stack ?? error.message : error).split('\n').slice(0, 2).join(' ').replace(/\s+/g, ' ').slice(0, 300);
    throw error;
  } finally {
    report.uptimeAtEnd = execUptime();
    save();
    baselineWorker.shutdown();
    await baselineRunning.catch(() => undefined);
    await connection.close().catch(() => undefined);
    await bulkConn.close().catch(() => undefined);
    await app.stop();
    console.log(`\n${renderReport(report)}`);
    if (!has('no-write')) console.log(`written: ${join(OUT, `${name}.md`)} and .json`);
  }
}

function execUptime(): string {
  try { return execFileSync('uptime', { encoding: 'utf8' }).trim(); } catch { return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`; }
}

function diskMb(dir: string): number {
  try { return Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]); } catch { return NaN; }
}

function growthRow(level: number, storedNow: number, latency: Measured, settled: Settled, processes: ProcessSample[], dataMb: number): GrowthRow {
  return { stored: level, storedNow, p50ms: latency.p50ms, p95ms: latency.p95ms, ops: latency.ops, errors: latency.errors, settled, rssMb: Object.fromEntries(processes.map((p) => [p.name, p.rssMb])), dataMb, load1: latency.load1 };
}

export type { ReadPathRow };
await run().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
