/**
 * The form registry over HTTP. The portal reads the newest version (or an exact one, to render
 * and submit it); process designers check drafts, publish new versions and restore old ones.
 */
import { defineRoutes, type CaseScope } from '../http/route';
import { getPublishedForm, listFormVersions, listPublishedForms, versionParam } from '../use-cases/forms/read-forms';
import { checkFormDraft, type FormDraftInput } from '../use-cases/forms/check-form-draft';
import { publishForm, restoreFormVersion } from '../use-cases/forms/publish-form';
import { errors } from './schemas';
import { audience, checkResult, formDraft, formList, formVersion, publicForm, restoreBody, versionMeta } from './form-schemas';
import type { FormAudience } from '../../forms/form-definition';

const notFound = { 404: { description: 'No such form or version' } };

const formDefinitions: CaseScope = { kind: 'none', why: 'form definitions, no case data' };

export const formRoutes = defineRoutes([
  {
    method: 'get', path: '/api/forms', summary: 'Every form, newest published version, with its number of versions and audience', tags: ['forms'], roles: ['public'],
    query: { type: 'object', additionalProperties: false, properties: { audience } },
    responses: { 200: { description: 'Forms (?audience=citizen: what the portal lists)', schema: formList }, 422: { description: 'Unknown audience' } },
    async handler({ query, system }) {
      return { json: await listPublishedForms(system, { audience: query.audience as FormAudience | undefined }) };
    },
  },
  {
    method: 'get', path: '/api/forms/:formId', summary: 'The newest published version of a form: JSON Schema (draft-07), uiSchema, texts, version', tags: ['forms'], roles: ['public'],
    responses: { 200: { description: 'Form definition; submit with header Form-Version = its version', schema: publicForm }, ...notFound },
    async handler({ params, system }) {
      return { json: await getPublishedForm(system, params.formId!) };
    },
  },
  {
    method: 'get', path: '/api/forms/:formId/versions/:version', summary: 'One exact version of a form (what a case was started with)', tags: ['forms'], roles: ['public'],
    responses: { 200: { description: 'Form definition', schema: publicForm }, ...notFound },
    async handler({ params, system }) {
      return { json: await getPublishedForm(system, params.formId!, versionParam(params.version)) };
    },
  },
  {
    method: 'get', path: '/api/forms/:formId/versions', summary: 'Every version of a form, newest first (who, when, why, restored from)', tags: ['forms'], roles: ['designer'], scope: formDefinitions,
    responses: { 200: { description: 'Versions', schema: { type: 'object', required: ['formId', 'items'], properties: { formId: { type: 'string' }, items: { type: 'array', items: versionMeta } } } }, ...errors },
    async handler({ params, system }) {
      return { json: await listFormVersions(system, params.formId!) };
    },
  },
  {
    method: 'post', path: '/api/forms/:formId/check', summary: 'Check a draft (meta-schema, input contract, texts) and diff it against the newest version; publishes nothing', tags: ['forms'],
    roles: ['designer'], scope: formDefinitions, body: formDraft,
    responses: { 200: { description: 'Problems (empty: publishable) and changes', schema: checkResult }, ...errors },
    async handler({ params, body, lang, system }) {
      return { json: await checkFormDraft(system, params.formId!, body as FormDraftInput, lang) };
    },
  },
  {
    method: 'post', path: '/api/forms/:formId/versions', summary: 'Publish a draft as the new newest version (checked first)', tags: ['forms'],
    roles: ['designer'], scope: formDefinitions, body: formDraft,
    responses: { 201: { description: 'The published version', schema: formVersion }, ...errors, 422: { description: 'The draft fails its checks; fields name the problems' } },
    async handler({ params, body, principal, system }) {
      const published = await publishForm(system, params.formId!, body as FormDraftInput, principal.id);
      return { status: 201, json: published, headers: { Location: `/api/forms/${encodeURIComponent(published.id)}/versions/${published.version}` } };
    },
  },
  {
    method: 'post', path: '/api/forms/:formId/versions/:version/restore', summary: 'Publish an older version again, as the newest (checked against today\'s contract)', tags: ['forms'],
    roles: ['designer'], scope: formDefinitions, body: restoreBody,
    responses: { 201: { description: 'The new version, a copy of the old one with restoredFrom', schema: formVersion }, ...errors },
    async handler({ params, body, principal, system }) {
      const { note } = body as { note?: string };
      const restored = await restoreFormVersion(system, params.formId!, versionParam(params.version), { by: principal.id, ...(note ? { note } : {}) });
      return { status: 201, json: restored, headers: { Location: `/api/forms/${encodeURIComponent(restored.id)}/versions/${restored.version}` } };
    },
  },
]);
