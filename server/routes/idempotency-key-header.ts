/**
 * `Idempotency-Key`: chosen by the client once per submission (e.g. a UUID made when the form
 * opens). It becomes, hashed, the workflow ID: a repeated submit reaches the same case. On
 * routes that send an Update to a running case it is optional and becomes the Update ID: a
 * retried request gets the first answer instead of a 409 or a second task.
 */
import type { Request } from 'express';
import { AppError } from '../http/app-error';
import type { HeaderSpec } from '../http/route';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export const idempotencyKeyHeader = (description: string): HeaderSpec =>
  ({ name: 'Idempotency-Key', required: true, description, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source } });

export const optionalIdempotencyKeyHeader: HeaderSpec = {
  name: 'Idempotency-Key', required: false, schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  description: 'Optional, chosen once per request (e.g. a UUID): the same request sent again with the same key gets the first answer and changes nothing twice',
};

/** The optional key: absent is fine, present but malformed is 422. */
export function optionalIdempotencyKeyOf(req: Request): string | undefined {
  return req.get('Idempotency-Key') === undefined ? undefined : idempotencyKeyOf(req);
}

export function idempotencyKeyOf(req: Request): string {
  const key = req.get('Idempotency-Key') ?? '';
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('validation_failed', { de: 'Der Header Idempotency-Key fehlt oder ist ungültig.', en: 'The Idempotency-Key header is missing or invalid.' }, {
      fields: [{ field: 'Idempotency-Key', message: { de: '8–128 Zeichen: Buchstaben, Ziffern, . _ : -', en: '8–128 characters: letters, digits, . _ : -' } }],
    });
  }
  return key;
}
