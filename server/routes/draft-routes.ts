/**
 * Save and resume (issue 3): a citizen saves a partly filled form and gets a resume link by
 * e-mail, valid 7 days. The token is only in that e-mail, never in an API answer: whoever reads
 * the answer (a shared computer, a proxy log) cannot open the draft. The link carries draft and
 * token in its fragment; the portal sends them in a POST body (never in a URL a server logs).
 */
import { defineRoutes, type RouteContext } from '../http/route';
import { deleteDraft, openDraft, saveDraft } from '../use-cases/drafts/drafts';
import type { DraftEndReason } from '../../workflows/drafts/shared';
import { errors } from './schemas';
import { named } from '../http/openapi';
import { admit, guardsOf, tooManyResponse } from '../security/citizen-guards';

const draftBody = {
  type: 'object', required: ['formVersion', 'email', 'data'], additionalProperties: false,
  properties: {
    formVersion: { type: 'integer', minimum: 1, description: 'The version the portal rendered (resumed with exactly that version)' },
    email: { type: 'string', format: 'email', maxLength: 254, description: 'Where the resume link is sent; not stored with the draft' },
    data: { type: 'object', description: 'The partial form data (not validated against the form, so any members; at most 256 KB). Stored encrypted' },
  },
};
const saved = named('DraftSaved', { type: 'object', required: ['draftId', 'expiresAt'], properties: { draftId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } } });
const draft = named('Draft', {
  type: 'object', required: ['formId', 'formVersion', 'data', 'expiresAt'],
  properties: { formId: { type: 'string' }, formVersion: { type: 'integer' }, data: { type: 'object' }, expiresAt: { type: 'string', format: 'date-time' } },
});
const token = { type: 'string', minLength: 1, maxLength: 100, description: 'The token from the resume link (its fragment)' };
const notFound = { 404: { description: 'No such draft, the token does not open it, or it expired or was deleted' } };

const tokenOf = (ctx: RouteContext) => (ctx.body as { token: string }).token;

export const draftRoutes = defineRoutes([
  {
    method: 'post', path: '/api/forms/:formId/drafts', summary: 'Save a partly filled form; the resume link (valid 7 days) is sent by e-mail', tags: ['drafts'],
    roles: ['public'], body: draftBody,
    responses: { 201: { description: 'Draft saved; the link is on its way', schema: saved }, 404: { description: 'No such form or version' },
      413: { description: 'The draft is larger than 256 KB' }, 422: errors[422],
      429: { description: 'Too many drafts from this client or address, or this e-mail address has had its mails for today' } },
    async handler(ctx) {
      const { formVersion, email, data } = ctx.body as { formVersion: number; email: string; data: Record<string, unknown> };
      await admit(ctx, 'draft');
      return { status: 201, json: await saveDraft(ctx.system, { formId: ctx.params.formId!, formVersion, email, data }) };
    },
  },
  {
    method: 'post', path: '/api/forms/:formId/drafts/:draftId/open', summary: 'Resume a saved draft (with the token from its e-mail, in the body)', tags: ['drafts'], roles: ['public'],
    body: { type: 'object', required: ['token'], additionalProperties: false, properties: { token } },
    responses: { 200: { description: 'The draft: render its form version and prefill its data', schema: draft }, ...notFound, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const who = await admit(ctx, 'check');
      const found = await openDraft(ctx.system, guardsOf(ctx.system).attempts, who, { formId: ctx.params.formId!, draftId: ctx.params.draftId!, token: tokenOf(ctx) });
      return { json: { formId: found.formId, formVersion: found.formVersion, data: found.data, expiresAt: found.expiresAt.toISOString() } };
    },
  },
  {
    method: 'post', path: '/api/forms/:formId/drafts/:draftId/delete', summary: 'Delete a saved draft: its link stops working (the portal does after the form was submitted, or when the citizen discards it)', tags: ['drafts'], roles: ['public'],
    body: {
      type: 'object', required: ['token'], additionalProperties: false,
      properties: { token, reason: { type: 'string', enum: ['submitted', 'discarded'], default: 'discarded', description: 'Why (kept in the workflow\'s outcome)' } },
    },
    responses: { 204: { description: 'Deleted' }, ...notFound, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const who = await admit(ctx, 'check');
      const { reason } = ctx.body as { reason?: DraftEndReason };
      await deleteDraft(ctx.system, guardsOf(ctx.system).attempts, who, {
        formId: ctx.params.formId!, draftId: ctx.params.draftId!, token: tokenOf(ctx), reason: reason ?? 'discarded',
      });
      return { status: 204 };
    },
  },
]);
