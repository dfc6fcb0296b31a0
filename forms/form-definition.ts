/**
 * A form definition: JSON Schema (draft-07, the dialect react-jsonschema-form validates by
 * default) + uiSchema + German and English texts + the procedure it starts. The schema is the
 * single source for the rendered form, the API's validation, the OpenAPI document and the
 * TypeScript type of the submission.
 */
export interface FieldTexts { title: string; description?: string; enumNames?: string[] }
export interface FormTexts { title: string; description?: string; submit: string; fields: Record<string, FieldTexts> }

export interface FormDefinition {
  id: string;
  version: number;
  procedure: string;
  /** What a submission does: start a workflow, or send it a signal or an update. */
  action: { kind: 'start' | 'signal' | 'update'; name: string };
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  texts: { de: FormTexts; en: FormTexts };
}
