import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormTexts } from '../api/types.js';

export type Step = { id: string; title: string; fields: string[] };
type Node = Record<string, unknown>;

/** Top-level fields in display order: ui:order first (without "*"), then the rest of the schema. */
export function fieldOrder(schema: RJSFSchema, uiSchema: UiSchema): string[] {
  const names = Object.keys((schema.properties ?? {}) as Node);
  const order = ((uiSchema['ui:order'] ?? []) as string[]).filter((n) => names.includes(n));
  return [...order, ...names.filter((n) => !order.includes(n))];
}

/**
 * The steps of a form from the uiSchema's "ui:steps" ([{ id, fields }]) with titles from
 * texts.steps. Fields no step names join the last step, so nothing becomes unreachable; a form
 * without steps is one step. A step without fields ("review") is the summary, which the wizard
 * always adds last (see reviewTitleOf).
 */
export function stepsOf(schema: RJSFSchema, uiSchema: UiSchema, texts: FormTexts, fallbackTitle: string): Step[] {
  const all = fieldOrder(schema, uiSchema);
  const raw = Array.isArray(uiSchema['ui:steps']) ? (uiSchema['ui:steps'] as { id?: unknown; fields?: unknown }[]) : [];
  const steps: Step[] = raw
    .filter((s) => typeof s?.id === 'string' && Array.isArray(s.fields))
    .map((s) => {
      const id = s.id as string;
      const fields = (s.fields as unknown[]).filter((f): f is string => typeof f === 'string' && all.includes(f));
      return { id, title: texts.steps?.[id] ?? id, fields };
    })
    .filter((s) => s.fields.length > 0);
  if (steps.length === 0) return [{ id: 'all', title: fallbackTitle, fields: all }];
  const listed = new Set(steps.flatMap((s) => s.fields));
  steps.at(-1)!.fields.push(...all.filter((f) => !listed.has(f)));
  // Each step's fields in the form's display order.
  for (const step of steps) step.fields.sort((a, b) => all.indexOf(a) - all.indexOf(b));
  return steps;
}

/** The title of the review step: a field-less step of "ui:steps" (e.g. "review"), else the fallback. */
export function reviewTitleOf(uiSchema: UiSchema, texts: FormTexts, fallback: string): string {
  const raw = Array.isArray(uiSchema['ui:steps']) ? (uiSchema['ui:steps'] as { id?: unknown; fields?: unknown }[]) : [];
  const review = raw.find((s) => typeof s?.id === 'string' && Array.isArray(s.fields) && s.fields.length === 0);
  return (review && texts.steps?.[review.id as string]) || fallback;
}

/** The first segment of an rjsf error property (".holder.email" → "holder") or an API field ("holder/email"). */
export const topField = (path: string | undefined) => (path ?? '').split(/[./]/).find(Boolean) ?? '';

/** Keeps the parts of an error schema that belong to the given top-level fields. */
export function pickErrors(errors: ErrorSchema, fields: string[]): ErrorSchema | undefined {
  const kept = Object.fromEntries(Object.entries(errors as Node).filter(([key]) => fields.includes(key)));
  return Object.keys(kept).length ? (kept as ErrorSchema) : undefined;
}

/** Counts the messages in an error schema (for the summary "Bitte korrigieren Sie 2 …"). */
export function countErrors(errors: ErrorSchema | undefined): number {
  if (!errors) return 0;
  let n = 0;
  for (const [key, value] of Object.entries(errors as Node)) {
    if (key === '__errors') n += (value as unknown[]).length;
    else n += countErrors(value as ErrorSchema);
  }
  return n;
}

/** The index of the first step whose fields have an error, or -1. */
export function firstStepWithError(steps: Step[], errors: ErrorSchema | undefined): number {
  const keys = Object.keys((errors ?? {}) as Node);
  return steps.findIndex((s) => s.fields.some((f) => keys.includes(f)));
}

/**
 * Attachment ids ("evidenceIds") are filled by the upload field (`field`), not typed: the field
 * uploads each file to POST /api/attachments and keeps the answered ids. Returns whether the
 * form has the field.
 */
export function deferEvidence(schema: RJSFSchema, uiSchema: UiSchema, field: unknown): boolean {
  const node = (schema.properties as Node | undefined)?.evidenceIds as Node | undefined;
  if (!node) return false;
  uiSchema.evidenceIds = { ...(uiSchema.evidenceIds as Node), 'ui:field': field, 'ui:label': false };
  return true;
}
