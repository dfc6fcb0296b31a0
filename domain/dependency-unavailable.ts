/**
 * An outside system or our own infrastructure (database, Temporal, payment provider, registries,
 * SMTP) cannot answer right now. Adapters throw it; errors of the database driver and the
 * Temporal client are mapped to it at the HTTP boundary; the API answers 503 with Retry-After.
 * Lives in `domain/` so every layer may import it: it is a plain class, no I/O.
 */
export class DependencyUnavailableError extends Error {
  override readonly name: string = 'DependencyUnavailableError';
  /** Seconds a client should wait before trying again, when the dependency says so. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly dependency: string,
    message: string,
    options: { cause?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
