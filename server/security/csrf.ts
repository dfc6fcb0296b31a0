/**
 * CSRF protection for staff sessions (synchronizer token): each session has a random token that
 * the web app learns from the session answer and sends as `X-CSRF-Token` on every change. Another
 * site can make the browser send the cookie (SameSite=Strict already stops most of that), but it
 * cannot read the token.
 */
import { AppError } from '../http/app-error';
import { safeEqual } from './tokens';

export const CSRF_HEADER = 'X-CSRF-Token';
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const csrfFailed = () => new AppError('csrf_failed', {
  de: 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
  en: 'The request failed its security check. Please reload the page.',
});

/** Timing-safe comparison of the header with the session's token. */
export const csrfTokenMatches = (header: string | undefined, sessionToken: string) => safeEqual(header ?? '', sessionToken);
