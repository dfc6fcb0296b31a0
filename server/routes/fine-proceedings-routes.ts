/**
 * Bußgeldverfahren in the citizen portal: answer the hearing online, object to the ticket
 * (a withdrawal request the traffic department decides), download the notice.
 */
import { defineRoutes } from '../http/route';
import { hearingAnswerForm } from '../../forms/fine-proceedings/hearing-answer.form';
import { answerHearing } from '../use-cases/fine-proceedings/answer-hearing';
import { noticeDocument } from '../use-cases/fine-proceedings/notice-document';
import { requestWithdrawal } from '../use-cases/parking-ticket/request-withdrawal';
import { citizenTicket, errors, pdf } from './schemas';
import { formVersionHeader, formVersionOf } from './form-version-header';
import { optionalIdempotencyKeyHeader, optionalIdempotencyKeyOf } from './idempotency-key-header';
import { requireCaseScope } from '../use-cases/parking-ticket/open-ticket';
import { admit, tooManyResponse } from '../security/citizen-guards';

/** Not with the card's ticket code alone: the hearing letter's access code (or the answerer's link) is needed. */
const needsLetterCode = { 403: { description: "The portal session was opened with the card's ticket code: this needs the hearing letter's access code (error code letter_code_required)" } };

export const fineProceedingsRoutes = defineRoutes([
  {
    method: 'post', path: '/api/fine-proceedings/current/hearing-answer', summary: 'Answer the hearing (Anhörung, § 55 OWiG) online', tags: ['fine-proceedings'],
    // Documented with the built-in version 1 of fine-proceedings-hearing-answer; validated against the version named by Form-Version.
    roles: ['citizen'], body: hearingAnswerForm.schema, bodyValidation: 'handler', headers: [formVersionHeader, optionalIdempotencyKeyHeader],
    responses: {
      200: { description: 'Answer accepted: the ticket view (status decision_pending)', schema: citizenTicket }, 401: errors[401], ...needsLetterCode, 422: errors[422],
      409: { description: 'The hearing is not open, or was already answered' }, ...tooManyResponse,
    },
    async handler(ctx) {
      const { req, body, principal, system } = ctx;
      requireCaseScope(system, req);
      await admit(ctx, 'portal-write');
      return { json: await answerHearing(system, { ticketNumber: principal.caseNumber!, formVersion: formVersionOf(req), body, idempotencyKey: optionalIdempotencyKeyOf(req) }) };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/objection', summary: 'Object to the ticket (e.g. a valid permit was displayed): the traffic department decides', tags: ['fine-proceedings'],
    roles: ['citizen'], headers: [optionalIdempotencyKeyHeader],
    body: { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 3, maxLength: 1000, title: 'Begründung' } } },
    responses: { 202: { description: 'Objection received', schema: { type: 'object', required: ['received'], properties: { received: { type: 'boolean', const: true } } } }, 401: errors[401], ...needsLetterCode, 422: errors[422], 409: { description: 'Ticket closed or an objection already being decided' }, ...tooManyResponse },
    async handler(ctx) {
      const { req, body, principal, system } = ctx;
      requireCaseScope(system, req);
      await admit(ctx, 'portal-write');
      const { reason } = body as { reason: string };
      await requestWithdrawal(system, { ticketNumber: principal.caseNumber!, reason, by: 'citizen', source: 'citizen', idempotencyKey: optionalIdempotencyKeyOf(req) });
      return { status: 202, json: { received: true } };
    },
  },
  {
    method: 'get', path: '/api/fine-proceedings/current/notice.pdf', summary: 'The Bußgeldbescheid or Kostenbescheid (PDF)', tags: ['fine-proceedings'], roles: ['citizen'],
    responses: { 200: pdf, 401: errors[401], ...needsLetterCode, 404: errors[404] },
    async handler({ principal, system, req }) {
      requireCaseScope(system, req);
      return { file: { ...(await noticeDocument(system, principal.caseNumber!)), inline: true } };
    },
  },
]);
