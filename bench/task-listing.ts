/**
 * Benchmark: one inbox page with 100,000 tasks in the read model (FerretDB v1 on SQLite, where
 * only `_id` equality is pushed down). The tasks are bulk-loaded and their queues rebuilt by
 * the task store; then p50/p95 of fetching one page for several queue/filter/sort/depth
 * combinations, against a baseline measured in the same run (one task document by `_id`), and
 * the naive find+sort+limit once for contrast. Goal: p95 < 100 ms per page.
 */
import { randomUUID } from 'node:crypto';
import type { System } from '../system/system';
import type { ReadModel } from '../store/models';
import type { Principal } from '../server/http/route';
import { findTask, importTasks } from '../store/tasks/task-store';
import { rebuildTaskQueues, taskQueueCursorAt, taskQueuePage } from '../store/tasks/task-queues';
import { listTasks, type ListTasksQuery } from '../server/use-cases/tasks/list-tasks';
import { DEPARTMENT_IDS, type Department } from '../domain/departments';

const DAY = 86_400_000;
const PROCEDURES: Record<Department, string[]> = {
  'fine-office': ['parking-ticket', 'fine-proceedings', 'speeding'],
  traffic: ['parking-ticket', 'towing'],
  'tax-office': ['dog-tax', 'second-home-tax'],
  'citizens-office': ['residence', 'id-card'],
};
/** Share of tasks per department: the fine office is the big queue. */
const WEIGHT: Record<Department, number> = { 'fine-office': 0.6, traffic: 0.2, 'tax-office': 0.1, 'citizens-office': 0.1 };

function pct(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function time(runs: number, op: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await op();
    ms.push(performance.now() - t);
  }
  return { p50: pct(ms, 0.5), p95: pct(ms, 0.95), max: Math.max(...ms) };
}

async function bulkLoad(model: ReadModel, total: number, now: number): Promise<string> {
  const schema = { type: 'object', required: ['outcome'], properties: { outcome: { type: 'string', enum: ['uphold', 'drop'] }, reason: { type: 'string' } } };
  let sampleId = '';
  const CHUNK = 2000;
  for (let at = 0; at < total; at += CHUNK) {
    const docs = [];
    for (let i = at; i < Math.min(total, at + CHUNK); i += 1) {
      let r = (i * 7919) % 1000 / 1000;
      let department: Department = 'fine-office';
      for (const d of DEPARTMENT_IDS) { if (r < WEIGHT[d]) { department = d; break; } r -= WEIGHT[d]; }
      const procs = PROCEDURES[department];
      const procedure = procs[i % procs.length]!;
      // Due dates spread over 200 days, a quarter of them already past (overdue when open).
      const dueAt = new Date(now + ((i * 104729) % (200 * 24)) * 3_600_000 - 50 * DAY);
      const closed = i % 7 === 0;
      const assignee = i % 20 === 0 ? `bench-cw-${i % 13}` : null;
      const id = `bench-${procedure}-${i}~decision`;
      if (i === Math.floor(total / 2)) sampleId = id;
      docs.push({
        _id: id, workflowId: `bench-${procedure}-${i}`, runId: randomUUID(), type: `${procedure}.decision`, department, procedure,
        caseNumber: `B-${String(i).padStart(6, '0')}`, title: { de: `Entscheidung ${i}`, en: `Decision ${i}` },
        decisionSchema: schema, decisionUiSchema: {}, outcomes: { uphold: { required: [] }, drop: { required: ['reason'] } },
        dueAt, caseData: { plate: `HA-B ${i % 9999}` }, status: closed ? 'completed' as const : 'open' as const, overdue: !closed && dueAt.getTime() < now,
        assignee, assigneeName: assignee ? `Bench ${assignee}` : null,
        ...(closed ? { closedAt: new Date(now), decidedBy: 'bench', decision: { outcome: 'uphold' } } : {}),
      });
    }
    await importTasks(model, docs);
  }
  return sampleId;
}

export interface ListingRow { label: string; total?: number; p50ms: number; p95ms: number; p95OverBaseline: number }
export interface ListingResult { tasks: number; loadSeconds: number; rebuildSeconds: number; rows: ListingRow[]; worstP95ms: number }

