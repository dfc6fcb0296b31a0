/**
 * Citizens submit forms and follow their cases. Citizens are anonymous: the status page
 * opens with the case's secret token, not with an account. The token travels in a POST body
 * (the link carries it in its fragment), so it does not land in access logs or a Referer.
 */
import { defineRoutes } from '../http/route';
import { submitForm } from '../use-cases/submissions/submit-form';
import { openCaseWithToken, replaceStatusLink } from '../use-cases/cases/case-access';
import { caseDocument, caseStatusView } from '../use-cases/cases/case-status';
import { errors, pdf } from './schemas';
import { caseStatus, statusLinkReplaced, submissionAccepted } from './case-schemas';
import { formVersionHeader, formVersionOf } from './form-version-header';
import { idempotencyKeyHeader, idempotencyKeyOf } from './idempotency-key-header';
import { admit, guardsOf, tooManyResponse } from '../security/citizen-guards';
import type { RouteContext } from '../http/route';

const tokenBody = {
  type: 'object', required: ['token'], additionalProperties: false,
  properties: { token: { type: 'string', minLength: 1, maxLength: 100, description: 'The status token (from the fragment of the status link)' } },
};
const noCase = { 404: { description: 'No such case, or the token does not open it (wrong, replaced or expired)' } };

/** Every token check: counted as volume, limited per case and client and per client. */
async function openCase(ctx: RouteContext) {
  const who = await admit(ctx, 'check');
  return openCaseWithToken(ctx.system, guardsOf(ctx.system).attempts, who, { caseNumber: ctx.params.caseNumber!, token: (ctx.body as { token: string }).token });
}

export const caseRoutes = defineRoutes([
  {
    method: 'post', path: '/api/forms/:formId/submissions', summary: 'Submit a citizen form: starts its procedure and answers the case number and status link', tags: ['cases'],
    // The body is the form's JSON Schema of the version named by Form-Version (GET /api/forms/{formId}).
    roles: ['public'], body: { type: 'object', description: 'The form data, validated against the JSON Schema of the form version named by Form-Version (GET /api/forms/{formId}): where that schema says additionalProperties: false (every built-in form, at every level), an unknown field is refused with 422 naming it' }, bodyValidation: 'handler',
    headers: [idempotencyKeyHeader('A repeated key returns the same case; the same key with other data answers 409'), formVersionHeader],
    responses: { 202: { description: 'Case opened (or the same case for a repeated key)', schema: submissionAccepted }, 404: { description: 'No such form (or not a citizen form)' },
      409: { description: 'Idempotency-Key reused with other data' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const { req, params, body, system } = ctx;
      await admit(ctx, 'submission');
      const result = await submitForm(system, { formId: params.formId!, formVersion: formVersionOf(req), body, idempotencyKey: () => idempotencyKeyOf(req) });
      return { status: 202, json: result, headers: { 'Form-Version': String(result.formVersion) } };
    },
  },
  {
    method: 'post', path: '/api/cases/:caseNumber/status', summary: 'The status page of a case (its secret token in the body)', tags: ['cases'], roles: ['public'], body: tokenBody,
    responses: { 200: { description: 'Case status, steps and documents', schema: caseStatus }, ...noCase, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      return { json: await caseStatusView(ctx.system, await openCase(ctx)) };
    },
  },
  {
    method: 'post', path: '/api/cases/:caseNumber/status-link', summary: 'Replace the status link (the citizen revokes it): every earlier link stops working; answers the new one once', tags: ['cases'],
    roles: ['public'], body: tokenBody,
    responses: { 200: { description: 'The new link', schema: statusLinkReplaced }, ...noCase, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const found = await openCase(ctx);
      await admit(ctx, 'portal-write');
      return { json: await replaceStatusLink(ctx.system, found) };
    },
  },
  {
    method: 'post', path: '/api/cases/:caseNumber/documents/:documentId', summary: 'A document of a case (PDF), for the holder of its status token (in the body)', tags: ['cases'], roles: ['public'],
    body: tokenBody, responses: { 200: pdf, 404: { description: 'No such case or document, or the token does not open it' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      return { file: await caseDocument(ctx.system, await openCase(ctx), ctx.params.documentId!) };
    },
  },
]);
