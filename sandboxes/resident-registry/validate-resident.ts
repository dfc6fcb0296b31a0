import { compile, type ErrorObject, type ValidateFunction } from '../../domain/json-schema';
import type { Resident, ResidentQuery } from '../../adapters/resident-registry/resident-registry';

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const postalCode = { type: 'string', pattern: '^[0-9]{5}$' } as const;
const birthDate = { type: 'string', format: 'date' } as const;

// Compiled once; an unknown field is refused, never stored.
const validateQuery = compile<ResidentQuery>({
  type: 'object', additionalProperties: false, required: ['familyName', 'givenName', 'birthDate', 'street', 'postalCode'],
  properties: { familyName: text(100), givenName: text(100), birthDate, street: text(200), postalCode },
});
const validateResident = compile<Omit<Resident, 'residentId'>>({
  type: 'object', additionalProperties: false, required: ['familyName', 'givenNames', 'birthDate', 'street', 'postalCode', 'city'],
  properties: { familyName: text(100), givenNames: text(200), birthDate, street: text(200), postalCode, city: text(100) },
});

export interface FieldError { field: string; message: string }
type Checked<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

function check<T>(validate: ValidateFunction<T>, body: unknown): Checked<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, fields: [{ field: '(body)', message: 'must be a JSON object' }] };
  const copy: unknown = structuredClone(body);
  if (validate(copy)) return { ok: true, value: copy as T };
  return { ok: false, fields: (validate.errors ?? []).map(fieldError) };
}

export const checkQuery = (body: unknown) => check<ResidentQuery>(validateQuery, body);
export const checkResident = (body: unknown) => check<Omit<Resident, 'residentId'>>(validateResident, body);

function fieldError(e: ErrorObject): FieldError {
  // A missing or unknown member is named itself, not the object that lacks or holds it.
  const named = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty
    : e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
  return { field: named ?? (e.instancePath.replace(/^\//, '') || '(body)'), message: e.message ?? 'is invalid' };
}
