/**
 * Claim, return and reassign. Every change of who works a task takes the next assignment
 * generation by inserting `task_claims` `<taskId>#<n>`: two caseworkers claiming at once both
 * try `#n`, the unique `_id` lets exactly one in, the other gets 409 (FerretDB's conditional
 * updates are not atomic, inserts are). Then the task document and the `user:` queues follow
 * under the task's lock (activities/tasks/task-store.ts).
 */
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import type { TaskDoc } from '../../../store/tasks/task-model';
import { mutateTask } from '../../../store/tasks/task-store';
import { appendAuditEvent } from '../../../store/audit';
import { staffAccountModel } from '../../../store/accounts/staff-accounts';
import { validationFailed } from '../../http/validation';
import { loadTaskFor, taskClaimed, taskNotOpen } from './task-access';
import { isDuplicateKey } from '../../../store/duplicate-key';

/** A generation inserted but never applied (the process died in between) is skipped after this. */
const ABANDONED_MS = 30_000;

type Change = { action: 'claim' | 'return' | 'reassign'; to: { id: string; displayName: string } | null };

async function changeAssignment(system: System, principal: Principal, task: TaskDoc, change: Change): Promise<TaskDoc> {
  const { model } = system;
  const seq = (task.claimSeq ?? 0) + 1;
  try {
    await model.taskClaims.create({ _id: `${task._id}#${seq}`, taskId: task._id, action: change.action, by: principal.id, to: change.to?.id ?? null, at: new Date() });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const other = await model.taskClaims.findById(`${task._id}#${seq}`).lean();
    if (other && Date.now() - new Date(other.at).getTime() > ABANDONED_MS) {
      // Its taker died before applying it: move the task past it, then the caller may try again.
      await mutateTask(model, task._id, (t) => ((t.claimSeq ?? 0) < seq ? { claimSeq: seq } : null));
    }
    throw taskClaimed();
  }
  let closed = false;
  const updated = await mutateTask(model, task._id, (t) => {
    // The generation is ours either way; a task closed meanwhile keeps no assignee change.
    if (t.status !== 'open') { closed = true; return { claimSeq: seq }; }
    return { claimSeq: seq, assignee: change.to?.id ?? null, assigneeName: change.to?.displayName ?? null };
  });
  if (closed || !updated) throw taskNotOpen();
  await appendAuditEvent(model, {
    key: `task:${task._id}:assignment:${seq}`, actor: principal.id, action: `task.${change.action === 'claim' ? 'claimed' : change.action === 'return' ? 'returned' : 'reassigned'}`,
    caseType: task.procedure, caseNumber: task.caseNumber, workflowId: task.workflowId, runId: task.runId,
    details: { taskId: task._id, from: task.assignee ?? null, to: change.to?.id ?? null },
  });
  return updated;
}

const self = (principal: Principal) => ({ id: principal.id, displayName: principal.displayName ?? principal.id });

/** Takes an unclaimed task (again by the same person: nothing changes). */
export async function claimTask(system: System, principal: Principal, taskId: string): Promise<TaskDoc> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  if (task.assignee === principal.id) return task;
  if (task.assignee) throw taskClaimed(task.assigneeName);
  return changeAssignment(system, principal, task, { action: 'claim', to: self(principal) });
}

/** Gives one's own task back to the department queue. */
export async function returnTask(system: System, principal: Principal, taskId: string): Promise<TaskDoc> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  if (!task.assignee) return task;
  if (task.assignee !== principal.id) throw taskClaimed(task.assigneeName);
  return changeAssignment(system, principal, task, { action: 'return', to: null });
}

/** Hands a task to another caseworker of its department (claimed or not). */
export async function reassignTask(system: System, principal: Principal, taskId: string, to: string): Promise<TaskDoc> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  const account = await staffAccountModel(system.conn).findById(to.trim().toLowerCase()).lean();
  if (!account || account.disabled || !account.roles.includes('caseworker') || !account.departments.includes(task.department)) {
    throw validationFailed([{ field: 'to', message: {
      de: 'Bitte eine Sachbearbeiterin oder einen Sachbearbeiter dieser Abteilung angeben.',
      en: 'Please name a caseworker of this department.',
    } }]);
  }
  if (task.assignee === account._id) return task;
  return changeAssignment(system, principal, task, { action: 'reassign', to: { id: account._id, displayName: account.displayName } });
}
