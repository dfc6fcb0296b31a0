/**
 * Writes to a task document and its queue entries, used by the worker (open, close, escalate)
 * and by the web process (claim, return, reassign). Every change of one task runs under that
 * task's lease lock: read the document, change it, then bring each queue key in line. The
 * keys touched are first recorded on the document (`indexedKeys`), so a retry after a crash
 * between the writes still removes an entry from a queue the task has left.
 */
import type { ReadModel } from '../models';
import type { TaskDoc } from './task-model';
import { withLease } from '../lease-lock';
import { createQueueIndex, type QueueEntry, type QueueIndex } from './queue-index';

export type TaskLean = TaskDoc;

export function queueIndexOf(model: ReadModel): QueueIndex {
  return createQueueIndex(model.taskQueues, model.taskLocks);
}

export const queueKeys = {
  department: (department: string, closed: boolean) => `dept:${department}|${closed ? 'closed' : 'open'}`,
  procedure: (department: string, procedure: string, closed: boolean) => `dept:${department}|proc:${procedure}|${closed ? 'closed' : 'open'}`,
  user: (accountId: string, closed: boolean) => `user:${accountId}|${closed ? 'closed' : 'open'}`,
};

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

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((k) => b.includes(k));

/**
 * Brings every queue key in line with the document as it is now. `indexedKeys` already holds
 * every key the task may sit in (written with the change itself), so each costs one write.
 */
async function syncQueues(model: ReadModel, index: QueueIndex, task: TaskDoc): Promise<void> {
  const desired = keysOf(task);
  const all = union(task.indexedKeys ?? [], desired);
  const entry = entryOf(task);
  for (const key of all) {
    if (desired.includes(key)) await index.put(key, entry);
    else await index.remove(key, entry);
  }
  // Each write to the tasks collection costs a scan of it on FerretDB: only when keys were left.
  if (!sameSet(all, desired)) await model.tasks.updateOne({ _id: task._id }, { $set: { indexedKeys: desired } });
}

/**
 * Changes one task under its lock. `change` sees the current document and returns the fields
 * to set, or null to leave it (it may throw to refuse). Returns the document after the change
 * (null: no such task). The queues are re-synced even when nothing changed: a retry repairs.
 */
export async function mutateTask(
  model: ReadModel, taskId: string, change: (task: TaskDoc) => Partial<TaskDoc> | null,
): Promise<TaskDoc | null> {
  const index = queueIndexOf(model);
  return withLease(model.taskLocks, `task:${taskId}`, async (lease) => {
    const task = await model.tasks.findById(taskId).lean<TaskDoc>();
    if (!task) return null;
    const patch = change(task) ?? {};
    lease.check();
    const changed = { ...task, ...patch };
    // The change and the keys it may leave behind are written together (a retry still finds them).
    const indexedKeys = union(task.indexedKeys ?? [], keysOf(changed));
    if (Object.keys(patch).length > 0 || !sameSet(indexedKeys, task.indexedKeys ?? [])) {
      await model.tasks.updateOne({ _id: taskId }, { $set: { ...patch, indexedKeys } });
    }
    const now = { ...changed, indexedKeys };
    await syncQueues(model, index, now);
    return now;
  });
}

/** Inserts the task if it is new (same id again: nothing changes), then syncs its queues. */
export async function insertTask(model: ReadModel, doc: Omit<TaskDoc, 'createdAt' | 'updatedAt'>): Promise<{ created: boolean; task: TaskDoc }> {
  const index = queueIndexOf(model);
  return withLease(model.taskLocks, `task:${doc._id}`, async () => {
    let created = false;
    let task = await model.tasks.findById(doc._id).lean<TaskDoc>();
    if (!task) {
      try {
        await model.tasks.create({ ...doc, indexedKeys: keysOf(doc as TaskDoc) });
        created = true;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      task = (await model.tasks.findById(doc._id).lean<TaskDoc>())!;
    }
    await syncQueues(model, index, task);
    return { created, task };
  });
}

/**
 * Repair and bulk load: rebuilds every queue from the task documents (a full scan, fine for
 * an operator's repair or a benchmark's load; writes arriving meanwhile are re-synced by their
 * own task lock, but run it when the system is quiet).
 */
export async function rebuildTaskQueues(model: ReadModel): Promise<{ tasks: number; keys: number }> {
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
  return { tasks, keys: byKey.size };
}
