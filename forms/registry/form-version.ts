/**
 * A published, immutable version of a form. The definition fields come from the designer (or
 * a built-in file); `version` and the publishing metadata are given by the registry.
 */
import type { FormDefinition } from '../form-definition';

export type LocalText = { de: string; en: string };

/** What a designer edits and publishes: everything of a definition but its id and version. */
export type FormContent = Pick<FormDefinition, 'procedure' | 'action' | 'schema' | 'uiSchema' | 'texts' | 'audience'>;

export interface VersionMeta {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note?: string;
  /** Set when this version republishes an older one ("restore"). */
  restoredFrom?: number;
  source: 'built-in' | 'designer';
}

export type FormVersion = FormDefinition & VersionMeta;

/** A problem that keeps a definition from being published; shaped like an API field error. */
export interface FormProblem { field: string; message: LocalText }

/**
 * A form's id is a slug (lower-case letters, digits, hyphens; like `dog-tax-registration`): it
 * stands in the portal's and the API's addresses. Publishing took any id, so a designer's
 * request could create a public form `__proto__`, `{"$gt":""}` or 10,000 characters long.
 */
export const FORM_ID = /^[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?$/;

export function formIdProblems(formId: string): FormProblem[] {
  return FORM_ID.test(formId) ? [] : [{ field: 'formId', message: {
    de: 'Die Kennung eines Formulars besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (höchstens 100 Zeichen).',
    en: 'A form\'s id consists of lower-case letters, digits and hyphens (at most 100 characters).',
  } }];
}

/** Thrown by publish/restore/seed when a definition fails its checks. */
export class FormRejected extends Error {
  constructor(readonly formId: string, readonly problems: FormProblem[]) {
    super(`form ${formId} rejected: ${problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')}`);
    this.name = 'FormRejected';
  }
}

// audience only when set: versions stored before it existed keep their content hash.
export const contentOf = (d: FormContent): FormContent =>
  ({ procedure: d.procedure, action: d.action, schema: d.schema, uiSchema: d.uiSchema, texts: d.texts, ...(d.audience ? { audience: d.audience } : {}) });
