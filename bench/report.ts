/** The benchmark's results as Markdown tables (bench/results/<date>-<commit>.md). */
import type { Measured, Settled } from './recording';
import type { ListingResult } from './task-listing';
import { renderIndexWrites, type IndexWriteRow } from './index-writes';
import type { ReadPathRow } from './read-paths';

export interface RecordingRow { stored: number; storedNow: number; clients: number; settled?: Settled; baseline: Measured; recording: Measured }
export interface GrowthRow { stored: number; storedNow: number; p50ms: number; p95ms: number; ops?: number; errors?: number; settled?: Settled; rssMb: Record<string, number>; dataMb: number; load1: number }
export interface Report {
  startedAt: string; commit: string; quick: boolean; only?: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number };
  uptimeAtStart: string; uptimeAtEnd: string;
  /** 1/5/15-minute load average at the start; quiet = the 1-minute one below `quietBelow`. */
  loadAtStart?: number[]; quiet?: boolean; quietBelow?: number;
  /** The bound of the wait before each row (Recorder.settle). */
  settleBoundSeconds?: number;
  /** The file is written after every step: 'running' in a file means the run died after `lastStep`. */
  state?: 'running' | 'complete' | 'failed' | 'stopped'; lastStep?: string; error?: string;
  recording: RecordingRow[]; growth: GrowthRow[]; prefillSeconds: Array<{ from: number; to: number; seconds: number }>;
  readPaths: ReadPathRow[]; listing?: ListingResult; indexWrites?: IndexWriteRow[];
}

const n = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
export const k = (v: number) => (v >= 1000 ? `${(v / 1000).toLocaleString('en')}k` : String(v));
const cpuTotal = (m: Measured) => ['node', 'ferretdb', 'temporal'].reduce((sum, p) => sum + (m.cpuMsPerOp[p] ?? 0), 0);
const cpu = (m: Measured) => ['node', 'ferretdb', 'temporal'].map((p) => n(m.cpuMsPerOp[p] ?? NaN, 1)).join(' / ');

const settledText = (s: Settled) => `waited ${n(s.seconds)} s, ${s.registeredLate} registered late${s.pending ? `, ${s.pending} still pending` : ''}${s.quiet ? '' : ', database not quiet'}`;

