/**
 * Who may see and work a task: members of its department only (principal.departments). A
 * task of another department answers 403 — the caller knows the id, but not its content.
 */
import { AppError, notFound } from '../../http/app-error';
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import { findTask, type Task } from '../../../store/tasks/task-store';

export const taskNotFound = () => notFound({ de: 'Die Aufgabe', en: 'The task' });
export const notInDepartment = () => new AppError('forbidden', {
  de: 'Diese Aufgabe gehört zu einer Abteilung, in der Sie nicht arbeiten.', en: 'This task belongs to a department you do not work in.',
});
export const taskNotOpen = () => new AppError('task_not_open', {
  de: 'Diese Aufgabe ist bereits abgeschlossen.', en: 'This task has already been closed.',
});
export const taskClaimed = (by?: string | null) => new AppError('task_claimed', {
  de: by ? `Diese Aufgabe bearbeitet bereits ${by}.` : 'Diese Aufgabe wurde soeben von jemand anderem übernommen oder geändert.',
  en: by ? `${by} is already working on this task.` : 'Someone else has just claimed or changed this task.',
});

export async function loadTaskFor(system: System, principal: Principal, taskId: string): Promise<Task> {
  const task = await findTask(system.model, taskId);
  if (!task) throw taskNotFound();
  if (!principal.departments.includes(task.department as never)) throw notInDepartment();
  return task;
}
