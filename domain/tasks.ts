/** The states of an inbox task: one list for the workflow's contract, the store's schema and the API. */
export const TASK_STATES = ['open', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];
