/**
 * Staff sign-in guessing limits: 5 consecutive failures for one user name lock it for 15
 * minutes, and one client address has a budget of failures across all names.
 *
 * Every attempt claims its number BEFORE the password is checked (an AttemptCounter: numbered by
 * insert, since FerretDB's `$inc` loses increments under concurrency). Of a burst of parallel guesses
 * only the first five are checked at all; the rest are refused unchecked. The fifth failure locks
 * the name; a success or an unlock starts a new epoch, which resets the count without deleting
 * anything. Unknown user names are counted and locked the same way, so a lock-out does not
 * reveal that a name exists.
 */
import type { Connection } from 'mongoose';
import { AddressBudget } from './address-budget';
import { AttemptCounter } from '../../store/attempt-counter';

export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const ADDRESS_BUDGET = 50; // a city office behind one proxy shares an address
const ADDRESS_WINDOW_MS = 15 * 60_000;

export class SignInLimiter {
  private readonly counter: AttemptCounter;
  private readonly perAddress = new AddressBudget(ADDRESS_BUDGET, ADDRESS_WINDOW_MS);

  constructor(conn: Connection) {
    this.counter = new AttemptCounter(conn, 'StaffSignIn', 'staff_sign_in');
  }

  /** Milliseconds this name or address must wait, or 0. */
  async retryAfterMs(name: string, address: string, now = Date.now()): Promise<number> {
    const addressWait = await this.perAddress.retryAfterMs(address);
    const lockedUntil = await this.counter.lockedUntil(name, now);
    return Math.max(addressWait, lockedUntil ? lockedUntil.getTime() - now : 0);
  }

  /**
   * Claims this attempt's number in the current run of attempts, before any password check.
   * `allowed` is false beyond the fifth: such an attempt is refused without checking.
   */
  async claimAttempt(name: string, now = Date.now()): Promise<{ n: number; allowed: boolean }> {
    const n = await this.counter.next(name, now);
    return { n, allowed: n <= MAX_CONSECUTIVE_FAILURES };
  }

  /** The claimed attempt `n` failed: counted for the address; the fifth in a row locks the name for LOCK_MS. */
  async recordFailure(name: string, address: string, n: number, now = Date.now()): Promise<{ locked: boolean }> {
    await this.perAddress.recordFailure(address);
    if (n < MAX_CONSECUTIVE_FAILURES) return { locked: false };
    await this.counter.lock(name, new Date(now + LOCK_MS));
    return { locked: n === MAX_CONSECUTIVE_FAILURES };
  }

  /** A successful sign-in ends the run of attempts. */
  async recordSuccess(name: string): Promise<void> {
    await this.counter.reset(name);
  }

  async unlock(name: string): Promise<void> {
    await this.counter.unlock(name);
  }

  async lockedUntil(name: string, now = Date.now()): Promise<Date | undefined> {
    return this.counter.lockedUntil(name, now);
  }
}
