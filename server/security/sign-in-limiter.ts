/**
 * Staff sign-in guessing limits (issue 9, item 4). A user name is published (e-mail addresses,
 * letters), so a limit on the name alone lets anyone lock anyone out. Instead:
 *
 * - **Per name and client address, a growing delay**: 5 failures in a row are free; the 5th
 *   makes that address wait 1 minute before it may try the name again, every further failure
 *   doubles the wait (2, 4, 8 … minutes, at most 60). A success ends the run. Someone guessing
 *   from elsewhere slows only themselves: the owner at their own desk signs in as usual.
 * - **Per name, a much higher ceiling**: 100 failures in a day from all addresses together (a
 *   distributed guess) lock the name for password-only sign-in for 24 hours and alert the
 *   administrators (audit event `sign-in-ceiling-reached`, e-mail to every admin) — never
 *   silently. A person with a second factor (TOTP) still signs in with password and code
 *   during that lock; anyone else is let in again by an administrator (`POST
 *   /api/staff/accounts/:id/unlock`) or from the command line (`npm run accounts:unlock`).
 * - **Per client address**, a budget of failures across all names (in the database).
 * - **Per device**: a browser that signed in as the name before (a signed device cookie,
 *   device-cookie.ts, OWASP's "device cookies") is judged by its own run of failures with the
 *   same growing delay — not by the address budget, not by the name's ceiling. So the ceiling
 *   locks out only clients the owner never used: a distributed guesser cannot lock staff out of
 *   their own browsers. Its failures still count toward the ceiling (and its alert).
 *
 * Every attempt is numbered by insert BEFORE the password is checked (store/accounts/sign-in-attempts.ts;
 * FerretDB's `$inc` loses increments): of a parallel burst only the free five are checked at
 * all, and after a delay exactly one attempt is. Unknown user names are counted and delayed the
 * same way (a delay does not reveal that a name exists); only the alert needs a real account.
 */
import type { Connection } from 'mongoose';
import { AddressBudget } from './address-budget';
import { SignInAttempts } from '../../store/accounts/sign-in-attempts';

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 60 * 60_000;
export const NAME_CEILING = 100;
export const CEILING_LOCK_MS = 24 * 60 * 60_000;
const ADDRESS_BUDGET = 50; // a city office behind one proxy shares an address
const ADDRESS_WINDOW_MS = 15 * 60_000;

/** The wait after failure number `n` of a run (0 while it is free). */
export const delayAfter = (n: number): number =>
  n < FREE_FAILURES ? 0 : Math.min(FIRST_DELAY_MS * 2 ** (n - FREE_FAILURES), MAX_DELAY_MS);

/** One numbered attempt of a run, or the wait before the next one may be made. */
export type RunAttempt = { allowed: true; key: string; epoch: string; n: number } | { allowed: false; retryAfterMs: number };

/**
 * Consecutive failures of one key with a growing delay: the building block for a name at an
 * address, and for an account's own password change and TOTP enrolment.
 */
export class GuessRun {
  constructor(private readonly attempts: SignInAttempts) {}

  /** Numbers this attempt, or answers how long to wait. */
  async begin(key: string, now = Date.now()): Promise<RunAttempt> {
    const state = await this.attempts.state(key, now);
    const wait = state.lockedUntil ? state.lockedUntil.getTime() - now : 0;
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    const n = await this.attempts.claim(key, state.epoch, now);
    if (n <= FREE_FAILURES) return { allowed: true, key, epoch: state.epoch, n };
    // Past the free ones, an attempt is checked only when the lock of the failure before it has ended.
    const after = await this.attempts.state(key, now);
    if (after.epoch === state.epoch && after.lockedAtN === n - 1 && (after.lockedUntil?.getTime() ?? 0) <= now) {
      return { allowed: true, key, epoch: state.epoch, n };
    }
    await this.attempts.release(key, state.epoch, n);
    const pending = after.lockedUntil ? after.lockedUntil.getTime() - now : 0;
    // Refused in a burst before the lock of its predecessor was written: that lock is about to come.
    return { allowed: false, retryAfterMs: Math.max(pending, delayAfter(Math.max(n - 1, FREE_FAILURES))) };
  }

  /** The attempt failed: from the fifth in a row on, the key waits (delayAfter). Answers the wait. */
  async failed(attempt: Extract<RunAttempt, { allowed: true }>, now = Date.now()): Promise<number> {
    const wait = delayAfter(attempt.n);
    if (wait > 0) await this.attempts.lock(attempt.key, attempt.n, new Date(now + wait), now);
    return wait;
  }

  async succeeded(key: string, now = Date.now()): Promise<void> {
    await this.attempts.reset(key, now);
  }

