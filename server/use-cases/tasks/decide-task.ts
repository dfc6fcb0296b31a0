/**
 * A caseworker's decision: checked against the task's own decision schema (422 naming the
 * field), then sent to the case workflow as the `completeTask` Update. The caller learns the
 * outcome once the workflow accepted it and the read model says completed; the Update's
 * validator refuses a task that is no longer open (409), whoever got there first.
 */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import { completeTaskUpdate, TASK_ERRORS, type TaskDecision } from '../../../workflows/tasks/shared';
import { validateInput, validationFailed } from '../../http/validation';
import { AppError } from '../../http/app-error';
import { loadTaskFor, taskClaimed, taskNotOpen } from './task-access';
import { claimTask } from './assign-task';
import { withDeadline } from '../../../temporal/deadline';
import { updateIdFor } from '../../../temporal/update-id';
import { canonicalJson } from '../../../domain/canonical-json';

function mapUpdateError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    if (error.cause.type === TASK_ERRORS.taskNotOpen) return taskNotOpen();
    if (error.cause.type === TASK_ERRORS.invalidDecision) {
      return validationFailed([{ field: 'decision', message: { de: `Die Entscheidung ist unvollständig: ${error.cause.message}`, en: `The decision is incomplete: ${error.cause.message}` } }]);
    }
  }
  if (error instanceof WorkflowNotFoundError) return taskNotOpen();
  return error;
}

/**
 * `idempotencyKey` (optional): the same decision sent again by the same caseworker is the same
 * Update and gets the first answer; once the task is completed, the read model answers for it.
 */
export async function decideTask(system: System, principal: Principal, taskId: string, body: { decision: unknown }, idempotencyKey?: string): Promise<{ taskId: string; status: 'completed' }> {
  let task = await loadTaskFor(system, principal, taskId);
  if (task.status === 'completed' && idempotencyKey && task.decidedBy === principal.id && sameDecision(task, body.decision)) {
    return { taskId, status: 'completed' };
  }
  if (task.status !== 'open') throw taskNotOpen();
  if (task.assignee && task.assignee !== principal.id) throw taskClaimed(task.assigneeName);
  let decision: TaskDecision;
  try {
    decision = validateInput<TaskDecision>(task.decisionSchema as object, body.decision);
  } catch (error) {
    // Fields are named as in the request body: decision/<field>.
    if (error instanceof AppError && error.extra.fields) {
      throw validationFailed(error.extra.fields.map((f) => ({ ...f, field: f.field === '(body)' ? 'decision' : `decision/${f.field}` })));
    }
    throw error;
  }
  if (!task.assignee) task = await claimOwn(system, principal, taskId, idempotencyKey !== undefined);
  try {
    const updateId = updateIdFor(idempotencyKey, 'task-decision', taskId, principal.id, canonicalJson(decision));
    await withDeadline(system.temporal, () => system.temporal.workflow.getHandle(task.workflowId)
      .executeUpdate(completeTaskUpdate, { args: [{ taskId, decision, by: principal.id }], ...(updateId ? { updateId } : {}) }));
  } catch (error) {
    const mapped = mapUpdateError(error);
    // The same request, sent twice at once: the other one completed it first.
    if (idempotencyKey && mapped instanceof AppError && mapped.code === 'task_not_open') {
      const now = await loadTaskFor(system, principal, taskId);
      if (now.status === 'completed' && now.decidedBy === principal.id && sameDecision(now, body.decision)) return { taskId, status: 'completed' };
    }
    throw mapped;
  }
  return { taskId, status: 'completed' };
}

/**
 * A retried request may race its twin for the claim: losing it to oneself is no conflict. The
 * twin's claim is applied a moment after it is taken, so wait (briefly) until the task shows it.
 */
async function claimOwn(system: System, principal: Principal, taskId: string, retried: boolean) {
  try {
    return await claimTask(system, principal, taskId);
  } catch (error) {
    if (!retried || !(error instanceof AppError) || error.code !== 'task_claimed') throw error;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const task = await loadTaskFor(system, principal, taskId);
      if (task.assignee === principal.id || task.status !== 'open') return task;
      if (task.assignee) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw error;
  }
}

/** The stored decision against the sent one as the schema keeps it, field by field (key order may differ). */
function sameDecision(task: { decision?: unknown; decisionSchema: unknown }, sent: unknown): boolean {
  let kept: unknown;
  try {
    kept = validateInput(task.decisionSchema as object, sent);
  } catch {
    return false;
  }
  const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v));
  return task.decision !== undefined && task.decision !== null && canonical(task.decision) === canonical(kept);
}
