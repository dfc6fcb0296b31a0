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

export async function decideTask(system: System, principal: Principal, taskId: string, body: { decision: unknown }): Promise<{ taskId: string; status: 'completed' }> {
  let task = await loadTaskFor(system, principal, taskId);
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
  if (!task.assignee) task = await claimTask(system, principal, taskId);
  try {
    await system.temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, { args: [{ taskId, decision, by: principal.id }] });
  } catch (error) {
    throw mapUpdateError(error);
  }
  return { taskId, status: 'completed' };
}
