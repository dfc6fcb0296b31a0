import { compile, type ErrorObject, type JSONSchemaType } from '../../domain/json-schema';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';

/** A holder record as written via PUT; the plate comes from the URL. */
export type HolderInput = Omit<VehicleHolder, 'plate'>;

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

const schema: JSONSchemaType<HolderInput> = {
  type: 'object',
  additionalProperties: false,
  required: ['holderKind', 'name', 'street', 'postalCode', 'city'],
  properties: {
    holderKind: { type: 'string', enum: ['person', 'company', 'rental'] },
    name: text(200),
    street: text(200),
    postalCode: { type: 'string', pattern: '^[0-9]{5}$' }, // German PLZ: the registry holds German addresses
    city: text(100),
  },
};

// Compiled once; an unknown field (a plate in the body, too: it comes from the URL) is refused.
const validate = compile<HolderInput>(schema);

export interface FieldError {
  field: string;
  message: string;
}

export function validateHolder(body: unknown): { ok: true; value: HolderInput } | { ok: false; fields: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, fields: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  const copy: unknown = structuredClone(body);
  if (validate(copy)) return { ok: true, value: copy };
  return { ok: false, fields: (validate.errors ?? []).map(fieldError) };
}

function fieldError(e: ErrorObject): FieldError {
  // A missing or unknown member is named itself, not the object that lacks or holds it.
  const named = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty
    : e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
  return { field: named ?? (e.instancePath.replace(/^\//, '') || '(body)'), message: e.message ?? 'is invalid' };
}
