/** Answers of the account use cases that more than one of them gives. */
import { AppError } from '../../http/app-error';

export const tooManyAttempts = (retryAfterMs: number) => new AppError('too_many_attempts', {
  de: 'Zu viele fehlgeschlagene Versuche. Bitte warten Sie etwas und versuchen Sie es dann erneut.',
  en: 'Too many failed attempts. Please wait a while and try again.',
}, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

/** The name's daily ceiling refuses a client that never signed in as it (sign-in-limiter.ts, device-cookie.ts). */
export const lockedForNewDevices = (retryAfterMs: number) => new AppError('too_many_attempts', {
  de: 'Für dieses Konto gab es heute sehr viele fehlgeschlagene Anmeldungen; von neuen Geräten ist die Anmeldung deshalb vorübergehend gesperrt. Bitte melden Sie sich an einem Gerät an, an dem Sie sich schon einmal angemeldet haben, oder wenden Sie sich an eine Administratorin oder einen Administrator.',
  en: 'There were very many failed sign-ins for this account today, so signing in from new devices is locked for now. Please sign in on a device you have signed in on before, or ask an administrator.',
}, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
