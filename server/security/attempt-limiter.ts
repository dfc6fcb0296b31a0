/**
 * Limits guesses at the citizen portal: a card on a windscreen can be photographed by anyone,
 * so the plate is a second factor, and the pair may be tried only a few times. The count lives
 * in the database (an AttemptCounter: numbered by insert, so parallel guesses lose none) so every
 * web replica sees it; a per-address budget in memory (rate-limiter-flexible) slows down scanning many codes from one client.
 */
import type { Connection } from 'mongoose';
import { AppError } from '../http/app-error';
import { AddressBudget } from './address-budget';
import { AttemptCounter } from '../../store/attempt-counter';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const IP_BUDGET = 30;
const IP_WINDOW_MS = 15 * 60_000;

export class AttemptLimiter {
  private readonly counter: AttemptCounter;
  private readonly perAddress = new AddressBudget(IP_BUDGET, IP_WINDOW_MS);

  constructor(conn: Connection) {
    this.counter = new AttemptCounter(conn, 'PortalGuess', 'portal_guess');
  }

  private tooMany(retryAfterMs: number): AppError {
    return new AppError('too_many_attempts', {
      de: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
      en: 'Too many attempts. Please wait a few minutes and try again.',
    }, { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
  }

  /** Throws 429 when this code or this address is locked. */
  async check(codeHash: string, address: string, now = Date.now()): Promise<void> {
    const wait = await this.perAddress.retryAfterMs(address);
    if (wait > 0) throw this.tooMany(wait);
    const lockedUntil = await this.counter.lockedUntil(codeHash, now);
    if (lockedUntil) throw this.tooMany(lockedUntil.getTime() - now);
  }

  /** Counted by insert (none lost when guesses arrive at once); the fifth in a row locks the code. */
  async recordFailure(codeHash: string, address: string, now = Date.now()): Promise<void> {
    await this.perAddress.recordFailure(address);
    const n = await this.counter.next(codeHash, now);
    if (n >= MAX_FAILURES) await this.counter.lock(codeHash, new Date(now + LOCK_MS));
  }

  async recordSuccess(codeHash: string): Promise<void> {
    await this.counter.reset(codeHash);
  }
}
