/** Staff routes of procedure 1: wardens record tickets; staff list them and ask for their withdrawal. */
import { defineRoutes, type CaseScope } from '../http/route';
import { findOutboxItem } from '../../store/parking-ticket/ticket-store';
import { recordTicketForm, type RecordTicketSubmission } from '../../forms/parking-ticket/record-ticket.form';
import { recordTicket } from '../use-cases/parking-ticket/record-ticket';
import { requestWithdrawal } from '../use-cases/parking-ticket/request-withdrawal';
import { getDocument, getOutboxLetter, getTicket, listTickets, listOutbox, type PageParams } from '../use-cases/parking-ticket/list-tickets';
import { validateSubmission } from '../../forms/registry/validate-submission';
import { errors, outboxItem, pageOf, pageQuery, pdf, recordedTicket, staffTicket, ticketStatus, ticketWithAudit } from './schemas';
import { named } from '../http/openapi';
import { formVersionHeader, formVersionOf } from './form-version-header';
import { idempotencyKeyHeader, idempotencyKeyOf, optionalIdempotencyKeyHeader, optionalIdempotencyKeyOf } from './idempotency-key-header';

/** Department scopes (server/http/case-scope.ts): the ticket procedure's departments. */
const tickets: CaseScope = { kind: 'procedures', procedures: ['parking-ticket'] };
const ticketOfPath: CaseScope = { kind: 'case', caseNumber: ({ params }) => params.ticketNumber ?? null };
/** The procedures that post letters. */
const letters: CaseScope = { kind: 'procedures', procedures: ['parking-ticket'] };
const caseOfLetter: CaseScope = { kind: 'case', caseNumber: async ({ params, system }) => (await findOutboxItem(system.model, params.id ?? ''))?.caseNumber ?? null };

export const parkingTicketRoutes = defineRoutes([
  {
    method: 'post', path: '/api/parking-tickets', summary: 'Record a parking ticket (header Idempotency-Key required)', tags: ['parking-ticket'],
    // Documented with the built-in version 1; validated against the version named by Form-Version.
    roles: ['warden'], scope: tickets, body: recordTicketForm.schema, bodyValidation: 'handler', headers: [idempotencyKeyHeader('A repeated key returns the same ticket'), formVersionHeader],
    responses: { 201: { description: 'Ticket recorded (or the same ticket for a repeated key); header Form-Version names the version validated against', schema: recordedTicket }, ...errors, 409: { description: 'Idempotency-Key reused with other data' } },
    async handler({ req, body, principal, system }) {
      const { data, form } = await validateSubmission<RecordTicketSubmission>(system.forms, recordTicketForm.id, formVersionOf(req), body);
      const key = idempotencyKeyOf(req);
      const recorded = await recordTicket(system, { submission: data, idempotencyKey: key, recordedBy: principal.id, form: { id: form.id, version: form.version } });
      return { status: 201, json: recorded, headers: { 'Form-Version': String(form.version) } };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets', summary: 'List tickets, newest first, a page at a time', tags: ['parking-ticket'], roles: ['warden', 'caseworker'], scope: tickets,
    query: { type: 'object', additionalProperties: false, properties: { status: ticketStatus, ...pageQuery } },
    responses: { 200: { description: 'Tickets', schema: pageOf(staffTicket) }, ...errors },
    async handler({ query, system }) {
      return { json: await listTickets(system, query as PageParams & { status?: string }) };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets/:ticketNumber', summary: 'One ticket with its audit trail', tags: ['parking-ticket'], roles: ['caseworker'], scope: ticketOfPath,
    responses: { 200: { description: 'Ticket', schema: ticketWithAudit }, ...errors },
    async handler({ params, system }) {
      return { json: await getTicket(system, params.ticketNumber!) };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets/:ticketNumber/notice-card.pdf', summary: 'The notice card (PDF) with the QR code', tags: ['parking-ticket'],
    roles: ['warden', 'caseworker'], scope: ticketOfPath, responses: { 200: pdf, ...errors },
    async handler({ params, system }) {
      return { file: { ...(await getDocument(system, `notice-card-${params.ticketNumber}`)), inline: true } };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/:ticketNumber/withdrawal-requests',
    summary: 'Ask the traffic department to withdraw a ticket (opens a parking-ticket.withdrawal task; before any notice)', tags: ['parking-ticket'],
    roles: ['warden', 'caseworker'], scope: ticketOfPath, headers: [optionalIdempotencyKeyHeader],
    body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } },
    responses: {
      202: { description: 'Task opened', schema: named('WithdrawalRequested', { type: 'object', required: ['taskId'], properties: { taskId: { type: 'string' } } }) }, ...errors,
      409: { description: 'Ticket closed or a request already being decided' },
    },
    async handler({ req, params, body, principal, system }) {
      const { reason } = body as { reason: string };
      return { status: 202, json: await requestWithdrawal(system, { ticketNumber: params.ticketNumber!, reason, by: principal.id, source: 'staff', idempotencyKey: optionalIdempotencyKeyOf(req) }) };
    },
  },
  {
    method: 'get', path: '/api/outbox', summary: "The postal outbox: letters queued for printing and dispatch, newest first, a page at a time (the caller's departments' procedures)", tags: ['outbox'], roles: ['caseworker'], scope: letters,
    query: { type: 'object', additionalProperties: false, properties: pageQuery },
    responses: { 200: { description: 'Outbox items', schema: pageOf(outboxItem) }, ...errors },
    async handler({ query, system, procedures }) {
      return { json: await listOutbox(system, procedures, query as PageParams) };
    },
  },
  {
    method: 'get', path: '/api/outbox/:id/document.pdf', summary: 'The letter of an outbox item (PDF)', tags: ['outbox'], roles: ['caseworker'], scope: caseOfLetter,
    responses: { 200: pdf, ...errors },
    async handler({ params, system }) {
      return { file: { ...(await getOutboxLetter(system, params.id!)), inline: true } };
    },
  },
]);
