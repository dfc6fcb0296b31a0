/** The inbox queue index and its lease lock, on the embedded FerretDB (no atomic conditional updates). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { createQueueIndex, MAX_BUCKET, sortKeyOf, type QueueEntry, type QueueIndex } from '../../store/tasks/queue-index';
import { LockSpace, withLease } from '../../store/lease-lock';
import { mutateTask, openTask } from '../../store/tasks/task-store';
import { rebuildTaskQueues } from '../../store/tasks/task-queues';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;
let index: QueueIndex;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_task_queues')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
  index = createQueueIndex(model.taskQueues, model.taskLocks);
});
afterAll(async () => {
  await conn?.close();
});

const day = (n: number, hour = 9) => new Date(Date.UTC(2026, 10, 1 + n, hour)).toISOString();
const entry = (id: string, due: string, extra: Partial<QueueEntry> = {}): QueueEntry => ({
  id, due, title: { de: `Aufgabe ${id}`, en: `Task ${id}` }, type: 't', procedure: 'parking-ticket', department: 'fine-office',
  caseNumber: `C-${id}`, status: 'open', overdue: false, assignee: null, assigneeName: null, closedAt: null, ...extra,
});

/** Every entry of a queue, page by page. */
async function all(key: string, query: { sort?: 1 | -1; limit?: number; dueFrom?: string; dueTo?: string; overdue?: boolean } = {}) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let total = -1;
  for (;;) {
    const page = await index.page(key, { sort: query.sort ?? 1, limit: query.limit ?? 7, cursor, ...query });
    total = page.total;
    ids.push(...page.items.map((e) => e.id));
    pages += 1;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, pages, total };
}

describe('queue index', () => {
  it('orders by due date then task id, pages with a cursor both ways, and filters by due range and overdue', async () => {
    const key = 'dept:fine-office|open';
    // Inserted out of order, two with the same due instant.
    const entries = [entry('e', day(5)), entry('a', day(1)), entry('c', day(3), { overdue: true }), entry('b2', day(2)), entry('b1', day(2)), entry('d', day(4))];
    for (const e of entries) await index.put(key, e);
    expect((await all(key, { limit: 2 })).ids).toEqual(['a', 'b1', 'b2', 'c', 'd', 'e']);
    const desc = await all(key, { sort: -1, limit: 4 });
    expect(desc.ids).toEqual(['e', 'd', 'c', 'b2', 'b1', 'a']);
    expect(desc).toMatchObject({ pages: 2, total: 6 });
    const ranged = await index.page(key, { sort: 1, limit: 10, dueFrom: day(2), dueTo: day(4) });
    expect(ranged.items.map((e) => e.id)).toEqual(['b1', 'b2', 'c', 'd']);
    expect(ranged.total).toBe(4);
    expect((await index.page(key, { sort: 1, limit: 10, overdue: true })).items.map((e) => e.id)).toEqual(['c']);
    expect((await index.page(key, { sort: 1, limit: 10, overdue: false })).total).toBe(5);

    // put replaces (same id), remove takes out.
    await index.put(key, entry('c', day(3), { assignee: 'mmeier', assigneeName: 'M. Meier' }));
    await index.remove(key, entry('a', day(1)));
    const page = await index.page(key, { sort: 1, limit: 10 });
    expect(page.items.map((e) => e.id)).toEqual(['b1', 'b2', 'c', 'd', 'e']);
    expect(page.items[2]).toMatchObject({ assigneeName: 'M. Meier', overdue: false });
    expect(page.total).toBe(5);
  });

  it('when 300 entries are written by 12 concurrent writers in two processes, then none is lost and buckets split', async () => {
    const key = 'dept:traffic|open';
    // Two lock spaces stand for two processes (web and worker): they meet only in the database.
    const processes = [createQueueIndex(model.taskQueues, model.taskLocks, new LockSpace()), createQueueIndex(model.taskQueues, model.taskLocks, new LockSpace())];
    const id = (n: number) => `t${String(n).padStart(4, '0')}`;
    const due = (n: number) => day(n % 30, n % 24);
    await Promise.all(Array.from({ length: 12 }, (_, w) => (async () => {
      for (let i = 0; i < 25; i += 1) {
        const n = i * 12 + w;
        await processes[w % 2]!.put(key, entry(id(n), due(n)));
      }
    })()));
    const dir = JSON.parse(((await model.taskQueues.collection.findOne({ _id: `dir:${key}` } as never)) as unknown as { n: string }).n) as { count: number }[];
    expect(dir.length).toBeGreaterThan(300 / MAX_BUCKET);
    expect(dir.reduce((s, b) => s + b.count, 0)).toBe(300);
    const { ids, total } = await all(key, { limit: 50 });
    expect(total).toBe(300);
    expect(new Set(ids).size).toBe(300);
    // Order across bucket boundaries.
    const page = await index.page(key, { sort: 1, limit: 100 });
    const keys = page.items.map(sortKeyOf);
    expect(keys).toEqual([...keys].sort());

    // Concurrent removals of the same key from both processes.
    await Promise.all(Array.from({ length: 12 }, (_, w) => (async () => {
      for (let i = 0; i < 10; i += 1) {
        const n = i * 12 + w;
        await processes[w % 2]!.remove(key, entry(id(n), due(n)));
      }
    })()));
    const rest = await all(key, { limit: 100 });
    expect(rest.total).toBe(180);
    expect(rest.ids.length).toBe(180);
    expect(rest.ids.every((x) => Number(x.slice(1)) >= 120)).toBe(true);
  });

  it('a bulk load replaces a key and pages like written entries', async () => {
    const key = 'dept:tax-office|open';
    await index.put(key, entry('old', day(1)));
    const entries = Array.from({ length: 1000 }, (_, i) => entry(`b${i}`, day(i % 40)));
    await index.load(key, entries);
    const { ids, total } = await all(key, { limit: 100 });
    expect(total).toBe(1000);
    expect(ids).not.toContain('old');
    expect(new Set(ids).size).toBe(1000);
  });
});

