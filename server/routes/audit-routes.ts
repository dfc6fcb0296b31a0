/**
 * Audit trail and case history for staff. Read only: no route edits or deletes an audit event
 * (the model refuses it too, see store/models.ts).
 */
import { defineRoutes, type CaseScope } from '../http/route';
import { staffCaseDocument, staffCaseView } from '../use-cases/audit/staff-case-view';
import { errors } from './schemas';
import { named } from '../http/openapi';

const historyEvent = named('HistoryEvent', {
  type: 'object', required: ['at', 'actor', 'actorName', 'action', 'details', 'workflowId', 'runId'],
  properties: {
    at: { type: 'string', format: 'date-time' },
    actor: { type: 'string', description: "A staff account id, 'citizen' or 'system'" },
    actorName: { type: ['string', 'null'] },
    action: { type: 'string' },
    details: { type: 'object' },
    workflowId: { type: ['string', 'null'] },
    runId: { type: ['string', 'null'] },
  },
});
const caseDocument = named('StaffCaseDocument', {
  type: 'object', required: ['id', 'kind', 'filename', 'createdAt', 'url'],
  properties: { id: { type: 'string' }, kind: { type: 'string' }, filename: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, url: { type: 'string' } },
});
const staffCase = named('StaffCase', {
  type: 'object', required: ['caseNumber', 'procedure', 'documents', 'history'],
  properties: {
    caseNumber: { type: 'string' }, procedure: { type: 'string' },
    documents: { type: 'array', items: caseDocument },
    history: { type: 'array', items: historyEvent },
  },
});

const caseOfPath: CaseScope = { kind: 'case', caseNumber: ({ params }) => params.caseNumber ?? null };

export const auditRoutes = defineRoutes([
  {
    method: 'get', path: '/api/staff/cases/:caseNumber', summary: "A case's documents and its full history (audit trail)", tags: ['audit'],
    roles: ['caseworker', 'admin'], scope: caseOfPath,
    responses: { 200: { description: 'The case with documents and history', schema: staffCase }, ...errors, 403: { description: 'Not a case of your departments' }, 404: { description: 'No such case' } },
    async handler({ params, principal, system }) {
      return { json: await staffCaseView(system, principal, params.caseNumber!) };
    },
  },
  {
    method: 'get', path: '/api/staff/cases/:caseNumber/documents/:documentId', summary: "A document or piece of evidence of a case, for staff", tags: ['audit'],
    roles: ['caseworker', 'admin'], scope: caseOfPath,
    responses: { 200: { description: 'The document (PDF) or the evidence file' }, ...errors, 403: { description: 'Not a case of your departments' }, 404: { description: 'No such document in this case' } },
    async handler({ params, principal, system }) {
      return { file: await staffCaseDocument(system, principal, params.caseNumber!, params.documentId!) };
    },
  },
]);
