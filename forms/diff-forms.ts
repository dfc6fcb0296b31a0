/**
 * What changes between two versions of a form, as a list a designer can read before publishing:
 * added, removed and changed parts of the schema (per property), required fields, the uiSchema
 * and the texts. Pure, so the designer page and the API show the same list.
 */
import type { FormContent, LocalText } from './registry/form-version';

export interface FormChange { path: string; kind: 'added' | 'removed' | 'changed'; message: LocalText }

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function walk(path: string, a: unknown, b: unknown, out: FormChange[]): void {
  if (equal(a, b)) return;
  if (a === undefined) {
    out.push({ path, kind: 'added', message: { de: `hinzugefügt: ${show(b)}`, en: `added: ${show(b)}` } });
  } else if (b === undefined) {
    out.push({ path, kind: 'removed', message: { de: `entfernt (war ${show(a)})`, en: `removed (was ${show(a)})` } });
  } else if (path.endsWith('/required') && Array.isArray(a) && Array.isArray(b)) {
    // Required lists are sets: name the fields that became required or optional.
    for (const f of b.filter((x) => !a.includes(x))) {
      out.push({ path, kind: 'added', message: { de: `„${f}“ ist jetzt Pflichtfeld`, en: `"${f}" is now required` } });
    }
    for (const f of a.filter((x) => !b.includes(x))) {
      out.push({ path, kind: 'removed', message: { de: `„${f}“ ist kein Pflichtfeld mehr`, en: `"${f}" is no longer required` } });
    }
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(`${path}/${key}`, a[key], b[key], out);
  } else {
    out.push({ path, kind: 'changed', message: { de: `${show(a)} → ${show(b)}`, en: `${show(a)} → ${show(b)}` } });
  }
}

/** The changes from `a` (e.g. the published version) to `b` (e.g. a draft); empty when equal. */
export function diffForms(a: FormContent, b: FormContent): FormChange[] {
  const out: FormChange[] = [];
  for (const key of ['procedure', 'action', 'audience', 'schema', 'uiSchema', 'texts'] as const) walk(key, a[key], b[key], out);
  return out;
}
