/**
 * The generic human task: a workflow asks a department for a decision and waits. The task's
 * read-model document (activities/tasks) carries what the inbox shows; the decision comes back
 * through the `completeTask` Update, whose validator refuses a task that is no longer open
 * (completed by someone else, cancelled because the case closed) — so a second completion
 * gets an error, never a silent overwrite.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Department } from '../../domain/departments';

export interface LocalText { de: string; en: string }

export interface TaskSpec {
  /** Unique per case workflow, e.g. 'hearing-decision'; the task id is derived from it. */
  key: string;
  /** What is to be decided, e.g. 'parking-ticket.withdrawal', 'fine.hearing-decision'. */
  type: string;
  department: Department;
  /** The procedure id (filter in the inbox), e.g. 'parking-ticket', 'dog-tax'. */
  procedure: string;
  caseNumber: string;
  title: LocalText;
  /** JSON Schema (draft-07) of the decision form: the inbox renders it, the API validates with it. */
  decisionSchema: object;
  decisionUiSchema?: object;
  /** Allowed values of the decision's `outcome` and the fields each outcome requires. */
  outcomes: Record<string, { required: string[]; label: LocalText }>;
  /** ISO instant; when it passes unanswered, the task is marked overdue and the department lead e-mailed. */
  dueAt: string;
  /** What the caseworker sees beside the decision form (no secrets: no access codes, no tokens). */
  caseData: Record<string, unknown>;
}

export interface TaskDecision { outcome: string; [field: string]: unknown }

export interface CompleteTaskRequest {
  taskId: string;
  decision: TaskDecision;
  /** The staff account id of who decided. */
  by: string;
}

export interface TaskResult { taskId: string; status: 'completed' }

import type { TaskState } from '../../domain/tasks';
export type { TaskState };

export interface OpenTaskInput extends TaskSpec { taskId: string; workflowId: string; runId: string }
export interface CloseTaskInput {
  taskId: string;
  status: 'completed' | 'cancelled';
  decision?: TaskDecision;
  /** Account id of who decided, or 'system' when the case closed the task. */
  by: string;
  reason?: string;
  workflowId: string;
  runId: string;
}
/** `round`: 0 at the due date, then 1, 2 … one week apart while the task stays open. */
export interface EscalateTaskInput { taskId: string; workflowId: string; runId: string; round?: number }
/** An open task past its due date is escalated again every week until it is done. */
export const ESCALATION_REPEAT_MS = 7 * 86_400_000;

/** The activities the workflow helper needs (implemented in activities/tasks). */
export interface TaskActivities {
  openTask(input: OpenTaskInput): Promise<void>;
  closeTask(input: CloseTaskInput): Promise<void>;
  escalateTask(input: EscalateTaskInput): Promise<void>;
}

export const completeTaskUpdate = defineUpdate<TaskResult, [CompleteTaskRequest]>('completeTask');
export const openTasksQuery = defineQuery<Array<{ taskId: string; type: string; state: TaskState }>>('openTasks');

export const TASK_ERRORS = { taskNotOpen: 'TaskNotOpen', invalidDecision: 'InvalidDecision' } as const;

/** Deterministic: the same workflow and key always name the same task (idempotent open). */
export const taskIdOf = (workflowId: string, key: string): string => `${workflowId}~${key}`;
