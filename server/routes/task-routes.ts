/** Inbox: task queues, claim/return/reassign, decisions (see activities/tasks). */
import { defineRoutes } from '../http/route';

export const taskRoutes = defineRoutes([]);
