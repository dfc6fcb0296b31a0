/** Inbox: task queues, claim/return/reassign, decisions (see activities/tasks). */
import { defineRoutes, type CaseScope } from '../http/route';
import { isDepartment } from '../../domain/departments';
import { findTask } from '../../store/tasks/task-store';
import { taskNotFound } from '../use-cases/tasks/task-access';
import { TASK_STATES } from '../../domain/tasks';
import { errors, localText } from './schemas';
import { named } from '../http/openapi';
import { listTasks, type ListTasksQuery } from '../use-cases/tasks/list-tasks';
import { getTask, taskView } from '../use-cases/tasks/task-view';
import { claimTask, reassignTask, returnTask } from '../use-cases/tasks/assign-task';
import { decideTask } from '../use-cases/tasks/decide-task';
import { optionalIdempotencyKeyHeader, optionalIdempotencyKeyOf } from './idempotency-key-header';

const dateTime = { type: 'string', format: 'date-time' };
const person = named('Person', { type: 'object', required: ['id', 'displayName'], properties: { id: { type: 'string' }, displayName: { type: 'string' } } });
const taskListItem = named('TaskListItem', {
  type: 'object',
  required: ['taskId', 'title', 'type', 'procedure', 'department', 'caseNumber', 'dueAt', 'overdue', 'status', 'assignee', 'closedAt'],
  properties: {
    taskId: { type: 'string' }, title: localText, type: { type: 'string' }, procedure: { type: 'string' }, department: { type: 'string' },
    caseNumber: { type: 'string' }, dueAt: dateTime, overdue: { type: 'boolean' },
    status: { type: 'string', enum: [...TASK_STATES] }, assignee: { oneOf: [person, { type: 'null' }] }, closedAt: { type: ['string', 'null'] },
  },
});
const taskDetail = named('TaskDetail', {
  type: 'object',
  required: [...taskListItem.required, 'workflowId', 'createdAt', 'decisionSchema', 'decisionUiSchema', 'outcomes', 'caseData', 'decision', 'decidedBy', 'cancelReason'],
  properties: {
    ...taskListItem.properties, workflowId: { type: 'string' }, createdAt: dateTime,
    decisionSchema: { type: 'object', description: 'JSON Schema draft-07 of the decision form' }, decisionUiSchema: { type: 'object' },
    outcomes: {
      type: 'object', description: 'By outcome: the fields it requires and its label',
      additionalProperties: { type: 'object', required: ['required', 'label'], properties: { required: { type: 'array', items: { type: 'string' } }, label: localText } },
    },
    caseData: { type: 'object' }, decision: { type: ['object', 'null'] }, decidedBy: { oneOf: [person, { type: 'null' }] }, cancelReason: { type: ['string', 'null'] },
  },
});
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$' };
const conflict = { 409: { description: 'task_claimed: someone else works on it; task_not_open: already completed or cancelled' } };
const taskId = (params: Record<string, string>) => params.taskId!;

/** Department scopes (server/http/case-scope.ts): a task goes to exactly one department's queue. */
const departmentOfTask: CaseScope = {
  kind: 'departments',
  departments: async ({ params, system }) => {
    const task = await findTask(system.model, params.taskId ?? '');
    if (!task) throw taskNotFound();
    return isDepartment(task.department) ? [task.department] : [];
  },
};
/** A department's queue: that department (default the caller's first); one's own tasks: any of one's departments. */
const queueDepartment: CaseScope = {
  kind: 'departments',
  departments: async ({ query, principal }) => {
    if (query.queue !== 'department') return principal.departments;
    const department = typeof query.department === 'string' ? query.department : principal.departments[0];
    // No such department: the handler answers 422 naming the field.
    return department && isDepartment(department) ? [department] : principal.departments;
  },
};

