import type { ApiErrorBody, FieldError } from './api/types.js';
import { currentLang, dictionary } from './i18n.js';
import { setStaffSession, staffSession } from './staff-session.js';

/** Every failed call becomes one of these, so pages only need one catch path. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Options = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Portal token of the citizen; staff use the httpOnly cookie instead. */
  token?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

export async function api<T>(path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // The server answers error messages in the language the person is reading.
    'Accept-Language': currentLang(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  // Staff changes carry the session's CSRF token (synchronizer token); portal calls use their Bearer token.
  const csrf = staffSession()?.csrfToken;
  if (csrf && !options.token && (options.method ?? 'GET') !== 'GET') headers['X-CSRF-Token'] = csrf;

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', dictionary().errors.network);
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);

  if (!response.ok) {
    // The session ended (signed out elsewhere, expired, account disabled): the staff gate shows the sign-in form.
    if (response.status === 401 && staffSession() && !options.token) setStaffSession(null);
    if (isErrorBody(body)) {
      const { code, message, fields, retryAfterSeconds } = body.error;
      const retry = retryAfterSeconds ?? (Number(response.headers.get('Retry-After')) || undefined);
      throw new ApiError(response.status, code, message, fields ?? [], retry);
    }
    throw new ApiError(response.status, `http_${response.status}`, dictionary().errors.unexpected);
  }
  // An HTML answer here means the route does not exist yet (the SPA fallback answered).
  if (body === undefined) throw new ApiError(response.status, 'bad_response', dictionary().errors.unexpected);
  return body as T;
}

/** Errors that are not ApiErrors (bugs, aborted requests) still need a readable message. */
export function messageOf(error: unknown): string {
  if (!(error instanceof ApiError)) return dictionary().errors.unexpected;
  // A 429 says how long to wait, in the reader's words (seconds, minutes or hours).
  return error.status === 429 && error.retryAfterSeconds ? `${error.message} ${dictionary().errors.retryAfter(error.retryAfterSeconds)}` : error.message;
}