export async function taskListingBench(system: System, opts: { total?: number; runs?: number; bulkModel?: ReadModel } = {}): Promise<ListingResult> {
  const bulk = opts.bulkModel ?? system.model;
  const total = opts.total ?? 100_000;
  const runs = opts.runs ?? 60;
  const now = Date.now();
  console.log(`\ninbox listing benchmark: ${total.toLocaleString('en')} tasks, ${runs} runs per row`);
  await bulk.tasks.deleteMany({ _id: /^bench-/ });
  let t = performance.now();
  const sampleId = await bulkLoad(bulk, total, now);
  const loadSeconds = (performance.now() - t) / 1000;
  console.log(`bulk insert of the task documents: ${loadSeconds.toFixed(1)} s`);
  t = performance.now();
  const rebuilt = await rebuildTaskQueues(bulk);
  const rebuildSeconds = (performance.now() - t) / 1000;
  console.log(`queue rebuild: ${rebuilt.tasks.toLocaleString('en')} tasks into ${rebuilt.queues} queues in ${rebuildSeconds.toFixed(1)} s`);

  const baseline = await time(runs * 2, () => findTask(system.model, sampleId));
  const rows: ListingRow[] = [];
  const row = (label: string, r: { p50: number; p95: number }, total?: number) => {
    rows.push({ label, ...(total === undefined ? {} : { total }), p50ms: r.p50, p95ms: r.p95, p95OverBaseline: r.p95 / baseline.p95 });
    console.log(`${label.padEnd(58)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   p95/baseline ${(r.p95 / baseline.p95).toFixed(3).padStart(6)}`);
  };
  row('baseline: one task document by _id', baseline);

  const principal: Principal = { kind: 'staff', roles: ['caseworker'], id: 'bench-cw-0', displayName: 'Bench', departments: [...DEPARTMENT_IDS] };
  // Cursors in the middle and near the end of the big queue.
  const bigQueue = (await taskQueuePage(system.model, { department: 'fine-office' }, { sort: 1, limit: 1 })).total;
  const middle = await taskQueueCursorAt(system.model, { department: 'fine-office' }, Math.floor(bigQueue / 2));
  const late = await taskQueueCursorAt(system.model, { department: 'fine-office' }, bigQueue - 450);
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const combos: Array<[string, ListTasksQuery]> = [
    ['fine office, open, due first, page 1', { queue: 'department', department: 'fine-office' }],
    ['fine office, open, due last (-dueAt), page 1', { queue: 'department', department: 'fine-office', sort: '-dueAt' }],
    ['fine office, open, 100 per page', { queue: 'department', department: 'fine-office', limit: '100' }],
    [`fine office, open, page in the middle (~${Math.round(bigQueue / 2).toLocaleString('en')} deep)`, { queue: 'department', department: 'fine-office', cursor: middle }],
    ['fine office, open, near the end, -dueAt', { queue: 'department', department: 'fine-office', cursor: late, sort: '-dueAt' }],
    ['fine office, procedure parking-ticket', { queue: 'department', department: 'fine-office', procedure: 'parking-ticket' }],
    ['fine office, overdue only', { queue: 'department', department: 'fine-office', overdue: 'true' }],
    ['fine office, not overdue', { queue: 'department', department: 'fine-office', overdue: 'false' }],
    ['fine office, due in the next 30 days', { queue: 'department', department: 'fine-office', dueFrom: day(0), dueTo: day(30) }],
    ['fine office, closed', { queue: 'department', department: 'fine-office', status: 'closed' }],
    ['tax office, open', { queue: 'department', department: 'tax-office' }],
    ['mine (bench-cw-0), open', { queue: 'mine' }],
    ['mine, procedure filter', { queue: 'mine', procedure: 'speeding' }],
  ];
  let worst = 0;
  for (const [label, query] of combos) {
    const page = await listTasks(system, principal, query);
    if (page.items.length === 0) throw new Error(`benchmark row "${label}" returned no tasks`);
    const r = await time(runs, () => listTasks(system, principal, query));
    worst = Math.max(worst, r.p95);
    row(label, r, page.total);
  }
  console.log(`worst page p95: ${worst.toFixed(1)} ms (goal < 100 ms) ${worst < 100 ? 'OK' : 'MISSED'}`);

  // On the bulk connection (no 10 s socket timeout): it decodes every task document.
  const naive = await time(1, () => bulk.tasks.find({ department: 'fine-office', status: 'open' }).sort({ dueAt: 1 }).limit(25).lean()).catch(() => undefined);
  if (naive) row('contrast: naive find({department,status}).sort({dueAt}).limit(25)', naive);
  return { tasks: total, loadSeconds, rebuildSeconds, rows, worstP95ms: worst };
}
