/** Everything the decision page needs about one task (the case's documents and history come from the case view). */
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import type { Task } from '../../../store/tasks/task-store';
import { loadTaskFor } from './task-access';

export function taskView(task: Task) {
  return {
    taskId: task._id, workflowId: task.workflowId, type: task.type, department: task.department, procedure: task.procedure,
    caseNumber: task.caseNumber, title: task.title, status: task.status, overdue: task.overdue ?? false,
    dueAt: new Date(task.dueAt).toISOString(), createdAt: new Date(task.createdAt).toISOString(),
    closedAt: task.closedAt ? new Date(task.closedAt).toISOString() : null,
    assignee: task.assignee ? { id: task.assignee, displayName: task.assigneeName ?? task.assignee } : null,
    decisionSchema: task.decisionSchema, decisionUiSchema: task.decisionUiSchema ?? {}, outcomes: task.outcomes,
    caseData: task.caseData ?? {}, decision: task.decision ?? null, cancelReason: task.cancelReason ?? null,
    // Only the assignee decides (decide-task claims the task first), so the decider's name is the assignee's.
    decidedBy: task.decidedBy ? { id: task.decidedBy, displayName: task.decidedBy === task.assignee ? task.assigneeName ?? task.decidedBy : task.decidedBy } : null,
  };
}
export type TaskView = ReturnType<typeof taskView>;

export async function getTask(system: System, principal: Principal, taskId: string): Promise<TaskView> {
  return taskView(await loadTaskFor(system, principal, taskId));
}
