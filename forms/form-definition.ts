/**
 * A form definition: JSON Schema (draft-07, the dialect react-jsonschema-form validates by
 * default) + uiSchema + German and English texts + the procedure it starts. The schema is the
 * single source for the rendered form, the API's validation, the OpenAPI document and the
 * TypeScript type of the submission.
 */
export interface FieldTexts { title: string; description?: string; enumNames?: string[] }
export interface FormTexts {
  title: string; description?: string; submit: string; fields: Record<string, FieldTexts>;
  /** Step titles of a multi-step form, by the step ids of the uiSchema's "ui:steps". */
  steps?: Record<string, string>;
}

/**
 * A multi-step form: the uiSchema's top-level "ui:steps" lists the steps in order, each with
 * the top-level property names it shows. Every property is in exactly one step; a step
 * without fields (e.g. "review") shows the summary before submitting.
 */
export interface FormStep { id: string; fields: string[] }

/** Who fills the form: citizens in the portal, or staff (the portal lists only citizen forms). */
export type FormAudience = 'citizen' | 'staff';

export interface FormDefinition {
  id: string;
  version: number;
  procedure: string;
  /** What a submission does: start a workflow, or send it a signal or an update. */
  action: { kind: 'start' | 'signal' | 'update'; name: string };
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  texts: { de: FormTexts; en: FormTexts };
  /** Absent: citizen. */
  audience?: FormAudience;
}
