/**
 * Server-side validation with ajv (domain/json-schema) against the same JSON Schema the form
 * renders from. The validator is compiled once per schema and cached; every error names its
 * field, in German and English — an unknown property (where the schema says
 * `additionalProperties: false`) by its own path, so a misspelled field is named as sent.
 */
import { compile, type ErrorObject } from '../../domain/json-schema';
import { AppError, type FieldError } from './app-error';

function fieldOf(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '');
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return base ? `${base}/${missing}` : missing;
  }
  if (error.keyword === 'additionalProperties') {
    const unknown = (error.params as { additionalProperty: string }).additionalProperty;
    return base ? `${base}/${unknown}` : unknown;
  }
  return base || '(body)';
}

function messageOf(error: ErrorObject): { de: string; en: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': return { de: 'Unbekanntes Feld – hier nicht vorgesehen.', en: 'Unknown field – not accepted here.' };
    case 'required': return { de: 'Pflichtfeld – bitte ausfüllen.', en: 'Required – please fill in.' };
    case 'minLength': return { de: `Mindestens ${p.limit} Zeichen.`, en: `At least ${p.limit} characters.` };
    case 'maxLength': return { de: `Höchstens ${p.limit} Zeichen.`, en: `At most ${p.limit} characters.` };
    case 'pattern': return { de: 'Das Format stimmt nicht.', en: 'The format is not valid.' };
    case 'format': return { de: `Kein gültiges Format (${p.format}).`, en: `Not a valid ${p.format}.` };
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf': return { de: 'Bitte einen der angebotenen Werte wählen.', en: 'Please choose one of the offered values.' };
    case 'type': return { de: `Erwartet: ${p.type}.`, en: `Expected: ${p.type}.` };
    case 'minimum': return { de: `Mindestens ${p.limit}.`, en: `At least ${p.limit}.` };
    case 'maximum': return { de: `Höchstens ${p.limit}.`, en: `At most ${p.limit}.` };
    default: return { de: 'Ungültiger Wert.', en: 'Invalid value.' };
  }
}

export function validationFailed(fields: FieldError[]): AppError {
  return new AppError('validation_failed', {
    de: 'Bitte prüfen Sie die markierten Felder.',
    en: 'Please check the marked fields.',
  }, { fields });
}

/** Returns a copy of `data` with defaults applied, or throws 422 naming every invalid or unknown field. */
export function validateInput<T>(schema: object, data: unknown): T {
  const copy = data === undefined || data === null ? {} : structuredClone(data);
  const validate = compile(schema);
  if (validate(copy)) return copy as T;
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  // oneOf/const produce one error per option: report each field once, the most specific first.
  for (const error of validate.errors ?? []) {
    // A failed if/then also reports "must match then" at the object itself: the then-branch's
    // own errors already name the field, so this one would only add a vague "(body)" entry.
    if (error.keyword === 'if') continue;
    const field = fieldOf(error);
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, message: messageOf(error) });
  }
  throw validationFailed(fields);
}
