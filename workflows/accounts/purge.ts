/**
 * Deletes the staff sign-in documents that no longer count: ended sessions, attempts and
 * tallies older than a day, used TOTP steps (store/accounts/sign-in-purge.ts). Started every
 * hour by a Temporal schedule (`temporal/schedules.ts`), because FerretDB has no TTL indexes.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createAccountActivities } from '../../activities/accounts';
import { maintenance } from '../activity-options';

const act = proxyActivities<ReturnType<typeof createAccountActivities>>(maintenance);

export async function staffSignInPurgeWorkflow(): Promise<Awaited<ReturnType<typeof act.purgeStaffSignInState>>> {
  return act.purgeStaffSignInState();
}
