import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { Lang } from '../api/types.js';
import { formatDate, formatDateTime } from '../format.js';
import type { Dictionary } from '../locales/de.js';
import { fieldOrder } from './form-steps.js';

export type ReviewEntry =
  | { kind: 'value'; key: string; label: string; value: string }
  | { kind: 'group'; key: string; label: string; entries: ReviewEntry[] };

type Node = Record<string, unknown>;

/** The answers of some top-level fields as label/value pairs, in the words the person saw. */
export function reviewEntries(
  fields: string[],
  schema: RJSFSchema,
  uiSchema: UiSchema,
  data: Node,
  lang: Lang,
  t: Dictionary,
  prefix = '',
): ReviewEntry[] {
  const properties = (schema.properties ?? {}) as Record<string, RJSFSchema>;
  const entries: ReviewEntry[] = [];
  for (const name of fields) {
    const node = properties[name];
    const value = data[name];
    const ui = (uiSchema[name] ?? {}) as UiSchema;
    if (!node || value === undefined || value === null || value === '' || typeof ui['ui:field'] === 'function') continue;
    const key = `${prefix}${name}`;
    const label = String(node.title ?? name);
    if (typeof value === 'object' && !Array.isArray(value)) {
      const inner = reviewEntries(fieldOrder(node, ui), node, ui, value as Node, lang, t, `${key}.`);
      if (inner.length) entries.push({ kind: 'group', key, label, entries: inner });
      continue;
    }
    const shown = Array.isArray(value) ? value.map((v) => show(v, node.items as RJSFSchema, ui, lang, t)).join(', ') : show(value, node, ui, lang, t);
    entries.push({ kind: 'value', key, label, value: shown });
  }
  return entries;
}

function show(value: unknown, node: RJSFSchema | undefined, ui: UiSchema, lang: Lang, t: Dictionary): string {
  if (typeof value === 'boolean') return value ? t.wizard.yes : t.wizard.no;
  if (Array.isArray(node?.enum)) {
    const names = ui['ui:enumNames'] as string[] | undefined;
    const i = node.enum.indexOf(value as never);
    return names?.[i] ?? String(value);
  }
  const options = (node?.oneOf ?? node?.anyOf) as Node[] | undefined;
  const option = options?.find((o) => o.const === value);
  if (option?.title) return String(option.title);
  if (typeof value === 'string' && node?.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T12:00:00Z`, lang);
  if (typeof value === 'string' && node?.format === 'date-time' && !Number.isNaN(Date.parse(value))) return formatDateTime(value, lang);
  return String(value);
}
