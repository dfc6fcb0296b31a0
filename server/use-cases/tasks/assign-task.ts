/**
 * Claim, return and reassign. Of two changes of who works a task made at the same moment,
 * exactly one wins (the store claims each change by insert); the other caller gets 409.
 */
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import { changeAssignee, type AssigneeChange, type Task } from '../../../store/tasks/task-store';
import { appendAuditEvent } from '../../../store/audit';
import { findStaffAccount } from '../../../store/accounts/staff-accounts';
import { validationFailed } from '../../http/validation';
import { loadTaskFor, taskClaimed, taskNotOpen } from './task-access';

async function changeAssignment(system: System, principal: Principal, task: Task, change: Omit<AssigneeChange, 'by'>): Promise<Task> {
  const result = await changeAssignee(system.model, task, { ...change, by: principal.id });
  if (result.outcome === 'taken') throw taskClaimed();
  if (result.outcome === 'closed') throw taskNotOpen();
  await appendAuditEvent(system.model, {
    key: `task:${task._id}:assignment:${result.generation}`, actor: principal.id, action: `task.${change.action === 'claim' ? 'claimed' : change.action === 'return' ? 'returned' : 'reassigned'}`,
    caseType: task.procedure, caseNumber: task.caseNumber, workflowId: task.workflowId, runId: task.runId,
    details: { taskId: task._id, from: task.assignee ?? null, to: change.to?.id ?? null },
  });
  return result.task;
}

const self = (principal: Principal) => ({ id: principal.id, displayName: principal.displayName ?? principal.id });

/** Takes an unclaimed task (again by the same person: nothing changes). */
export async function claimTask(system: System, principal: Principal, taskId: string): Promise<Task> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  if (task.assignee === principal.id) return task;
  if (task.assignee) throw taskClaimed(task.assigneeName);
  return changeAssignment(system, principal, task, { action: 'claim', to: self(principal) });
}

/** Gives one's own task back to the department queue. */
export async function returnTask(system: System, principal: Principal, taskId: string): Promise<Task> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  if (!task.assignee) return task;
  if (task.assignee !== principal.id) throw taskClaimed(task.assigneeName);
  return changeAssignment(system, principal, task, { action: 'return', to: null });
}

/** Hands a task to another caseworker of its department (claimed or not). */
export async function reassignTask(system: System, principal: Principal, taskId: string, to: string): Promise<Task> {
  const task = await loadTaskFor(system, principal, taskId);
  if (task.status !== 'open') throw taskNotOpen();
  const account = await findStaffAccount(system.conn, to.trim().toLowerCase());
  if (!account || account.disabled || !account.roles.includes('caseworker') || !account.departments.includes(task.department)) {
    throw validationFailed([{ field: 'to', message: {
      de: 'Bitte eine Sachbearbeiterin oder einen Sachbearbeiter dieser Abteilung angeben.',
      en: 'Please name a caseworker of this department.',
    } }]);
  }
  if (task.assignee === account._id) return task;
  return changeAssignment(system, principal, task, { action: 'reassign', to: { id: account._id, displayName: account.displayName } });
}
