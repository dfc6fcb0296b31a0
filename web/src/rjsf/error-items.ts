import { retrieveSchema, type ErrorSchema, type RJSFSchema, type UiSchema, type ValidatorType } from '@rjsf/utils';
import type { SummaryItem } from '../components/error-summary.js';

type Node = Record<string, unknown>;

/**
 * The error summary's lines from an rjsf error schema: one per message, in the order the fields
 * are shown (the uiSchema's "ui:order", then the schema's), each with the field's id as rjsf
 * builds it ("root_holder_email") and the field's title from the (localized) schema.
 */
export function errorItems(errors: ErrorSchema | undefined, schema: RJSFSchema, uiSchema: UiSchema = {}): SummaryItem[] {
  const items: SummaryItem[] = [];
  walk(errors as Node | undefined, [], schema as Node, uiSchema as Node, items);
  return items;
}

function walk(errors: Node | undefined, path: string[], schema: Node | undefined, ui: Node | undefined, out: SummaryItem[]) {
  if (!errors) return;
  const messages = (errors.__errors as string[] | undefined) ?? [];
  const id = ['root', ...path].join('_');
  const label = path.length ? String(schema?.title ?? path.at(-1)) : '';
  for (const message of messages) out.push({ id, label, message });
  // Children in the schema's property order (the order rjsf renders them in when no ui:order says otherwise).
  const properties = (schema?.properties ?? {}) as Record<string, Node>;
  const keys = Object.keys(errors).filter((k) => k !== '__errors');
  const uiOrder = ((ui?.['ui:order'] ?? []) as string[]).filter((k) => k in properties);
  const shown = [...uiOrder, ...Object.keys(properties).filter((k) => !uiOrder.includes(k))];
  const ordered = [...shown.filter((k) => keys.includes(k)), ...keys.filter((k) => !shown.includes(k))];
  for (const key of ordered) {
    const childSchema = properties[key] ?? ((schema?.items as Node | undefined) ?? undefined);
    const childUi = (ui?.[key] ?? ui?.items) as Node | undefined;
    walk(errors[key] as Node, [...path, key], childSchema, childUi, out);
  }
}

/**
 * A required group nobody has typed into yet is absent from the data, so ajv reports the group as
 * missing (one message) instead of each of its required fields. Give every required group an empty
 * object before validating, so the summary lists every field that needs an answer.
 */
export function withRequiredGroups(data: unknown, schema: RJSFSchema | undefined): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Node = { ...(data as Node) };
  const properties = (schema?.properties ?? {}) as Record<string, RJSFSchema>;
  for (const key of schema?.required ?? []) {
    if (out[key] === undefined && properties[key]?.type === 'object') out[key] = {};
  }
  for (const [key, child] of Object.entries(out)) out[key] = withRequiredGroups(child, properties[key]);
  return out;
}

/**
 * Top-level fields the schema does not allow for the answers given so far: a conditional
 * (`if`/`else`, see forms/dog-tax/common.ts allowedWhen) turned their schema into `not: {}`.
 * The wizard neither shows, checks nor sends them.
 */
export function hiddenFields(validator: ValidatorType, schema: RJSFSchema, data: unknown): string[] {
  const resolved = retrieveSchema(validator, schema, schema, data as Node);
  const properties = (resolved.properties ?? {}) as Record<string, Node>;
  return Object.keys(properties).filter((key) => {
    const not = properties[key]?.not;
    return typeof not === 'object' && not !== null && Object.keys(not).length === 0;
  });
}

/** The data without the given top-level fields. */
export const withoutFields = (data: Node, fields: string[]): Node =>
  fields.length ? Object.fromEntries(Object.entries(data).filter(([key]) => !fields.includes(key))) : data;
