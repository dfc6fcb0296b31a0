/**
 * Inbox tasks: open, close, mark overdue and change the assignee of one task, used by the
 * worker (open, close, escalate) and by the web process (claim, return, reassign). Every change
 * of one task runs under that task's lock (lease-lock.ts): read the document, change it, then
 * bring its queues in line (task-queues.ts). The queues the task may sit in are first recorded
 * on the document (`indexedKeys`), so a retry after a crash between the writes still removes an
 * entry from a queue the task has left.
 *
 * Who works a task changes by generation: each change inserts `task_claims` `<taskId>#<n>`;
 * two caseworkers claiming at once both try `#n`, the unique `_id` lets exactly one in
 * (FerretDB's conditional updates are not atomic, inserts are). The task remembers the last
 * generation applied (`claimSeq`).
 */
import type { ReadModel } from '../models';
import type { TaskDoc } from './task-model';
import { withLease } from '../lease-lock';
import { isDuplicateKey } from '../duplicate-key';
import { keysOf, sameSet, syncQueues, union } from './task-queues';

/** A task as its callers see it (without the store's bookkeeping). */
export type Task = Omit<TaskDoc, 'claimSeq' | 'indexedKeys'>;
/** What opening a task needs: everything but its state. */
export type NewTask = Pick<Task, '_id' | 'workflowId' | 'runId' | 'type' | 'department' | 'procedure' | 'caseNumber' | 'title'
  | 'decisionSchema' | 'decisionUiSchema' | 'outcomes' | 'dueAt' | 'caseData'>;
type TaskChange = Partial<Omit<TaskDoc, '_id' | 'indexedKeys'>>;

export async function findTask(model: ReadModel, taskId: string): Promise<Task | null> {
  return model.tasks.findById(taskId).lean<TaskDoc>();
}

/** Whether a task document exists (opened, or opening, in any state). */
export async function taskExists(model: ReadModel, taskId: string): Promise<boolean> {
  return (await model.tasks.exists({ _id: taskId })) !== null;
}

/**
 * Changes one task under its lock. `change` sees the current document and returns the fields
 * to set, or null to leave it (it may throw to refuse). Returns the document after the change
 * (null: no such task). The queues are re-synced even when nothing changed: a retry repairs.
 */
export async function mutateTask(model: ReadModel, taskId: string, change: (task: TaskDoc) => TaskChange | null): Promise<TaskDoc | null> {
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
    await syncQueues(model, now);
    return now;
  });
}

/** Opens the task if it is new (same id again: nothing changes), then syncs its queues. */
export async function openTask(model: ReadModel, doc: NewTask): Promise<{ created: boolean; task: Task }> {
  return withLease(model.taskLocks, `task:${doc._id}`, async () => {
    let created = false;
    let task = await model.tasks.findById(doc._id).lean<TaskDoc>();
    if (!task) {
      const fresh = { ...doc, status: 'open', overdue: false, assignee: null, assigneeName: null, claimSeq: 0 } as const;
      try {
        await model.tasks.create({ ...fresh, indexedKeys: keysOf(fresh) });
        created = true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      task = (await model.tasks.findById(doc._id).lean<TaskDoc>())!;
    }
    await syncQueues(model, task);
    return { created, task };
  });
}

export interface TaskClosing {
  status: 'completed' | 'cancelled';
  /** Account id of who decided, or 'system'. */
  by: string;
  decision?: Record<string, unknown>;
  /** Why it was cancelled. */
  reason?: string;
}

/** Closes an open task (a closed one stays as it was). Returns the task after it (null: no such task). */
export async function closeTask(model: ReadModel, taskId: string, closing: TaskClosing): Promise<Task | null> {
  return mutateTask(model, taskId, (t) => (t.status !== 'open' ? null : {
    status: closing.status,
    closedAt: new Date(),
    ...(closing.decision ? { decision: closing.decision } : {}),
    ...(closing.status === 'completed' ? { decidedBy: closing.by } : { cancelReason: closing.reason ?? '' }),
  }));
}

/** Marks an open task overdue once (escalated now). Returns the task after it (null: no such task). */
export async function markTaskOverdue(model: ReadModel, taskId: string): Promise<Task | null> {
  return mutateTask(model, taskId, (t) => (t.status !== 'open' || t.overdue ? null : { overdue: true, escalatedAt: new Date() }));
}

/** A generation inserted but never applied (the process died in between) is skipped after this. */
const ABANDONED_MS = 30_000;

export interface AssigneeChange {
  action: 'claim' | 'return' | 'reassign';
  /** The staff account making the change. */
  by: string;
  /** The new assignee; null: back to the department's queue. */
  to: { id: string; displayName: string } | null;
}
export type AssigneeChangeResult =
  /** Applied as the task's `generation`-th assignment change. */
  | { outcome: 'changed'; task: Task; generation: number }
  /** Someone else changed the assignee since `seen` was read (or at the same moment). */
  | { outcome: 'taken' }
  /** The task closed meanwhile; the assignee stays. */
  | { outcome: 'closed' };

/**
 * Changes who works a task, if nobody changed it since the caller read `seen` (a task returned
 * by this store): of two changes made from the same reading, exactly one wins.
 */
export async function changeAssignee(model: ReadModel, seen: Task, change: AssigneeChange): Promise<AssigneeChangeResult> {
  const taskId = seen._id;
  const seq = ((seen as Partial<TaskDoc>).claimSeq ?? 0) + 1;
  try {
    await model.taskClaims.create({ _id: `${taskId}#${seq}`, taskId, action: change.action, by: change.by, to: change.to?.id ?? null, at: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const other = await model.taskClaims.findById(`${taskId}#${seq}`).lean();
    if (other && Date.now() - new Date(other.at).getTime() > ABANDONED_MS) {
      // Its taker died before applying it: move the task past it, then the caller may try again.
      await mutateTask(model, taskId, (t) => ((t.claimSeq ?? 0) < seq ? { claimSeq: seq } : null));
    }
    return { outcome: 'taken' };
  }
  let closed = false;
  const updated = await mutateTask(model, taskId, (t) => {
    // The generation is ours either way; a task closed meanwhile keeps no assignee change.
    if (t.status !== 'open') { closed = true; return { claimSeq: seq }; }
    return { claimSeq: seq, assignee: change.to?.id ?? null, assigneeName: change.to?.displayName ?? null };
  });
  if (closed || !updated) return { outcome: 'closed' };
  return { outcome: 'changed', task: updated, generation: seq };
}

/**
 * Bulk import (a migration or a benchmark's load): inserts tasks in any state without touching
 * their queues; run rebuildTaskQueues (task-queues.ts) afterwards.
 */
export async function importTasks(model: ReadModel, tasks: Array<NewTask & Partial<Omit<Task, keyof NewTask>>>): Promise<void> {
  await model.tasks.insertMany(tasks.map((t) => ({ status: 'open', overdue: false, assignee: null, assigneeName: null, ...t, claimSeq: 0, indexedKeys: [] })), { ordered: false, lean: true });
}
