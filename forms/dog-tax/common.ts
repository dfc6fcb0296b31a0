/**
 * Pieces the three Hundesteuer forms share: the holder block, formats, and conditional rules.
 * Forms are draft-07 (what react-jsonschema-form validates by default).
 */
import type { FieldTexts } from '../form-definition';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
export const date = { type: 'string', format: 'date' } as const;
export const postalCode = { type: 'string', pattern: '^[0-9]{5}$' } as const;
export const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
/** Hundesteuermarke as issued by the registration workflow. */
export const tagNumber = { type: 'string', pattern: '^HSM-[0-9]{4}-[0-9]{4,}$' } as const;
/** Attachment ids from the upload service (uploads arrive with the portal). */
export const evidenceIds = { type: 'array', maxItems: 10, uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } } as const;
/** IBAN shape (country, check digits, up to 30 alphanumerics, spaces allowed); the mod-97 check is the server's. */
export const iban = { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}$' } as const;

export const holder = {
  type: 'object',
  required: ['familyName', 'givenName', 'birthDate', 'street', 'postalCode', 'email'],
  additionalProperties: false,
  properties: {
    familyName: text(100), givenName: text(100), birthDate: date, street: text(200), postalCode,
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
} as const;

/**
 * "If `field` is `value`, these fields are required." The `if` lists every property of the form
 * (as `true`): needed while the API stripped what a subschema with `properties` did not name
 * (ajv's removeAdditional 'all'); the API now refuses unknown fields instead, and the listing is
 * kept so the published form versions' schemas stay as they are.
 */
export function requiredWhen(allProperties: Record<string, unknown>, field: string, value: string, required: string[]) {
  const names = Object.fromEntries(Object.keys(allProperties).map((k) => [k, true]));
  return { if: { required: [field], properties: { ...names, [field]: { const: value } } }, then: { required } };
}

/**
 * "`field` may only be answered when `on` is one of `values`": otherwise the schema forbids it
 * (`not: {}`), so the API refuses it and the portal hides it — rjsf merges the `else` into the
 * field's schema, and the wizard leaves out every field whose schema became `not: {}`.
 */
export function allowedWhen(allProperties: Record<string, unknown>, on: string, values: readonly string[], field: string) {
  const names = Object.fromEntries(Object.keys(allProperties).map((k) => [k, true]));
  return { if: { required: [on], properties: { ...names, [on]: { enum: values } } }, else: { properties: { ...names, [field]: { not: {} } } } };
}

export const holderTexts = {
  de: {
    holder: { title: 'Halterin oder Halter' }, 'holder.familyName': { title: 'Familienname' }, 'holder.givenName': { title: 'Vorname' },
    'holder.birthDate': { title: 'Geburtsdatum' }, 'holder.street': { title: 'Straße und Hausnummer (in Hagen)' },
    'holder.postalCode': { title: 'Postleitzahl' }, 'holder.email': { title: 'E-Mail-Adresse', description: 'Hierhin senden wir den Bescheid.' },
  },
  en: {
    holder: { title: 'Dog owner' }, 'holder.familyName': { title: 'Family name' }, 'holder.givenName': { title: 'Given name' },
    'holder.birthDate': { title: 'Date of birth' }, 'holder.street': { title: 'Street and number (in Hagen)' },
    'holder.postalCode': { title: 'Postcode' }, 'holder.email': { title: 'E-mail address', description: 'We send the notice here.' },
  },
} satisfies Record<'de' | 'en', Record<string, FieldTexts>>;

/** Step titles every Hundesteuer form shares (the holder first, the review last). */
export const commonStepTexts = {
  de: { holder: 'Halterin / Halter', evidence: 'Nachweise', review: 'Prüfen und absenden' },
  en: { holder: 'Dog owner', evidence: 'Evidence', review: 'Check and send' },
};

export const holderUi = {
  'ui:order': ['givenName', 'familyName', 'birthDate', 'street', 'postalCode', 'email'],
  email: { 'ui:widget': 'email', 'ui:autocomplete': 'email' },
  postalCode: { 'ui:placeholder': '58095' },
};
