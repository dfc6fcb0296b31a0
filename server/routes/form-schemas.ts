/** Request and response schemas of the form registry routes (OpenAPI and request validation). */
import { fieldError, named } from '../http/openapi';
import { localText } from './schemas';

export const audience = named('FormAudience', { type: 'string', enum: ['citizen', 'staff'], description: 'Who fills the form; the portal lists only citizen forms (absent: citizen)' });
const action = named('FormAction', {
  type: 'object', required: ['kind', 'name'], additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['start', 'signal', 'update'] }, name: { type: 'string', minLength: 1, maxLength: 100 } },
});
/** The texts of one language (forms/form-definition.ts FormTexts); answers only, drafts are checked by checkFormDefinition. */
const formTexts = named('FormTexts', {
  type: 'object', required: ['title', 'submit', 'fields'],
  properties: {
    title: { type: 'string' }, description: { type: 'string' }, submit: { type: 'string' },
    fields: {
      type: 'object',
      additionalProperties: {
        type: 'object', required: ['title'],
        properties: { title: { type: 'string' }, description: { type: 'string' }, enumNames: { type: 'array', items: { type: 'string' } } },
      },
    },
    steps: { type: 'object', additionalProperties: { type: 'string' }, description: 'Step titles by the step ids of the uiSchema\'s "ui:steps"' },
  },
});

/**
 * A draft as the designer sends it. schema, uiSchema and texts are free objects here (the deep
 * checks are `checkFormDefinition`'s, which answer per field); procedure and action default to
 * the published form's. Anything else (id, version, publishedAt …) is refused (422), so a
 * published version sent back whole is not mistaken for a draft.
 */
export const formDraft = {
  type: 'object', required: ['schema', 'uiSchema', 'texts'], additionalProperties: false,
  properties: {
    procedure: { type: 'string', minLength: 1, maxLength: 100 }, action, audience,
    schema: { type: 'object', description: 'JSON Schema draft-07, type object' },
    uiSchema: { type: 'object', description: 'react-jsonschema-form uiSchema; optional top-level "ui:steps": [{ id, fields: [<top-level property>] }] for a multi-step form' },
    texts: { type: 'object', description: '{ de, en }: title, description?, submit, fields: { <property>: { title, description?, enumNames? } }, steps?: { <step id>: title }' },
    note: { type: 'string', maxLength: 500, description: 'Why this version (publish only)' },
  },
};

export const restoreBody = { type: 'object', additionalProperties: false, properties: { note: { type: 'string', maxLength: 500 } } };

const definitionProperties = {
  id: { type: 'string' }, version: { type: 'integer' }, procedure: { type: 'string' }, action, audience,
  schema: { type: 'object', description: 'JSON Schema draft-07' }, uiSchema: { type: 'object' },
  texts: { type: 'object', required: ['de', 'en'], properties: { de: formTexts, en: formTexts } }, publishedAt: { type: 'string', format: 'date-time' },
};
const definitionRequired = ['id', 'version', 'procedure', 'action', 'schema', 'uiSchema', 'texts'];
export const publicForm = named('FormDefinition', { type: 'object', required: [...definitionRequired, 'audience', 'publishedAt'], properties: definitionProperties });

const versionMetaProperties = {
  version: { type: 'integer' }, publishedAt: { type: 'string', format: 'date-time' }, publishedBy: { type: 'string' },
  note: { type: 'string' }, restoredFrom: { type: 'integer' }, source: { type: 'string', enum: ['built-in', 'designer'] },
};
const versionMetaRequired = ['version', 'publishedAt', 'publishedBy', 'source'];
export const versionMeta = named('FormVersionMeta', { type: 'object', required: versionMetaRequired, properties: versionMetaProperties });
export const formVersion = named('FormVersion', {
  type: 'object', required: [...definitionRequired, ...versionMetaRequired], properties: { ...definitionProperties, ...versionMetaProperties },
});

export const formList = {
  type: 'object', required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: named('FormSummary', {
        type: 'object', required: ['id', 'version', 'versionCount', 'procedure', 'action', 'audience', 'title', 'description'],
        properties: {
          id: { type: 'string' }, version: { type: 'integer' }, versionCount: { type: 'integer' }, procedure: { type: 'string' }, action, audience,
          publishedAt: { type: 'string', format: 'date-time' }, title: localText, description: localText,
        },
      }),
    },
  },
};


export const checkResult = named('FormCheck', {
  type: 'object', required: ['formId', 'publishable', 'problems', 'against', 'diff'],
  properties: {
    formId: { type: 'string' },
    publishable: { type: 'boolean' },
    problems: { type: 'array', items: fieldError, description: 'What keeps the draft from being published' },
    against: { type: ['integer', 'null'], description: 'The published version the diff compares with' },
    diff: {
      type: 'array',
      items: named('FormChange', {
        type: 'object', required: ['path', 'kind', 'message'],
        properties: { path: { type: 'string' }, kind: { type: 'string', enum: ['added', 'removed', 'changed'] }, message: { type: 'string' } },
      }),
    },
  },
});
