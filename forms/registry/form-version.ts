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