  async lockedUntil(key: string, now = Date.now()): Promise<Date | undefined> {
    const state = await this.attempts.state(key, now);
    return state.lockedUntil && state.lockedUntil.getTime() > now ? state.lockedUntil : undefined;
  }
}

export type SignInAttempt =
  | { allowed: false; retryAfterMs: number;
      /** Refused by the name's ceiling (an untrusted client): the answer says which device may still sign in. */
      ceiling?: boolean }
  | { allowed: true; name: string; address: string; run: Extract<RunAttempt, { allowed: true }>;
      /** The name is over its daily ceiling: only password plus second factor may pass. */
      ceilingLocked: boolean };

const pairKey = (name: string, address: string) => `pair|${name}|${address}`;
const ceilingKey = (name: string) => `ceiling|${name}`;
const deviceKey = (name: string, device: string) => `device|${name}|${device}`;

export class SignInLimiter {
  readonly attempts: SignInAttempts;
  readonly runs: GuessRun;
  private readonly perAddress: AddressBudget;

  constructor(conn: Connection) {
    this.attempts = new SignInAttempts(conn);
    this.perAddress = new AddressBudget(conn, ADDRESS_BUDGET, ADDRESS_WINDOW_MS);
    this.runs = new GuessRun(this.attempts);
  }

  /**
   * Before the password is checked: the address budget, the delay of this name at this
   * address, then the attempt's number. `withSecondFactor`: the request carries a TOTP code,
   * so the name's ceiling lock does not stop it here (the caller lets it pass only for an
   * account that has a second factor). `device`: the id of a valid device cookie for this name
   * (device-cookie.ts) — then only that device's own run of failures counts.
   */
  async begin(name: string, address: string, withSecondFactor: boolean, now = Date.now(), device?: string): Promise<SignInAttempt> {
    if (device) {
      const run = await this.runs.begin(deviceKey(name, device), now);
      return run.allowed ? { allowed: true, name, address, run, ceilingLocked: false } : run;
    }
    const addressWait = await this.perAddress.retryAfterMs(address, now);
    if (addressWait > 0) return { allowed: false, retryAfterMs: addressWait };
    const ceilingUntil = await this.runs.lockedUntil(ceilingKey(name), now);
    if (ceilingUntil && !withSecondFactor) return { allowed: false, retryAfterMs: ceilingUntil.getTime() - now, ceiling: true };
    const run = await this.runs.begin(pairKey(name, address), now);
    if (!run.allowed) return run;
    return { allowed: true, name, address, run, ceilingLocked: ceilingUntil !== undefined };
  }

  /** Gives the attempt's number back unchecked (the ceiling holds and the account has no second factor). */
  async abandon(attempt: Extract<SignInAttempt, { allowed: true }>): Promise<void> {
    await this.attempts.release(attempt.run.key, attempt.run.epoch, attempt.run.n);
  }

  /** How long the name's ceiling lock still runs (the admin's account list shows it). */
  async lockedUntil(name: string, now = Date.now()): Promise<Date | undefined> {
    return this.runs.lockedUntil(ceilingKey(name), now);
  }

  /**
   * The attempt failed. Answers the wait now due at this address, and `ceilingReached` for
   * exactly one failure: the one that took the name to its daily ceiling (the caller alerts).
   */
  async failed(attempt: Extract<SignInAttempt, { allowed: true }>, now = Date.now()): Promise<{ waitMs: number; ceilingReached: boolean }> {
    await this.perAddress.recordFailure(attempt.address, now);
    const waitMs = await this.runs.failed(attempt.run, now);
    const ceiling = await this.attempts.state(ceilingKey(attempt.name), now);
    const count = await this.attempts.tallyFailure(`${attempt.name}:${ceiling.epoch}`, now);
    if (count < NAME_CEILING) return { waitMs, ceilingReached: false };
    // Set again by every failure beyond: an unlock starts a new epoch, so its count begins at 1.
    await this.attempts.lock(ceilingKey(attempt.name), count, new Date(now + CEILING_LOCK_MS), now);
    return { waitMs, ceilingReached: count === NAME_CEILING };
  }

  /** A success ends the run of this name at this address (the day's tally stays). */
  async succeeded(attempt: Extract<SignInAttempt, { allowed: true }>, now = Date.now()): Promise<void> {
    await this.runs.succeeded(attempt.run.key, now);
  }

  /**
   * An administrator's or the command line's unlock: ends the ceiling lock (a new count) and
   * every address's and device's delay for this name. The latter is a scan of the state collection, on a
   * rare admin action.
   */
  async unlock(name: string, now = Date.now()): Promise<void> {
    await this.attempts.renew(ceilingKey(name), now);
    for (const key of await this.attempts.keysWithPrefix(`pair|${name}|`)) await this.attempts.renew(key, now);
    for (const key of await this.attempts.keysWithPrefix(`device|${name}|`)) await this.attempts.renew(key, now);
  }
}
