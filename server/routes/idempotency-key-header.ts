/**
 * `Idempotency-Key`: chosen by the client once per submission (e.g. a UUID made when the form
 * opens). It becomes, hashed, the workflow ID: a repeated submit reaches the same case.
 */
import type { Request } from 'express';
import { AppError } from '../http/app-error';
import type { HeaderSpec } from '../http/route';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export const idempotencyKeyHeader = (description: string): HeaderSpec =>
  ({ name: 'Idempotency-Key', required: true, description, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source } });

export function idempotencyKeyOf(req: Request): string {
  const key = req.get('Idempotency-Key') ?? '';
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('validation_failed', { de: 'Der Header Idempotency-Key fehlt oder ist ungültig.', en: 'The Idempotency-Key header is missing or invalid.' }, {
      fields: [{ field: 'Idempotency-Key', message: { de: '8–128 Zeichen: Buchstaben, Ziffern, . _ : -', en: '8–128 characters: letters, digits, . _ : -' } }],
    });
  }
  return key;
}
