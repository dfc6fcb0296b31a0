/** Answers of the account use cases that more than one of them gives. */
import { AppError } from '../../http/app-error';

export const tooManyAttempts = (retryAfterMs: number) => new AppError('too_many_attempts', {
  de: 'Zu viele fehlgeschlagene Versuche. Bitte warten Sie etwas und versuchen Sie es dann erneut.',
  en: 'Too many failed attempts. Please wait a while and try again.',
}, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
