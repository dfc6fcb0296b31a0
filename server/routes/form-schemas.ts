/** Request and response schemas of the form registry routes (OpenAPI and request validation). */
const localText = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
export const audience = { type: 'string', enum: ['citizen', 'staff'], description: 'Who fills the form; the portal lists only citizen forms (absent: citizen)' };
const action = {
  type: 'object', required: ['kind', 'name'], additionalProperties: false,
  properties: { kind: { type: 'string', enum: ['start', 'signal', 'update'] }, name: { type: 'string', minLength: 1, maxLength: 100 } },
};

/**
 * A draft as the designer sends it. schema, uiSchema and texts are free objects here (the deep
 * checks are `checkFormDefinition`'s, which answer per field); procedure and action default to
 * the published form's. Anything else (id, version, publishedAt …) is stripped.
 */
export const formDraft = {
  type: 'object', required: ['schema', 'uiSchema', 'texts'],
  properties: {
    procedure: { type: 'string', minLength: 1, maxLength: 100 }, action, audience,
    schema: { type: 'object', description: 'JSON Schema draft-07, type object' },
    uiSchema: { type: 'object', description: 'react-jsonschema-form uiSchema; optional top-level "ui:steps": [{ id, fields: [<top-level property>] }] for a multi-step form' },
    texts: { type: 'object', description: '{ de, en }: title, description?, submit, fields: { <property>: { title, description?, enumNames? } }, steps?: { <step id>: title }' },
    note: { type: 'string', maxLength: 500, description: 'Why this version (publish only)' },
  },
};

export const restoreBody = { type: 'object', properties: { note: { type: 'string', maxLength: 500 } } };

const definitionProperties = {
  id: { type: 'string' }, version: { type: 'integer' }, procedure: { type: 'string' }, action, audience,
  schema: { type: 'object' }, uiSchema: { type: 'object' }, texts: { type: 'object' }, publishedAt: { type: 'string', format: 'date-time' },
};
export const publicForm = { type: 'object', properties: definitionProperties };

const versionMetaProperties = {
  version: { type: 'integer' }, publishedAt: { type: 'string', format: 'date-time' }, publishedBy: { type: 'string' },
  note: { type: 'string' }, restoredFrom: { type: 'integer' }, source: { type: 'string', enum: ['built-in', 'designer'] },
};
export const versionMeta = { type: 'object', properties: versionMetaProperties };
export const formVersion = { type: 'object', properties: { ...definitionProperties, ...versionMetaProperties } };

export const formList = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, version: { type: 'integer' }, versionCount: { type: 'integer' }, procedure: { type: 'string' }, action, audience,
          publishedAt: { type: 'string', format: 'date-time' }, title: localText, description: localText,
        },
      },
    },
  },
};

const fieldMessage = { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } };
export const checkResult = {
  type: 'object',
  properties: {
    formId: { type: 'string' },
    publishable: { type: 'boolean' },
    problems: { type: 'array', items: fieldMessage, description: 'What keeps the draft from being published' },
    against: { type: ['integer', 'null'], description: 'The published version the diff compares with' },
    diff: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, kind: { type: 'string', enum: ['added', 'removed', 'changed'] }, message: { type: 'string' } } },
    },
  },
};