export const taskRoutes = defineRoutes([
  {
    method: 'get', path: '/api/tasks', summary: 'Inbox: one\'s own tasks or a department queue, filtered, sorted by due date, paged', tags: ['tasks'],
    roles: ['caseworker'], scope: queueDepartment,
    query: {
      type: 'object', additionalProperties: false,
      properties: {
        queue: { type: 'string', enum: ['mine', 'department'], description: 'mine (default): claimed by the caller; department: the department\'s queue' },
        department: { type: 'string', description: 'Department id (queue=department; default the caller\'s first)' },
        procedure: { type: 'string', maxLength: 100 },
        status: { type: 'string', enum: ['open', 'closed'] },
        overdue: { type: 'string', enum: ['true', 'false'] },
        dueFrom: { ...date, description: 'Due on or after (date: Berlin day)' },
        dueTo: { ...date, description: 'Due on or before (date: Berlin day, inclusive)' },
        sort: { type: 'string', enum: ['dueAt', '-dueAt'] },
        cursor: { type: 'string', maxLength: 500, description: 'nextCursor of the previous page' },
        limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$', description: '1–100, default 25' },
      },
    },
    responses: {
      200: {
        description: 'One page',
        schema: named('TaskPage', {
          type: 'object', required: ['items', 'nextCursor', 'total'],
          properties: { items: { type: 'array', items: taskListItem }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
        }),
      },
      ...errors,
    },
    async handler({ query, principal, system }) {
      return { json: await listTasks(system, principal, query as ListTasksQuery) };
    },
  },
  {
    method: 'get', path: '/api/tasks/:taskId', summary: 'One task: case data, decision form (JSON Schema), state', tags: ['tasks'], roles: ['caseworker'], scope: departmentOfTask,
    responses: { 200: { description: 'Task', schema: taskDetail }, ...errors },
    async handler({ params, principal, system }) {
      return { json: await getTask(system, principal, taskId(params)) };
    },
  },
  {
    method: 'post', path: '/api/tasks/:taskId/claim', summary: 'Claim an open task (two at once: one wins, the other gets 409)', tags: ['tasks'], roles: ['caseworker'], scope: departmentOfTask,
    responses: { 200: { description: 'Claimed', schema: taskDetail }, ...errors, ...conflict },
    async handler({ params, principal, system }) {
      return { json: taskView(await claimTask(system, principal, taskId(params))) };
    },
  },
  {
    method: 'post', path: '/api/tasks/:taskId/return', summary: 'Give one\'s own task back to the department queue', tags: ['tasks'], roles: ['caseworker'], scope: departmentOfTask,
    responses: { 200: { description: 'Returned', schema: taskDetail }, ...errors, ...conflict },
    async handler({ params, principal, system }) {
      return { json: taskView(await returnTask(system, principal, taskId(params))) };
    },
  },
  {
    method: 'post', path: '/api/tasks/:taskId/reassign', summary: 'Hand a task to another caseworker of its department', tags: ['tasks'], roles: ['caseworker'], scope: departmentOfTask,
    body: { type: 'object', required: ['to'], additionalProperties: false, properties: { to: { type: 'string', minLength: 1, maxLength: 100, description: 'Account id (user name)' } } },
    responses: { 200: { description: 'Reassigned', schema: taskDetail }, ...errors, ...conflict },
    async handler({ params, body, principal, system }) {
      return { json: taskView(await reassignTask(system, principal, taskId(params), (body as { to: string }).to)) };
    },
  },
  {
    method: 'post', path: '/api/tasks/:taskId/decision', summary: 'Decide a task (validated against its decision schema; claims it first if unclaimed)', tags: ['tasks'],
    roles: ['caseworker'], scope: departmentOfTask, headers: [optionalIdempotencyKeyHeader],
    body: { type: 'object', required: ['decision'], additionalProperties: false, properties: { decision: { type: 'object', description: 'Fields of the task\'s decisionSchema, with outcome; validated against it (a field it does not name: 422)' } } },
    responses: {
      200: { description: 'Completed (the case workflow accepted it)', schema: named('TaskDecided', { type: 'object', required: ['taskId', 'status'], properties: { taskId: { type: 'string' }, status: { type: 'string', enum: ['completed'] } } }) },
      ...errors, ...conflict,
    },
    async handler({ req, params, body, principal, system }) {
      return { json: await decideTask(system, principal, taskId(params), body as { decision: unknown }, optionalIdempotencyKeyOf(req)) };
    },
  },
]);
