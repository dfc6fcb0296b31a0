/**
 * The API's last error handler: known errors become their answer; an unexpected one becomes
 * 500 `internal` with an `errorId` the citizen can quote, and one log line under that id.
 *
 * The log line names the route pattern (`/api/parking-tickets/:ticketNumber`, never the concrete
 * path: paths carry ticket and case numbers), the error's class, name and code, and its stack
 * frames — never its message, its other fields or the request body: a database error echoes the
 * document it refused (E11000 … dup key: { plate: … }), a validation error the submitted value.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { DependencyUnavailableError } from '../../domain/dependency-unavailable';
import { asDependencyUnavailable } from './dependency-errors';
import { AppError, preferredLang } from './app-error';

const DEPENDENCY_RETRY_AFTER_SECONDS = 30;

export function errorHandler(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  const lang = preferredLang(req);
  let appError: AppError;
  let unavailable: DependencyUnavailableError | undefined;
  let errorId: string | undefined;
  if (error instanceof AppError) appError = error;
  else if ((error as { type?: string }).type === 'entity.parse.failed') {
    appError = new AppError('validation_failed', { de: 'Der Inhalt ist kein gültiges JSON.', en: 'The body is not valid JSON.' }, { fields: [{ field: '(body)', message: { de: 'Kein gültiges JSON.', en: 'Not valid JSON.' } }] });
  } else if ((error as { type?: string }).type === 'entity.too.large') {
    appError = new AppError('payload_too_large', { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' });
  } else if ((unavailable = asDependencyUnavailable(error))) {
    console.warn('[amtsweg] dependency unavailable', unavailable.dependency, req.method, routeOf(req), unavailable.message);
    appError = new AppError('dependency_unavailable', { de: 'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später erneut.', en: 'The service is temporarily unavailable. Please try again later.' },
      { retryAfterSeconds: unavailable.retryAfterSeconds ?? DEPENDENCY_RETRY_AFTER_SECONDS });
  } else {
    errorId = randomUUID();
    console.error(`[amtsweg] unexpected error ${errorId} ${req.method} ${routeOf(req)} ${describeError(error)}`);
    appError = new AppError('internal', {
      de: `Ein interner Fehler ist aufgetreten (Fehlernummer ${errorId}).`,
      en: `An internal error occurred (error id ${errorId}).`,
    });
  }
  if (appError.extra.allow) res.set('Allow', appError.extra.allow);
  if (appError.extra.retryAfterSeconds) res.set('Retry-After', String(appError.extra.retryAfterSeconds));
  const body = appError.toJSON(lang);
  res.status(appError.status).json(errorId ? { error: { ...body.error, errorId } } : body);
}

/** The matched route's pattern with its mount point; `(no route)` when the error came before routing. */
export function routeOf(req: Request): string {
  const pattern = (req.route as { path?: unknown } | undefined)?.path;
  return typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : `${req.baseUrl || ''}(no route)`;
}

/**
 * Class, name and code of an error and of its causes, and the stack frames — what tells where it
 * broke without anything it carries. A code is kept only when it is a number or a short
 * identifier (MongoServerError 11000, ECONNRESET), not free text.
 */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `(thrown ${error === null ? 'null' : typeof error})`;
  const code = (error as { code?: unknown }).code;
  const safeCode = typeof code === 'number' || (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code)) ? ` code=${code}` : '';
  const className = error.constructor?.name ?? 'Error';
  const name = /^[A-Za-z0-9_.-]{1,60}$/.test(error.name) && error.name !== className ? ` name=${error.name}` : '';
  // Only the "    at …" lines: the stack's first line(s) repeat the message.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 12).join('\n');
  const cause = depth < 3 && error.cause !== undefined ? `\ncaused by: ${describeError(error.cause, depth + 1)}` : '';
  return `${className}${name}${safeCode}\n${frames}${cause}`;
}
