/**
 * Housekeeping of the citizen side's limit documents (FerretDB has no TTL indexes): ended
 * rate-limit windows, expired mail-address confirmations, and guess counts and states of the
 * portal's secrets that no longer count. Run every hour by a schedule (temporal/schedules.ts).
 * The staff sign-in documents have their own purge.
 */
import type { Connection } from 'mongoose';
import { portalGuessCounter } from '../../store/rate-limit/portal-guesses';
import { WindowCounter } from '../../store/rate-limit/window-counter';
import { MailBudget } from '../../store/rate-limit/mail-budget';

export interface RateLimitActivityDeps { conn: Connection }

export function createRateLimitActivities(deps: RateLimitActivityDeps) {
  return {
    /** `staleAfterHours`: guesses older than this no longer count towards a lock (locks run 15 minutes). */
    async purgeCitizenLimitState({ staleAfterHours }: { staleAfterHours: number }): Promise<{ windows: number; confirmations: number; guesses: number; guessStates: number }> {
      const now = new Date();
      const windows = await new WindowCounter(deps.conn).purgeExpired(now);
      const confirmations = await new MailBudget(deps.conn).purgeExpired(now);
      const guesses = await portalGuessCounter(deps.conn).purgeStale(new Date(now.getTime() - staleAfterHours * 3_600_000), now);
      return { windows, confirmations, guesses: guesses.attempts, guessStates: guesses.states };
    },
  };
}