export function renderReport(r: Report): string {
  const out: string[] = [];
  const kind = [r.quick ? 'quick run' : '', r.only ? `only ${r.only}` : ''].filter(Boolean).join(', ');
  const quiet = r.quiet === undefined ? '' : r.quiet ? ', quiet machine' : ', machine NOT quiet';
  out.push(`# amtsweg benchmark ${r.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit ${r.commit}${kind ? ` (${kind})` : ''}${quiet}`);
  out.push('');
  if (r.state && r.state !== 'complete') {
    const why = { running: 'the run was still going when this file was last written (or died without a word)', failed: `the run failed: \`${r.error ?? ''}\``, stopped: 'the run was stopped (signal)' }[r.state];
    out.push(`**Incomplete**: ${why}; last step done: ${r.lastStep ?? '–'}. The file is written after every row: what is here was measured.`);
    out.push('');
  }
  out.push(`Embedded stack (Temporal dev server, FerretDB v1 on SQLite, one node process with web server and worker) on loopback; `
    + `${r.machine.cpus} cores (${r.machine.cpuModel.trim()}), ${n(r.machine.memoryGb, 1)} GB.`);
  if (r.loadAtStart) {
    out.push(`Load average at the start ${r.loadAtStart.map((l) => n(l, 2)).join(' / ')} (1 / 5 / 15 min): `
      + (r.quiet ? `quiet (1-minute load below ${r.quietBelow}).` : `**not quiet** (1-minute load ${n(r.loadAtStart[0]!, 1)} ≥ ${r.quietBelow}: other work shared the cores; absolute numbers are slower than the stack alone).`));
  }
  out.push(`Machine load (\`uptime\`) at the start: \`${r.uptimeAtStart}\`; at the end: \`${r.uptimeAtEnd || '–'}\`. `
    + 'Other work on the machine slows both columns of a row alike: compare the ratio, measured back to back in the same run.');
  out.push('');
  if (r.recording.length) {
    out.push('## Submit → case started, against a no-op workflow');
    out.push('');
    out.push('"Recording": `POST /api/parking-tickets` until its 201 (validation, update-with-start, ticket number, read model, audit). '
      + '"Baseline": start a workflow that does nothing and wait for its result, on the same Temporal server, right before. '
      + 'Ratio = recording throughput / baseline throughput (goal ≥ 0.7). CPU/op: milliseconds of CPU per recording in node / FerretDB / Temporal; '
      + 'CPU ratio = CPU of one no-op workflow / CPU of one recording (all processes): the ratio a CPU-bound machine would show without other load. '
      + 'DB: database commands per recording. Load: 1-minute load average after the row.');
    out.push('');
    out.push('| stored tickets | clients | baseline /s | baseline p50 / p95 / p99 ms | recording /s | recording p50 / p95 / p99 ms | ratio | CPU/op ms node / FerretDB / Temporal | CPU ratio | DB | load |');
    out.push('|---:|---:|---:|---|---:|---|---:|---|---:|---:|---:|');
    for (const row of r.recording) {
      const { baseline: b, recording: c } = row;
      out.push(`| ${k(row.stored)} | ${row.clients} | ${n(b.perSecond, 1)} | ${n(b.p50ms)} / ${n(b.p95ms)} / ${n(b.p99ms)} | ${n(c.perSecond, 1)}${c.errors ? ` (${c.errors} of ${c.ops} failed)` : ''} | ${n(c.p50ms)} / ${n(c.p95ms)} / ${n(c.p99ms)} `
        + `| **${n(c.perSecond / b.perSecond, 2)}** | ${cpu(c)} | ${n(cpuTotal(b) / cpuTotal(c), 2)} | ${n(c.dbCommandsPerOp, 1)} | ${n(c.load1, 1)} |`);
    }
    out.push('');
    out.push(`Operations per row: ${[...new Set(r.recording.map((x) => `${x.clients} clients: ${x.recording.ops}`))].join(', ')}. Throughput counts the operations that succeeded.`);
    const failed = r.recording.flatMap((x) => [x.baseline, x.recording].filter((m) => m.errors > 0).map((m) => `${k(x.stored)} stored, ${x.clients} clients, ${m.label}: ${m.errors} of ${m.ops} failed (first: ${m.firstError})`));
    const waited = r.recording.filter((x) => x.settled && (x.settled.seconds >= 2 || x.settled.registeredLate > 0 || x.settled.pending > 0 || !x.settled.quiet));
    out.push('Before each row the benchmark waited until the recordings answered 503 in the rows before had their tickets registered (or had no workflow) and the database was quiet'
      + ` (at most ${r.settleBoundSeconds ?? '–'} s)${waited.length ? `: ${waited.map((x) => `${k(x.stored)} stored, ${x.clients} clients: ${settledText(x.settled!)}`).join('; ')}` : ': no row had to wait'}.`);
    out.push(failed.length ? `Failed operations: ${failed.join('; ')}. In rows with failed operations the CPU columns are not comparable (a request answered 503 goes on being registered after its row).` : 'Failed operations: none.');
    out.push('');
  }
  if (r.growth.length) {
    out.push('## How cost grows with stored cases');
    out.push('');
    out.push('Recording latency at 1 client (nothing else running) and resident memory (RSS, from `/proc`) of each process after it; '
      + 'node = web server + worker + the benchmark\'s client; data = size of the data folder (FerretDB\'s SQLite files, Temporal\'s database, logs). '
      + 'Before each row the benchmark waited until the rows before had settled: every recording answered with an error (503) had its ticket registered '
      + 'or no running workflow, and the database was quiet (fewer than 5 commands a second) — "settled": seconds waited, '
      + 'and how many of those recordings registered while it waited.');
    out.push('');
    out.push('| stored tickets | settled s (registered late) | recording p50 / p95 ms | RSS node MB | RSS FerretDB MB | RSS Temporal MB | RSS MailDev MB | data MB | load |');
    out.push('|---:|---|---|---:|---:|---:|---:|---:|---:|');
    for (const g of r.growth) {
      const s = g.settled;
      const settled = s ? `${n(s.seconds)}${s.registeredLate ? ` (${s.registeredLate})` : ''}${s.pending ? `, **${s.pending} still pending**` : ''}${s.quiet ? '' : ', **not quiet**'}` : '–';
      out.push(`| ${k(g.stored)} | ${settled} | ${n(g.p50ms)} / ${n(g.p95ms)}${g.errors ? ` (${g.errors} of ${g.ops} failed)` : ''} | ${n(g.rssMb.node ?? NaN)} | ${n(g.rssMb.ferretdb ?? NaN)} | ${n(g.rssMb.temporal ?? NaN)} | ${n(g.rssMb.maildev ?? NaN)} | ${n(g.dataMb)} | ${n(g.load1, 1)} |`);
    }
    const bound = r.growth.filter((g) => g.settled && (g.settled.pending > 0 || !g.settled.quiet));
    if (bound.length) out.push(`\nAt ${bound.map((g) => k(g.stored)).join(', ')} stored the wait ran out before everything had settled: that row's latency includes background registrations.`);
    out.push('');
  }
  if (r.prefillSeconds.length) {
    out.push(`Prefill (direct inserts through store/, the shapes recording writes; no workflows): ${r.prefillSeconds.map((p) => `${k(p.from)} → ${k(p.to)} in ${n(p.seconds)} s`).join('; ')}.`);
    out.push('');
  }
  if (r.readPaths.length) {
    out.push(`## Read paths of one case at ${k(r.growth.at(-1)?.storedNow ?? r.recording.at(-1)?.storedNow ?? 0)} stored tickets`);
    out.push('');
    out.push('| read | p50 ms | p95 ms |');
    out.push('|---|---:|---:|');
    for (const row of r.readPaths) out.push(`| ${row.label.trim()} | ${n(row.p50ms, 1)} | ${n(row.p95ms, 1)} |`);
    out.push('');
  }
  if (r.listing) {
    const l = r.listing;
    out.push(`## Inbox listing at ${l.tasks.toLocaleString('en')} tasks`);
    out.push('');
    out.push(`One page of the staff inbox (server/use-cases/tasks/list-tasks.ts), goal p95 < 100 ms; baseline: one task by \`_id\`. Load ${n(l.loadSeconds)} s, queue rebuild ${n(l.rebuildSeconds)} s.`);
    out.push('');
    out.push('| page | tasks in the queue | p50 ms | p95 ms | p95 / baseline |');
    out.push('|---|---:|---:|---:|---:|');
    for (const row of l.rows) out.push(`| ${row.label} | ${row.total?.toLocaleString('en') ?? ''} | ${n(row.p50ms, 1)} | ${n(row.p95ms, 1)} | ${n(row.p95OverBaseline, 1)} |`);
    out.push('');
    out.push(`Worst page p95: ${n(l.worstP95ms, 1)} ms (${l.worstP95ms < 100 ? 'goal met' : 'goal missed'}).`);
    out.push('');
  }
  if (r.indexWrites?.length) out.push(renderIndexWrites(r.indexWrites));
  return out.join('\n');
}
