/**
 * Workflow side of human tasks. `const tasks = humanTasks()` registers the one `completeTask`
 * Update per workflow; `tasks.open(spec)` creates the inbox task and returns a handle the
 * workflow waits on (together with whatever else may end the wait, e.g. a payment):
 *
 *   const task = await tasks.open({ ... });
 *   await condition(() => task.state !== 'open' || paid);
 *   if (task.state === 'completed') ... task.decision ... else await tasks.cancel(task, 'paid');
 *
 * A completed task's decision is visible once its read model and audit event are written;
 * `cancel` after an accepted decision is a no-op (check `task.state` afterwards).
 *
 * No polling: the Update wakes the workflow. When the due date passes with the task still
 * open, a timer escalates it (marked overdue, the department lead e-mailed), and again every
 * week until the task is done: a reminder nobody acted on must not be the last one.
 */
import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  completeTaskUpdate, ESCALATION_REPEAT_MS, openTasksQuery, TASK_ERRORS, taskIdOf,
  type TaskActivities, type TaskDecision, type TaskSpec, type TaskState,
} from './shared';
import { someoneWaits, standard } from '../activity-options';

export interface TaskHandle {
  readonly taskId: string;
  readonly spec: TaskSpec;
  state: TaskState;
  decision?: TaskDecision;
  decidedBy?: string;
}

const act = proxyActivities<TaskActivities>(standard);
/** Opening (the inbox shows the task; a withdrawal request waits for it) and a caseworker's decision (inside the Update). */
const waited = proxyActivities<TaskActivities>(someoneWaits);

export interface HumanTasks {
  open(spec: TaskSpec): Promise<TaskHandle>;
  /** Closes an open task because the case no longer needs it (paid, withdrawn …). */
  cancel(task: TaskHandle, reason: string): Promise<void>;
  /** Closes every task of this case still open, also one whose opening is still under way. */
  cancelAll(reason: string): Promise<void>;
}

export function humanTasks(): HumanTasks {
  const tasks = new Map<string, TaskHandle>();
  const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

  setHandler(openTasksQuery, () => [...tasks.values()].map((t) => ({ taskId: t.taskId, type: t.spec.type, state: t.state })));
  /**
   * Tasks being closed, by completion or by cancellation: claimed before any await, so a second
   * Update — or a completion racing a cancel — is refused and only one close is ever recorded.
   */
  const closing = new Map<string, 'completed' | 'cancelled'>();
  /** Tasks whose read model exists (openTask finished): only these can be closed. */
  const opened = new Set<string>();
  setHandler(completeTaskUpdate, async ({ taskId, decision, by }) => {
    const task = tasks.get(taskId)!;
    closing.set(taskId, 'completed');
    const { workflowId, runId } = workflowInfo();
    // The inbox may show the task before the workflow saw its openTask activity finish.
    await condition(() => opened.has(taskId));
    await waited.closeTask({ taskId, status: 'completed', decision, by, workflowId, runId });
    // Visible to the workflow only now: its next steps follow the task's own audit event.
    task.decision = decision;
    task.decidedBy = by;
    task.state = 'completed';
    return { taskId, status: 'completed' };
  }, {
    validator: ({ taskId, decision, by }) => {
      const task = tasks.get(taskId);
      if (!task) throw refuse(TASK_ERRORS.taskNotOpen, `No task ${taskId} in this case`);
      const closed = closing.get(taskId) ?? (task.state === 'open' ? undefined : task.state);
      if (closed) throw refuse(TASK_ERRORS.taskNotOpen, `The task is already ${closed}`);
      if (!by) throw refuse(TASK_ERRORS.invalidDecision, 'Who decides is required');
      const outcome = task.spec.outcomes[decision?.outcome];
      if (!outcome) throw refuse(TASK_ERRORS.invalidDecision, `Unknown outcome: ${String(decision?.outcome)}`);
      const missing = outcome.required.filter((f) => decision[f] === undefined || decision[f] === null || decision[f] === '');
      if (missing.length > 0) throw refuse(TASK_ERRORS.invalidDecision, `Missing for outcome ${decision.outcome}: ${missing.join(', ')}`);
    },
  });

  return {
    async open(spec) {
      const { workflowId, runId } = workflowInfo();
      const taskId = taskIdOf(workflowId, spec.key);
      const existing = tasks.get(taskId);
      if (existing) return existing;
      // Known before the activity runs: a decision sent the moment the task appears is accepted.
      const task: TaskHandle = { taskId, spec, state: 'open' };
      tasks.set(taskId, task);
      await waited.openTask({ ...spec, taskId, workflowId, runId });
      opened.add(taskId);
      // Escalation runs beside whatever the workflow waits for; one timer at a time, no polling.
      void (async () => {
        let due = Date.parse(spec.dueAt);
        for (let round = 0; ; round += 1) {
          const closed = await condition(() => task.state !== 'open', Math.max(due - Date.now(), 1));
          if (closed) return;
          await act.escalateTask({ taskId, workflowId, runId, ...(round > 0 ? { round } : {}) });
          due += ESCALATION_REPEAT_MS;
        }
      })();
      return task;
    },
    async cancel(task, reason) {
      // A decision accepted a moment earlier stands: the caller then sees state 'completed'.
      if (closing.has(task.taskId)) await condition(() => task.state !== 'open');
      if (task.state !== 'open') return;
      // Claimed before the await: a completion arriving while the task still opens is refused.
      closing.set(task.taskId, 'cancelled');
      await condition(() => opened.has(task.taskId));
      task.state = 'cancelled';
      const { workflowId, runId } = workflowInfo();
      await act.closeTask({ taskId: task.taskId, status: 'cancelled', by: 'system', reason, workflowId, runId });
    },
    async cancelAll(reason) {
      for (const task of [...tasks.values()]) await this.cancel(task, reason);
    },
  };
}
