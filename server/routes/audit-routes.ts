/** Audit trail and case history for staff (read only: no route edits or deletes an audit event). */
import { defineRoutes } from '../http/route';

export const auditRoutes = defineRoutes([]);
