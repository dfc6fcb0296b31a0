/**
 * Guesses a signed-in person can make about their own account — the current password when
 * changing it, a code when enrolling the second factor — are limited like sign-in: five in a
 * row are free, then each further one waits longer (1, 2, 4 … minutes, at most an hour;
 * server/security/sign-in-limiter.ts). Someone who takes over an unlocked session cannot
 * try passwords through the change form faster than through the sign-in.
 */
import type { AppError } from '../../http/app-error';
import { GuessRun } from '../../security/sign-in-limiter';
import { SignInAttempts } from '../../../store/accounts/sign-in-attempts';
import type { System } from '../../../system/system';
import { tooManyAttempts } from './errors';

export type Outcome = { ok: true } | { ok: false; error: AppError };

export async function guarded(system: Pick<System, 'conn'>, key: string, check: () => Promise<Outcome>): Promise<void> {
  const runs = new GuessRun(new SignInAttempts(system.conn));
  const attempt = await runs.begin(key);
  if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterMs);
  let outcome: Outcome;
  try {
    outcome = await check();
  } catch (error) {
    // Not a guess (a rule of the new password, a missing enrolment): the number goes back.
    await new SignInAttempts(system.conn).release(attempt.key, attempt.epoch, attempt.n);
    throw error;
  }
  if (outcome.ok) {
    await runs.succeeded(key);
    return;
  }
  await runs.failed(attempt);
  throw outcome.error;
}
