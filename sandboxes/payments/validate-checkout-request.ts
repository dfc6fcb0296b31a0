import { compile, type ErrorObject, type JSONSchemaType } from '../../domain/json-schema';
import type { CheckoutRequest } from '../../adapters/payments/payment-provider';

const httpUrl = { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s]+$' } as const;

const schema: JSONSchemaType<CheckoutRequest> = {
  type: 'object',
  additionalProperties: false,
  required: ['idempotencyKey', 'amountCents', 'currency', 'reference', 'description', 'returnUrl', 'webhookUrl'],
  properties: {
    idempotencyKey: { type: 'string', minLength: 1, maxLength: 200 },
    // A PSP takes at least 1 cent; the upper bound only catches unit mix-ups (euros vs. cents × 100).
    amountCents: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    currency: { type: 'string', const: 'EUR' },
    // 35 = the SEPA remittance limit, which an RF reference always fits.
    reference: { type: 'string', minLength: 1, maxLength: 35 },
    description: { type: 'string', minLength: 1, maxLength: 140 },
    returnUrl: httpUrl,
    webhookUrl: httpUrl,
  },
};

// Compiled once; an unknown field is refused, as a PSP's API refuses an unknown parameter.
const validate = compile<CheckoutRequest>(schema);

export interface FieldError {
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

export function validateCheckoutRequest(body: unknown): Validated<CheckoutRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, fields: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  const copy: unknown = structuredClone(body);
  if (validate(copy)) return { ok: true, value: copy };
  return { ok: false, fields: toFieldErrors(validate.errors ?? []) };
}

/** ajv's errors named by the field a client sent, so a 422 says exactly what to fix. */
export function toFieldErrors(errors: ErrorObject[]): FieldError[] {
  return errors.map((e) => {
    const named = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty
      : e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
    const field = named ?? e.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { field: field || '(body)', message: e.message ?? 'is invalid' };
  });
}
