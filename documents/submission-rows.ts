/**
 * What a person submitted, as rows for the receipt PDF: each field under its title in the form
 * version the case was started with, in the form's order, choices shown as the person saw
 * them (enumNames), dates as dates. Pure: the same rows for the same form and submission.
 */
import type { FormTexts } from '../forms/form-definition';

export interface SummaryRow { label: string; value?: string; level: number }
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const dateDe = (iso: string) => /^(\d{4})-(\d{2})-(\d{2})$/.test(iso) ? iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1') : iso;

function ordered(properties: Json, ui: unknown): string[] {
  const order = isObject(ui) && Array.isArray(ui['ui:order']) ? (ui['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string' && k in properties) : [];
  return [...order, ...Object.keys(properties).filter((k) => !order.includes(k))];
}

function show(value: unknown, schema: Json, texts: FormTexts['fields'][string] | undefined): string {
  if (Array.isArray(value)) return value.map((v) => show(v, isObject(schema.items) ? schema.items : {}, undefined)).join(', ');
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (Array.isArray(schema.enum) && texts?.enumNames) {
    const i = schema.enum.indexOf(value);
    if (i >= 0 && texts.enumNames[i]) return texts.enumNames[i]!;
  }
  if (Array.isArray(schema.oneOf)) {
    const option = (schema.oneOf as Json[]).find((o) => o.const === value);
    if (typeof option?.title === 'string') return option.title;
  }
  if (typeof value === 'string' && schema.format === 'date') return dateDe(value);
  return String(value);
}

export function summaryRows(form: { schema: Json; uiSchema: Json; texts: FormTexts }, submission: Json): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const walk = (schema: Json, ui: unknown, value: Json, prefix: string, level: number) => {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const key of ordered(properties, ui)) {
      const v = value[key];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      const texts = form.texts.fields[path];
      const sub = isObject(properties[key]) ? properties[key] : {};
      if (isObject(v) && isObject(sub.properties)) {
        rows.push({ label: texts?.title ?? key, level });
        walk(sub, isObject(ui) ? ui[key] : undefined, v, path, level + 1);
      } else {
        rows.push({ label: texts?.title ?? key, value: show(v, sub, texts), level });
      }
    }
  };
  walk(form.schema, form.uiSchema, submission, '', 0);
  return rows;
}

/**
 * The receipt's rows: every field that arrived, under its title, but a value only where the
 * form itself wrote it (a choice among the form's options, yes/no). Typed values — names,
 * dates of birth, addresses, IBANs, free text — are not repeated: the receipt is mailed to an
 * address anyone could have typed, and whatever someone enters must not come back in an
 * official document of the city. The staff see the full submission; the citizen sees that it
 * arrived and what they chose.
 */
export function receiptRows(form: { schema: Json; uiSchema: Json; texts: FormTexts }, submission: Json): SummaryRow[] {
  const propertyAt = (path: string): Json => {
    let schema: Json = form.schema;
    for (const key of path.split('.')) {
      const properties = isObject(schema.properties) ? schema.properties : {};
      schema = isObject(properties[key]) ? properties[key] as Json : {};
    }
    return schema;
  };
  const paths: string[] = [];
  const walk = (schema: Json, ui: unknown, value: Json, prefix: string) => {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const key of ordered(properties, ui)) {
      const v = value[key];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      paths.push(path);
      const sub = isObject(properties[key]) ? properties[key] : {};
      if (isObject(v) && isObject(sub.properties)) walk(sub, isObject(ui) ? ui[key] : undefined, v, path);
    }
  };
  walk(form.schema, form.uiSchema, submission, '');
  const rows = summaryRows(form, submission);
  return rows.map((row, i) => {
    if (row.value === undefined) return row;
    const schema = propertyAt(paths[i] ?? '');
    const chosen = Array.isArray(schema.enum) || Array.isArray(schema.oneOf) || schema.type === 'boolean';
    if (chosen) return row;
    const items = Array.isArray(valueAt(submission, paths[i] ?? '')) ? (valueAt(submission, paths[i] ?? '') as unknown[]).length : undefined;
    return { ...row, value: items !== undefined ? `${items} ${items === 1 ? 'Angabe' : 'Angaben'} erhalten` : 'angegeben' };
  });
}

function valueAt(submission: Json, path: string): unknown {
  let v: unknown = submission;
  for (const key of path.split('.')) v = isObject(v) ? v[key] : undefined;
  return v;
}

/** The first e-mail address in the submission, found by the schema's format "email". */
export function emailOf(schema: Json, submission: Json): string | undefined {
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [key, sub] of Object.entries(properties)) {
    const v = submission[key];
    if (!isObject(sub)) continue;
    if (sub.format === 'email' && typeof v === 'string' && v) return v;
    if (isObject(v)) {
      const nested = emailOf(sub, v);
      if (nested) return nested;
    }
  }
  return undefined;
}
