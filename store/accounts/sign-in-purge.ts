/**
 * Housekeeping of the staff sign-in documents (FerretDB has no TTL indexes), run every hour by
 * the schedule `amtsweg-staff-sign-in-purge-<task queue>` (temporal/schedules.ts,
 * workflows/accounts/purge.ts): sessions past their 10 hours or idle for 2 hours, sign-in
 * attempts and daily tallies older than a day with the run states nobody wrote for a day (a
 * running lock stays), and used TOTP time steps older than a day. Scans, never per request.
 */
import type { Connection } from 'mongoose';
import { SignInAttempts } from './sign-in-attempts';
import { purgeTotpSteps } from './totp-steps';

/** A session ends 10 hours after sign-in, or after 2 hours without a request (server/security/sessions.ts). */
export const SESSION_ABSOLUTE_TTL_MS = 10 * 60 * 60_000;
export const SESSION_IDLE_TTL_MS = 2 * 60 * 60_000;
/** Sign-in state no rule needs after a day without attempts (the delays end within an hour, the ceiling counts per day). */
export const SIGN_IN_STATE_STALE_MS = 24 * 60 * 60_000;

export interface SignInPurge { sessions: number; attempts: number; tallies: number; states: number; totpSteps: number }

export async function purgeStaffSignInState(conn: Connection, now = Date.now()): Promise<SignInPurge> {
  const sessions = await conn.collection('staff_sessions').deleteMany({
    $or: [{ expiresAt: { $lte: new Date(now) } }, { lastSeenAt: { $lte: new Date(now - SESSION_IDLE_TTL_MS) } }],
  });
  const { attempts, tallies, states } = await new SignInAttempts(conn).purgeStale(SIGN_IN_STATE_STALE_MS, now);
  const totpSteps = await purgeTotpSteps(conn, SIGN_IN_STATE_STALE_MS, now);
  return { sessions: sessions.deletedCount, attempts, tallies, states, totpSteps };
}
