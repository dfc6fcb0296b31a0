/** Paths and filter values of the inbox (the API's shapes are in web/src/api/types.ts). */
/** Procedures that open inbox tasks today (the filter offers them; the API accepts any id). */
export const PROCEDURES = ['parking-ticket', 'dog-tax'] as const;

/** Task ids contain `~` and whatever the workflow id holds: always encode them in URLs. */
export const taskPath = (taskId: string) => `/dienst/aufgaben/${encodeURIComponent(taskId)}`;
export const taskApi = (taskId: string, action = '') => `/api/tasks/${encodeURIComponent(taskId)}${action ? `/${action}` : ''}`;