describe('lease lock', () => {
  it('when 6 processes run read-modify-write under one lock, then no update is lost', async () => {
    await model.taskQueues.collection.insertOne({ _id: 'counter', n: 0 } as never);
    await Promise.all(Array.from({ length: 6 }, () => (async () => {
      const space = new LockSpace();
      for (let i = 0; i < 5; i += 1) {
        await withLease(model.taskLocks, 'counter', async () => {
          const doc = await model.taskQueues.collection.findOne({ _id: 'counter' } as never) as unknown as { n: number };
          await model.taskQueues.collection.updateOne({ _id: 'counter' } as never, { $set: { n: doc.n + 1 } });
        }, { space });
      }
    })()));
    const doc = await model.taskQueues.collection.findOne({ _id: 'counter' } as never) as unknown as { n: number };
    expect(doc.n).toBe(30);
  });

  it('when a holder crashed and its lease expired, then exactly one waiter takes over', async () => {
    // A lock left behind by a process that died 5 minutes ago.
    await model.taskLocks.collection.insertOne({ _id: 'lock:crashed@0', holder: 'dead', expiresAt: new Date(Date.now() - 300_000) } as never);
    let inside = 0;
    let maxInside = 0;
    await Promise.all(Array.from({ length: 6 }, () => withLease(model.taskLocks, 'crashed', async () => {
      inside += 1;
      maxInside = Math.max(maxInside, inside);
      await new Promise((r) => setTimeout(r, 20));
      inside -= 1;
    }, { waitMs: 20_000, space: new LockSpace() })));
    expect(maxInside).toBe(1);
    expect(await model.taskLocks.collection.countDocuments({ _id: 'epoch:crashed@1' } as never)).toBe(1);
    expect(await model.taskLocks.collection.countDocuments({ _id: 'epoch:crashed@2' } as never)).toBe(0);
  });

  it('a lock held by a live holder is waited for, not taken over', async () => {
    const order: string[] = [];
    const first = withLease(model.taskLocks, 'live', async () => { order.push('first-in'); await new Promise((r) => setTimeout(r, 300)); order.push('first-out'); });
    await new Promise((r) => setTimeout(r, 50));
    await withLease(model.taskLocks, 'live', async () => { order.push('second'); });
    await first;
    expect(order).toEqual(['first-in', 'first-out', 'second']);
  });
});

describe('task store', () => {
  const task = (n: number) => ({
    _id: `wf-store-${n}~decision`, workflowId: `wf-store-${n}`, runId: 'r', type: 't', department: 'citizens-office', procedure: 'residence',
    caseNumber: `S-${n}`, title: { de: `Aufgabe ${n}`, en: `Task ${n}` }, decisionSchema: { type: 'object' }, decisionUiSchema: {}, outcomes: {},
    dueAt: new Date(day(n)), caseData: {},
  });
  const ids = async (key: string) => (await index.page(key, { sort: 1, limit: 100 })).items.map((e) => e.id);

  it('a change left half done (crash after the document write) is repaired by the next change or a retry', async () => {
    await openTask(model, task(1));
    await mutateTask(model, 'wf-store-1~decision', () => ({ assignee: 'anna', assigneeName: 'Anna' }));
    expect(await ids('user:anna|open')).toEqual(['wf-store-1~decision']);
    // As if a return had written the document (keys included) and died before touching the queues.
    await model.tasks.updateOne({ _id: 'wf-store-1~decision' }, { $set: { assignee: null, assigneeName: null } });
    expect(await ids('user:anna|open')).toEqual(['wf-store-1~decision']);
    await mutateTask(model, 'wf-store-1~decision', () => null);
    expect(await ids('user:anna|open')).toEqual([]);
    expect((await model.tasks.findById('wf-store-1~decision').lean())?.indexedKeys).toEqual(['dept:citizens-office|open', 'dept:citizens-office|proc:residence|open']);
  });

  it('the rebuild restores every queue from the task documents', async () => {
    await openTask(model, task(2));
    await mutateTask(model, 'wf-store-2~decision', () => ({ assignee: 'ben', assigneeName: 'Ben' }));
    await openTask(model, task(3));
    await mutateTask(model, 'wf-store-3~decision', () => ({ status: 'completed', closedAt: new Date() }));
    await index.clear();
    expect(await ids('dept:citizens-office|open')).toEqual([]);
    const rebuilt = await rebuildTaskQueues(model);
    expect(rebuilt.tasks).toBeGreaterThanOrEqual(3);
    expect(await ids('dept:citizens-office|open')).toEqual(['wf-store-1~decision', 'wf-store-2~decision']);
    expect(await ids('dept:citizens-office|closed')).toEqual(['wf-store-3~decision']);
    expect(await ids('user:ben|open')).toEqual(['wf-store-2~decision']);
  });

  it('when a database still holds the queue buckets in the 32 old collections, then start-up rebuilds the queues and drops those', async () => {
    await model.taskQueues.collection.deleteMany({});
    await conn.db!.collection('task_queue_buckets_07').insertOne({ _id: 'bkt:dept:citizens-office|open#1', e: '[]' } as never);
    expect(await ids('dept:citizens-office|open')).toEqual([]);
    await ensureReadModelIndexes(conn);
    expect(await ids('dept:citizens-office|open')).toEqual(['wf-store-1~decision', 'wf-store-2~decision']);
    expect((await conn.db!.listCollections().toArray()).map((c) => c.name).filter((n) => n.startsWith('task_queue_buckets_'))).toEqual([]);
  });
});
