/**
 * The one error type of the API. `code` is stable for clients; messages are safe to show to
 * the user in German and English; internal details never leave the server.
 */
import type { Request } from 'express';

export interface FieldError { field: string; message: { de: string; en: string } }
export type Lang = 'de' | 'en';

export const ERROR_STATUS = {
  validation_failed: 422,
  rejected: 422,
  unauthenticated: 401,
  access_denied: 401,
  second_factor_required: 401,
  forbidden: 403,
  letter_code_required: 403,
  csrf_failed: 403,
  password_change_required: 403,
  second_factor_enrolment_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_reused: 409,
  ticket_closed: 409,
  already_paid: 409,
  already_decided: 409,
  task_claimed: 409,
  task_not_open: 409,
  too_many_attempts: 429,
  too_many_requests: 429,
  payload_too_large: 413,
  dependency_unavailable: 503,
  /** Too many changes in flight in this process (server/http/in-flight-limit.ts); nothing was done. */
  overloaded: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: { de: string; en: string },
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number; allow?: string; cause?: unknown } = {},
  ) {
    super(userMessage.en, { cause: extra.cause });
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(lang: Lang) {
    return {
      error: {
        code: this.code,
        message: this.userMessage[lang],
        ...(this.extra.fields ? { fields: this.extra.fields.map((f) => ({ field: f.field, message: f.message[lang] })) } : {}),
        ...(this.extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.extra.retryAfterSeconds } : {}),
      },
    };
  }
}

export const notFound = (what: { de: string; en: string }) =>
  new AppError('not_found', { de: `${what.de} wurde nicht gefunden.`, en: `${what.en} was not found.` });

/** German unless the client prefers English (express's Accept-Language negotiation, q-values included). */
export function preferredLang(req: Request): Lang {
  return req.acceptsLanguages('de', 'en') === 'en' ? 'en' : 'de';
}
