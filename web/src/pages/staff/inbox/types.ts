/** Shapes of the inbox API (server/routes/task-routes.ts). */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

export type LocalText = { de: string; en: string };
export type Person = { id: string; displayName: string };

export interface TaskListItem {
  taskId: string;
  title: LocalText;
  type: string;
  procedure: string;
  department: string;
  caseNumber: string;
  dueAt: string;
  overdue: boolean;
  status: 'open' | 'completed' | 'cancelled';
  assignee: Person | null;
  closedAt: string | null;
}

export interface TaskPage { items: TaskListItem[]; nextCursor: string | null; total: number }

export interface TaskDetail extends TaskListItem {
  workflowId: string;
  createdAt: string;
  decisionSchema: RJSFSchema;
  decisionUiSchema: UiSchema;
  outcomes: Record<string, { required: string[]; label: LocalText }>;
  caseData: Record<string, unknown>;
  decision: Record<string, unknown> | null;
  decidedBy: string | null;
  cancelReason: string | null;
}

/** Procedures that open inbox tasks today (the filter offers them; the API accepts any id). */
export const PROCEDURES = ['parking-ticket', 'dog-tax'] as const;

/** Task ids contain `~` and whatever the workflow id holds: always encode them in URLs. */
export const taskPath = (taskId: string) => `/dienst/aufgaben/${encodeURIComponent(taskId)}`;
export const taskApi = (taskId: string, action = '') => `/api/tasks/${encodeURIComponent(taskId)}${action ? `/${action}` : ''}`;
