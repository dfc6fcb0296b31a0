/**
 * Deletes the citizen side's rate-limit and guess documents that no longer count (ended
 * windows, expired confirmations, guesses older than a day). Started every hour by a Temporal
 * schedule (`temporal/schedules.ts`), because FerretDB has no TTL indexes.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createRateLimitActivities } from '../../activities/rate-limits';
import { maintenance } from '../activity-options';

export const GUESSES_STALE_AFTER_HOURS = 24;

const act = proxyActivities<ReturnType<typeof createRateLimitActivities>>(maintenance);

export async function citizenLimitPurgeWorkflow(): Promise<{ windows: number; confirmations: number; guesses: number; guessStates: number }> {
  return act.purgeCitizenLimitState({ staleAfterHours: GUESSES_STALE_AFTER_HOURS });
}
