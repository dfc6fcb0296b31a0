/**
 * The inbox queues of tasks: which queues a task sits in (its department's, its procedure's
 * within the department, its assignee's; each open or closed), kept in line with the task
 * document, and read a page at a time. Callers name a queue by what it is ({ department },
 * { department, procedure }, { assignee }); how a queue is stored is queue-index.ts's business.
 */
import type { ReadModel } from '../models';
import type { TaskDoc } from './task-model';
import { withLease } from '../lease-lock';
import { createQueueIndex, type Page, type PageQuery, type QueueEntry, type QueueIndex } from './queue-index';

/** One inbox queue, open tasks unless `closed`. An assignee's queue may be narrowed while reading (it is short). */
export type TaskQueue =
  | { department: string; procedure?: string; closed?: boolean }
  | { assignee: string; closed?: boolean; department?: string; procedure?: string };

export type TaskQueueEntry = QueueEntry;
export type TaskQueuePage = Page;
export type TaskQueuePageQuery = Omit<PageQuery, 'match'>;

export function queueIndexOf(model: ReadModel): QueueIndex {
  return createQueueIndex(model.taskQueues, model.taskLocks);
}

export const queueKeys = {
  department: (department: string, closed: boolean) => `dept:${department}|${closed ? 'closed' : 'open'}`,
  procedure: (department: string, procedure: string, closed: boolean) => `dept:${department}|proc:${procedure}|${closed ? 'closed' : 'open'}`,
  user: (accountId: string, closed: boolean) => `user:${accountId}|${closed ? 'closed' : 'open'}`,
};

function keyOf(queue: TaskQueue): { key: string; match?: (e: QueueEntry) => boolean } {
  const closed = queue.closed ?? false;
  if ('assignee' in queue) {
    const { department, procedure } = queue;
    const match = department || procedure
      ? (e: QueueEntry) => (!department || e.department === department) && (!procedure || e.procedure === procedure)
      : undefined;
    return { key: queueKeys.user(queue.assignee, closed), match };
  }
  return { key: queue.procedure ? queueKeys.procedure(queue.department, queue.procedure, closed) : queueKeys.department(queue.department, closed) };
}

/** One page of a queue, sorted by due date (then task id), after `cursor` (the previous page's nextCursor). */
export async function taskQueuePage(model: ReadModel, queue: TaskQueue, query: TaskQueuePageQuery): Promise<TaskQueuePage> {
  const { key, match } = keyOf(queue);
  return queueIndexOf(model).page(key, { ...query, match });
}

/** A cursor from which a page starts about `position` entries into the queue (in due order): to jump deep into it. */
export async function taskQueueCursorAt(model: ReadModel, queue: TaskQueue, position: number): Promise<string | undefined> {
  return queueIndexOf(model).cursorAt(keyOf(queue).key, position);
}

/** The queues a task belongs in, given its current state. */
export function keysOf(task: Pick<TaskDoc, 'department' | 'procedure' | 'status' | 'assignee'>): string[] {
  const closed = task.status !== 'open';
  const keys = [queueKeys.department(task.department, closed), queueKeys.procedure(task.department, task.procedure, closed)];
  if (task.assignee) keys.push(queueKeys.user(task.assignee, closed));
  return keys;
}

export function entryOf(task: TaskDoc): QueueEntry {
  return {
    id: task._id, due: new Date(task.dueAt).toISOString(),
    title: { de: task.title?.de ?? '', en: task.title?.en ?? '' },
    type: task.type, procedure: task.procedure, department: task.department, caseNumber: task.caseNumber,
    status: task.status as QueueEntry['status'], overdue: task.overdue ?? false,
    assignee: task.assignee ?? null, assigneeName: task.assigneeName ?? null,
    closedAt: task.closedAt ? new Date(task.closedAt).toISOString() : null,
  };
}

export const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * Brings every queue in line with the document as it is now. `indexedKeys` already holds
 * every key the task may sit in (written with the change itself), so each costs one write.
 */
export async function syncQueues(model: ReadModel, task: TaskDoc): Promise<void> {
  const index = queueIndexOf(model);
  const desired = keysOf(task);
  const all = union(task.indexedKeys ?? [], desired);
  const entry = entryOf(task);
  for (const key of all) {
    if (desired.includes(key)) await index.put(key, entry);
    else await index.remove(key, entry);
  }
  // Each write to the tasks collection is one more round trip: only when keys were left.
  if (!sameSet(all, desired)) await model.tasks.updateOne({ _id: task._id }, { $set: { indexedKeys: desired } });
}

/**
 * Repair and bulk load: rebuilds every queue from the task documents (a full scan, fine for
 * an operator's repair or a benchmark's load; writes arriving meanwhile are re-synced by their
 * own task lock, but run it when the system is quiet).
 */
export async function rebuildTaskQueues(model: ReadModel): Promise<{ tasks: number; queues: number }> {
  const index = queueIndexOf(model);
  const byKey = new Map<string, QueueEntry[]>();
  let tasks = 0;
  for await (const task of model.tasks.find({}).lean<TaskDoc[]>().cursor() as AsyncIterable<TaskDoc>) {
    tasks += 1;
    const entry = entryOf(task);
    for (const key of keysOf(task)) {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(entry);
    }
  }
  await index.clear();
  for (const [key, entries] of byKey) await index.load(key, entries);
  // indexedKeys now equals keysOf for every task; a stale superset would only cost a no-op removal.
  return { tasks, queues: byKey.size };
}

/**
 * Databases written before the buckets moved into `task_queues` hold them in 32 collections
 * `task_queue_buckets_<nn>`: rebuild the queues once from the tasks and drop those (under a
 * lock, as the web process and the worker both start here).
 */
export async function retireQueueShards(model: ReadModel): Promise<void> {
  const db = model.tasks.db;
  const legacy = async () => (await db.listCollections()).map((c) => c.name).filter((n) => /^task_queue_buckets_\d+$/.test(n));
  if ((await legacy()).length === 0) return;
  await withLease(model.taskLocks, 'migration:queue-shards', async () => {
    const names = await legacy();
    if (names.length === 0) return;
    await rebuildTaskQueues(model);
    for (const name of names) await db.dropCollection(name);
  }, { leaseMs: 600_000, waitMs: 900_000 });
}
