/**
 * Benchmark: one write to a sorted index (store/tasks/queue-index.ts) as its list grows — what
 * recording a parking ticket waits for twice (`tickets|all`, `tickets|status:open`). Each list
 * is filled by `putMany` to 0, 10,000 and 100,000 entries, then `runs` single puts append the
 * next ticket numbers (the hot path) and are timed one by one: p50/p95/p99. Measured for the
 * tree and, alternating put by put on the same database, for the one-level directory it replaced
 * (bench/old-queue-index.ts, kept for this comparison only).
 *
 *   npx tsx bench/index-writes.ts [--sizes 0,10000,100000] [--runs 200] [--no-write]
 *
 * Starts FerretDB alone (no Temporal, no MailDev) in a temporary folder and writes its table to
 * bench/results/<date>-<commit>-index.md. `indexWriteBench` runs on any connection.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { createQueueIndex } from '../store/tasks/queue-index';
import { createQueueIndex as createOldQueueIndex } from './old-queue-index';
import { freePort, startStack } from '../scripts/lib/stack';

interface Entry { id: string; due: string; overdue?: boolean }
export interface IndexWriteRow { structure: string; entries: number; fillSeconds: number; pathKb: number; p50ms: number; p95ms: number; p99ms: number; load1: number }

const BY_NUMBER = new Date(0).toISOString(); // tickets sort by number (store/staff-lists.ts numberedEntry)
const ticket = (n: number): Entry => ({ id: `VG-2019-${String(n).padStart(7, '0')}`, due: BY_NUMBER });
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

function models(conn: Connection, name: string): { docs: Model<{ _id: string }>; locks: Model<{ _id: string }> } {
  const schema = (collection: string) => new Schema({ _id: { type: String, required: true } }, { collection, strict: false, versionKey: false });
  const model = (modelName: string, collection: string) => (conn.models[modelName] as Model<{ _id: string }> | undefined) ?? conn.model<{ _id: string }>(modelName, schema(collection));
  return { docs: model(`BenchIndex_${name}`, `bench_index_${name}`), locks: model(`BenchIndexLock_${name}`, `bench_index_${name}_locks`) };
}

/** Size of what a put at the end rewrites above its bucket: the directory, or the tree's root and the nodes down the last path. */
async function pathAbove(docs: Model<{ _id: string }>, key: string): Promise<number> {
  const find = async (id: string) => (await docs.collection.findOne({ _id: id } as never)) as Record<string, unknown> | null;
  const root = await find(`dir:${key}`);
  if (!root) return 0;
  if (root.n === undefined) return String(root.b ?? '').length;
  let list = String(root.n);
  let bytes = list.length;
  for (let h = Number(root.h ?? 1); h > 1; h -= 1) {
    const refs = JSON.parse(list) as Array<{ id: string }>;
    list = String((await find(refs[refs.length - 1]!.id))?.n ?? '[]');
    bytes += list.length;
  }
  return bytes;
}

export async function indexWriteBench(conn: Connection, opts: { sizes?: number[]; runs?: number } = {}): Promise<IndexWriteRow[]> {
  const sizes = opts.sizes ?? [0, 10_000, 100_000];
  const runs = opts.runs ?? 200;
  const old = models(conn, 'old');
  const now = models(conn, 'tree');
  // Each in a collection of its own, measured alternately: load from other work hits both alike.
  const structures = [
    { structure: 'one directory (before)', docs: old.docs, index: createOldQueueIndex<Entry>(old.docs, old.locks) },
    { structure: 'tree (now)', docs: now.docs, index: createQueueIndex<Entry>(now.docs, now.locks) },
  ];
  const rows: IndexWriteRow[] = [];
  const key = 'tickets|all';
  console.log(`\nindex writes: one put appending to a list of N entries, ${runs} runs per row`);
  for (const entries of sizes) {
    const fills: number[] = [];
    for (const { docs, index } of structures) {
      await docs.collection.deleteMany({});
      const t = performance.now();
      if (entries > 0) await index.putMany(key, Array.from({ length: entries }, (_, i) => ticket(i + 1)));
      fills.push((performance.now() - t) / 1000);
      for (let i = 1; i <= 10; i += 1) await index.put(key, ticket(entries + i)); // warm-up
    }
    const ms: number[][] = structures.map(() => []);
    for (let i = 1; i <= runs; i += 1) {
      for (const [s, { index }] of structures.entries()) {
        const t = performance.now();
        await index.put(key, ticket(entries + 10 + i));
        ms[s]!.push(performance.now() - t);
      }
    }
    for (const [s, { structure, docs }] of structures.entries()) {
      const pathKb = await pathAbove(docs, key) / 1024;
      const sorted = ms[s]!.sort((a, b) => a - b);
      const row = { structure, entries, fillSeconds: fills[s]!, pathKb, p50ms: pct(sorted, 0.5), p95ms: pct(sorted, 0.95), p99ms: pct(sorted, 0.99), load1: loadavg()[0]! };
      rows.push(row);
      console.log(`${structure.padEnd(24)} ${String(entries).padStart(7)} entries (filled in ${row.fillSeconds.toFixed(1)} s): above the bucket ${row.pathKb.toFixed(1)} kB, put p50 ${row.p50ms.toFixed(1)} ms  p95 ${row.p95ms.toFixed(1)} ms  p99 ${row.p99ms.toFixed(1)} ms  load ${row.load1.toFixed(1)}`);
    }
  }
  for (const { docs } of structures) await docs.collection.deleteMany({});
  return rows;
}

export function renderIndexWrites(rows: IndexWriteRow[]): string {
  const out = ['## One index write as the list grows', '',
    'One `put` appending to a staff list (`tickets|all`) filled by `putMany`; the one-level directory and the tree in collections of their own on the same FerretDB, their puts alternating. kB above the bucket: the directory, or the root and nodes of the tree along the path, that every put rewrites. Load: 1-minute load average after the row.', '',
    '| entries in the list | structure | kB above the bucket | put p50 / p95 / p99 ms | fill s | load |', '|---:|---|---:|---|---:|---:|'];
  for (const r of rows) out.push(`| ${r.entries.toLocaleString('en')} | ${r.structure} | ${r.pathKb.toFixed(1)} | ${r.p50ms.toFixed(1)} / ${r.p95ms.toFixed(1)} / ${r.p99ms.toFixed(1)} | ${r.fillSeconds.toFixed(1)} | ${r.load1.toFixed(1)} |`);
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const sizes = value('sizes')?.split(',').map(Number);
  const runs = value('runs') ? Number(value('runs')) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-bench-index-'));
  const port = await freePort();
  const stack = await startStack({ dataDir, ports: { temporal: 0, temporalUi: 0, mongodb: port, smtp: 0, mailUi: 0 }, start: { temporal: false, mongodb: true, smtp: false } });
  const conn = await mongoose.createConnection(`${stack.mongodbUri}`, { socketTimeoutMS: 0 }).asPromise();
  try {
    const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
    const rows = await indexWriteBench(conn, { sizes, runs });
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const markdown = `# amtsweg index-write benchmark ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}\n\nFerretDB v1 alone; \`uptime\` at the start: \`${uptime}\`.\n\n${renderIndexWrites(rows)}`;
    console.log(`\n${markdown}`);
    if (!argv.includes('--no-write')) {
      const out = fileURLToPath(new URL('./results/', import.meta.url));
      mkdirSync(out, { recursive: true });
      const file = join(out, `${new Date().toISOString().slice(0, 10)}-${commit}-index.md`);
      writeFileSync(file, markdown);
      console.log(`written: ${file}`);
    }
  } finally {
    await conn.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
}
