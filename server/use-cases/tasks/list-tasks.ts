/**
 * The inbox lists: one's own tasks or a department's queue, a page at a time from the task
 * store's queues (store/tasks/task-queues.ts): fast even with 100,000 tasks.
 */
import { AppError } from '../../http/app-error';
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';
import { isDepartment, type Department } from '../../../domain/departments';
import { taskQueuePage, type TaskQueue, type TaskQueueEntry } from '../../../store/tasks/task-queues';
import { berlinMidnight } from '../../../domain/berlin-time';
import { validationFailed } from '../../http/validation';
import { notInDepartment } from './task-access';

export interface ListTasksQuery {
  queue?: 'mine' | 'department';
  department?: string;
  procedure?: string;
  status?: 'open' | 'closed';
  overdue?: 'true' | 'false';
  dueFrom?: string;
  dueTo?: string;
  sort?: 'dueAt' | '-dueAt';
  cursor?: string;
  limit?: string;
}

export interface TaskListItem {
  taskId: string; title: { de: string; en: string }; type: string; procedure: string; department: string; caseNumber: string;
  dueAt: string; overdue: boolean; status: string; assignee: { id: string; displayName: string } | null; closedAt: string | null;
}

const item = (e: TaskQueueEntry): TaskListItem => ({
  taskId: e.id, title: e.title, type: e.type, procedure: e.procedure, department: e.department, caseNumber: e.caseNumber,
  dueAt: e.due, overdue: e.overdue, status: e.status, assignee: e.assignee ? { id: e.assignee, displayName: e.assigneeName ?? e.assignee } : null,
  closedAt: e.closedAt,
});

/** A calendar day (Berlin) or an instant; `end` takes the last moment of the day. */
function instant(value: string, end: boolean, field: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const start = berlinMidnight(Number(day[1]), Number(day[2]), Number(day[3]) + (end ? 1 : 0));
    return new Date(start.getTime() - (end ? 1 : 0)).toISOString();
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw validationFailed([{ field, message: { de: 'Bitte ein Datum (JJJJ-MM-TT) angeben.', en: 'Please give a date (YYYY-MM-DD).' } }]);
  return new Date(t).toISOString();
}

export async function listTasks(system: System, principal: Principal, q: ListTasksQuery): Promise<{ items: TaskListItem[]; nextCursor: string | null; total: number }> {
  const closed = q.status === 'closed';
  const limit = Math.min(Math.max(Number(q.limit ?? 25) || 25, 1), 100);
  let queue: TaskQueue;
  if ((q.queue ?? 'mine') === 'mine') {
    // One's own queue is short: department and procedure filter while reading.
    queue = { assignee: principal.id, closed, department: q.department || undefined, procedure: q.procedure || undefined };
  } else {
    const department = (q.department ?? principal.departments[0]) as Department | undefined;
    if (!department) throw new AppError('forbidden', { de: 'Sie gehören keiner Abteilung an.', en: 'You do not belong to any department.' });
    if (!isDepartment(department)) throw validationFailed([{ field: 'department', message: { de: 'Unbekannte Abteilung.', en: 'Unknown department.' } }]);
    if (!principal.departments.includes(department)) throw notInDepartment();
    queue = { department, procedure: q.procedure || undefined, closed };
  }
  const page = await taskQueuePage(system.model, queue, {
    sort: q.sort === '-dueAt' ? -1 : 1, limit, cursor: q.cursor || undefined,
    ...(q.dueFrom ? { dueFrom: instant(q.dueFrom, false, 'dueFrom') } : {}),
    ...(q.dueTo ? { dueTo: instant(q.dueTo, true, 'dueTo') } : {}),
    ...(q.overdue ? { overdue: q.overdue === 'true' } : {}),
  });
  return { items: page.items.map(item), nextCursor: page.nextCursor, total: page.total };
}
