/**
 * Limits guesses at the citizen side's secrets — a ticket code with its plate, the hearing
 * letter's code, a status or draft link's token, the link sent to whoever answered the hearing:
 *
 * - **per secret**: 5 wrong guesses in a row at one secret lock it for 15 minutes (an
 *   AttemptCounter: numbered by insert, so parallel guesses lose none). The key names the
 *   secret being guessed: a ticket code's hash and the plate typed with it (open-ticket.ts), a
 *   ticket number for its letter code, a case
 *   or draft with the guessing client for 128-bit tokens (nobody can lock a citizen out of
 *   their own status page, and 128 bits need no lock against guessing);
 * - **per client** (client-id.ts): 20 wrong guesses at any secrets in 15 minutes and that client
 *   gets 429 until the window ends — only that client, not everyone behind its address.
 *
 * A correct guess is never counted. The per-address volume of checks is PublicLimits' job.
 * Both counts live in the database, so every web replica sees them.
 */
import type { Connection } from 'mongoose';
import { AppError } from '../http/app-error';
import type { AttemptCounter } from '../../store/attempt-counter';
import { portalGuessCounter } from '../../store/rate-limit/portal-guesses';
import { WindowCounter } from '../../store/rate-limit/window-counter';
import type { ClientRef } from './client-id';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
export const CLIENT_FAILURES = 20;
export const CLIENT_WINDOW_MS = 15 * 60_000;

const tooMany = (retryAfterMs: number) => new AppError('too_many_attempts', {
  de: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  en: 'Too many attempts. Please wait a few minutes and try again.',
}, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

export class AttemptLimiter {
  private readonly counter: AttemptCounter;
  private readonly failures: WindowCounter;

  constructor(conn: Connection) {
    this.counter = portalGuessCounter(conn);
    this.failures = new WindowCounter(conn);
  }

  /** Throws 429 when this secret is locked or this client has guessed wrong too often. */
  async check(secretKey: string, who: ClientRef, now = Date.now()): Promise<void> {
    const mine = await this.failures.peek(`guess:${who.client}`, CLIENT_WINDOW_MS, now);
    if (mine.count >= CLIENT_FAILURES) throw tooMany(mine.resetAt - now);
    const lockedUntil = await this.counter.lockedUntil(secretKey, now);
    if (lockedUntil) throw tooMany(lockedUntil.getTime() - now);
  }

  /** Counted by insert (none lost when guesses arrive at once); the fifth in a row locks the secret. */
  async recordFailure(secretKey: string, who: ClientRef, now = Date.now()): Promise<void> {
    await this.failures.add(`guess:${who.client}`, CLIENT_WINDOW_MS, 1, now);
    const n = await this.counter.next(secretKey, now);
    if (n >= MAX_FAILURES) await this.counter.lock(secretKey, new Date(now + LOCK_MS));
  }

  /** One wrong guess at several secrets at once (a code and its plate): the client's budget counts it once. */
  async recordFailures(secretKeys: string[], who: ClientRef, now = Date.now()): Promise<void> {
    await this.failures.add(`guess:${who.client}`, CLIENT_WINDOW_MS, 1, now);
    for (const secretKey of secretKeys) {
      const n = await this.counter.next(secretKey, now);
      if (n >= MAX_FAILURES) await this.counter.lock(secretKey, new Date(now + LOCK_MS));
    }
  }

  async recordSuccess(secretKey: string): Promise<void> {
    await this.counter.reset(secretKey);
  }
}
