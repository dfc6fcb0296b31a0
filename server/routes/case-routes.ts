/**
 * Citizens submit forms and follow their cases. Citizens are anonymous: the status page
 * opens with the case's secret token, not with an account.
 */
import { defineRoutes } from '../http/route';
import { submitForm } from '../use-cases/submissions/submit-form';
import { openCaseWithToken } from '../use-cases/cases/case-access';
import { caseDocument, caseStatusView } from '../use-cases/cases/case-status';
import { errors, pdf } from './schemas';
import { caseStatus, submissionAccepted } from './case-schemas';
import { formVersionHeader, formVersionOf } from './form-version-header';
import { idempotencyKeyHeader, idempotencyKeyOf } from './idempotency-key-header';

const tokenQuery = { type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 100, description: 'The status token' } } };
const tooMany = { 429: { description: 'Too many wrong tokens from this address' } };

export const caseRoutes = defineRoutes([
  {
    method: 'post', path: '/api/forms/:formId/submissions', summary: 'Submit a citizen form: starts its procedure and answers the case number and status link', tags: ['cases'],
    // The body is the form's JSON Schema of the version named by Form-Version (GET /api/forms/{formId}).
    roles: ['public'], body: { type: 'object', description: 'The form data' }, bodyValidation: 'handler',
    headers: [idempotencyKeyHeader('A repeated key returns the same case; the same key with other data answers 409'), formVersionHeader],
    responses: { 202: { description: 'Case opened (or the same case for a repeated key)', schema: submissionAccepted }, 404: { description: 'No such form (or not a citizen form)' },
      409: { description: 'Idempotency-Key reused with other data' }, 422: errors[422] },
    async handler({ req, params, body, system }) {
      const result = await submitForm(system, { formId: params.formId!, formVersion: formVersionOf(req), body, idempotencyKey: () => idempotencyKeyOf(req) });
      return { status: 202, json: result, headers: { 'Form-Version': String(result.formVersion) } };
    },
  },
  {
    method: 'get', path: '/api/cases/:caseNumber', summary: 'The status page of a case (with its secret token)', tags: ['cases'], roles: ['public'], query: tokenQuery,
    responses: { 200: { description: 'Case status, steps and documents', schema: caseStatus }, 404: { description: 'No such case, or the token does not open it' }, 422: errors[422], ...tooMany },
    async handler({ req, params, query, system }) {
      const token = query.token as string;
      const found = await openCaseWithToken(system, req.app.locals.attemptLimiter, { caseNumber: params.caseNumber!, token, address: req.ip ?? 'unknown' });
      return { json: await caseStatusView(system, found, token) };
    },
  },
  {
    method: 'get', path: '/api/cases/:caseNumber/documents/:documentId', summary: 'A document of a case (PDF), for the holder of its status token', tags: ['cases'], roles: ['public'],
    query: tokenQuery, responses: { 200: pdf, 404: { description: 'No such case or document, or the token does not open it' }, 422: errors[422], ...tooMany },
    async handler({ req, params, query, system }) {
      const found = await openCaseWithToken(system, req.app.locals.attemptLimiter, { caseNumber: params.caseNumber!, token: query.token as string, address: req.ip ?? 'unknown' });
      return { file: await caseDocument(system, found, params.documentId!) };
    },
  },
]);
