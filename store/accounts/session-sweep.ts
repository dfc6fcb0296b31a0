/**
 * Where the sweep of expired staff sessions stands (server/security/sessions.ts): each session
 * is listed under the hour its absolute lifetime ends, and sign-in deletes the hours gone by,
 * each by `_id`. The mark is a document of the sessions collection (no token hash looks like it).
 */
import type { Connection } from 'mongoose';
import { racingUpsert } from '../racing-upsert';

export const SESSIONS_COLLECTION = 'staff_sessions';
export const SWEEP_MARK = 'sweep:hour';
const HOUR_MS = 60 * 60_000;
export const hourOf = (at: Date) => Math.floor(at.getTime() / HOUR_MS);

/**
 * At start-up: a database from before the hour lists gets one sweep the old way (a scan, once)
 * and the mark; afterwards sign-in never filters the sessions collection.
 */
export async function prepareSessionSweep(conn: Connection, now = new Date()): Promise<void> {
  const coll = conn.collection(SESSIONS_COLLECTION);
  if (await coll.findOne({ _id: SWEEP_MARK } as never)) return;
  await coll.deleteMany({ expiresAt: { $lte: now } });
  await racingUpsert(coll, { _id: SWEEP_MARK } as never, { $max: { hour: hourOf(now) - 1 } });
}
