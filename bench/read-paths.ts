/**
 * Benchmark: the per-request reads of one case on a filled database, by `_id` (lookup keys and
 * case lists, store/) against the filter scans they replaced (what FerretDB v1 does for any
 * filter but `_id`: decode every document of the collection). Run after `--prefill N`.
 */
import type { ReadModel } from '../store/models';
import { appendAuditEvent, auditTrailOf } from '../store/audit';
import { findTicketByAccessCodeHash, findTicketByNumber, findTicketOfWorkflow } from '../store/parking-ticket/ticket-store';

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export interface ReadPathRow { label: string; p50ms: number; p95ms: number }

async function time(rows: ReadPathRow[], label: string, runs: number, op: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    try {
      await op();
    } catch (error) {
      const failed = `failed after ${(performance.now() - t).toFixed(0)} ms: ${(error as Error).name}`;
      rows.push({ label: `${label.trim()} — ${failed}`, p50ms: NaN, p95ms: NaN });
      console.log(`${label.padEnd(58)} ${failed}`);
      return;
    }
    ms.push(performance.now() - t);
  }
  rows.push({ label, p50ms: pct(ms, 0.5), p95ms: pct(ms, 0.95) });
  console.log(`${label.padEnd(58)} p50 ${pct(ms, 0.5).toFixed(1).padStart(7)} ms   p95 ${pct(ms, 0.95).toFixed(1).padStart(7)} ms`);
}

export async function readPathsBench(model: ReadModel, opts: { runs?: number; stored?: number } = {}): Promise<ReadPathRow[]> {
  const rows: ReadPathRow[] = [];
  const runs = opts.runs ?? 20;
  // The middle ticket of the prefill (bench/prefill.ts numbers them VG-2019-000001 …).
  const stored = opts.stored ?? 0;
  const sample = await findTicketByNumber(model, `VG-2019-${String(Math.max(1, Math.ceil(stored / 2))).padStart(6, '0')}`);
  if (!sample) { console.log('read paths: no prefilled tickets (use --prefill N)'); return rows; }
  // A case with a trail of ten events.
  for (let i = 0; i < 9; i += 1) {
    await appendAuditEvent(model, { key: `${sample.workflowId}:bench.${i}`, actor: 'bench', action: 'bench.step', caseType: 'parking-ticket', caseNumber: sample.ticketNumber, workflowId: sample.workflowId });
  }
  console.log(`\nread paths of one case, ${stored} tickets stored, ${runs} runs each`);
  await time(rows, 'ticket by number (_id)', runs, () => findTicketByNumber(model, sample.ticketNumber));
  await time(rows, 'ticket of a workflow (lookup key → _id)', runs, () => findTicketOfWorkflow(model, sample.workflowId));
  await time(rows, 'ticket by access-code hash (lookup key → _id)', runs, () => findTicketByAccessCodeHash(model, sample.accessCodeHash));
  await time(rows, 'audit trail, 10 events (case list → _ids)', runs, () => auditTrailOf(model, sample.ticketNumber));
  const scans = 3; // each decodes the whole collection: seconds at 100,000
  await time(rows, '  replaced: tickets.findOne({ workflowId })', scans, () => model.tickets.findOne({ workflowId: sample.workflowId }).lean());
  await time(rows, '  replaced: tickets.findOne({ accessCodeHash })', scans, () => model.tickets.findOne({ accessCodeHash: sample.accessCodeHash }).lean());
  await time(rows, '  replaced: audit.find({ caseNumber }).sort({ at: 1 })', scans, () => model.audit.find({ caseNumber: sample.ticketNumber }).sort({ at: 1 }).lean());
  return rows;
}
