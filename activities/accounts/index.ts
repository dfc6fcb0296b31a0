/** Housekeeping of the staff sign-in documents (store/accounts/sign-in-purge.ts), every hour by a schedule. */
import type { Connection } from 'mongoose';
import { purgeStaffSignInState, type SignInPurge } from '../../store/accounts/sign-in-purge';

export interface AccountActivityDeps { conn: Connection }

export function createAccountActivities(deps: AccountActivityDeps) {
  return {
    async purgeStaffSignInState(): Promise<SignInPurge> {
      return purgeStaffSignInState(deps.conn);
    },
  };
}
