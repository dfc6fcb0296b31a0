/**
 * Staff sessions, stored server-side so signing out, disabling an account or resetting its
 * password ends them at once. The cookie carries a random token; the database holds only its
 * SHA-256 as `_id` (a leaked collection cannot be replayed) — and every request is one `_id`
 * lookup, the only lookup FerretDB answers without a scan. Cleanup goes by `_id` too: each
 * session is listed under the hour its absolute lifetime ends and under its account (case lists,
 * store/case-lists.ts), so sign-in sweeps the hours gone by and ending an account's sessions
 * reads its list — neither filters the collection, which grows with every sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { appendToCaseList, caseList, dropCaseList } from '../../store/case-lists';
import { hourOf, SESSIONS_COLLECTION, SWEEP_MARK } from '../../store/accounts/session-sweep';

import { SESSION_ABSOLUTE_TTL_MS, SESSION_IDLE_TTL_MS } from '../../store/accounts/sign-in-purge';
import { racingUpsert } from '../../store/racing-upsert';

/** The purge schedule (store/accounts/sign-in-purge.ts) deletes by the same two limits. */
export const ABSOLUTE_TTL_MS = SESSION_ABSOLUTE_TTL_MS;
export const IDLE_TTL_MS = SESSION_IDLE_TTL_MS;
/** lastSeenAt is refreshed at most this often: one write per few minutes, not per request. */
const TOUCH_EVERY_MS = 5 * 60_000;

const sessionSchema = new Schema({
  _id: String,
  accountId: { type: String, required: true },
  csrfToken: { type: String, required: true },
  createdAt: { type: Date, required: true },
  lastSeenAt: { type: Date, required: true },
  expiresAt: { type: Date, required: true },
}, { collection: SESSIONS_COLLECTION, versionKey: false });

export interface SessionDoc { _id: string; accountId: string; csrfToken: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date }

export function sessionModel(conn: Connection): Model<SessionDoc> {
  return ((conn.models.StaffSession as unknown) ?? conn.model('StaffSession', sessionSchema)) as Model<SessionDoc>;
}

const expiryKey = (hour: number) => `expires:${hour}`;
const accountKey = (accountId: string) => `account:${accountId}`;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  private readonly sessions: Model<SessionDoc>;
  constructor(private readonly conn: Connection) {
    this.sessions = sessionModel(conn);
  }

  async create(accountId: string, now = new Date()): Promise<{ token: string; session: SessionDoc }> {
    const token = randomBytes(32).toString('base64url');
    const session: SessionDoc = {
      _id: sessionIdOf(token), accountId, csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + ABSOLUTE_TTL_MS),
    };
    await this.sessions.create(session);
    await Promise.all([
      appendToCaseList(this.conn, 'staff-sessions', expiryKey(hourOf(session.expiresAt)), session._id),
      appendToCaseList(this.conn, 'staff-sessions', accountKey(accountId), session._id),
    ]);
    return { token, session };
  }

  /** The live session for a cookie token, or null (unknown, past 10 h, or idle for 2 h: then deleted). */
  async find(token: string | undefined, now = Date.now()): Promise<SessionDoc | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions.findById(sessionIdOf(token)).lean<SessionDoc>();
    if (!session) return null;
    if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + IDLE_TTL_MS <= now) {
      await this.sessions.deleteOne({ _id: session._id });
      return null;
    }
    if (now - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.sessions.updateOne({ _id: session._id }, { $set: { lastSeenAt: new Date(now) } });
    }
    return session;
  }

  /**
   * Sessions nobody came back to, run at sign-in: the hours whose sessions have all passed their
   * absolute lifetime since the last sweep (at most two days' worth per call), each by `_id`.
   */
  async purgeExpired(now = new Date()): Promise<void> {
    const coll = this.sessions.collection;
    const current = hourOf(now);
    // Set at start-up (store/accounts/session-sweep.ts); without it, this hour on.
    const mark = await coll.findOne({ _id: SWEEP_MARK } as never) as { hour?: number } | null;
    const from = Math.max((mark?.hour ?? current - 1) + 1, current - 48);
    for (let hour = from; hour < current; hour += 1) {
      for (const id of await caseList(this.conn, 'staff-sessions', expiryKey(hour))) await this.sessions.deleteOne({ _id: id });
      await dropCaseList(this.conn, 'staff-sessions', expiryKey(hour));
      await racingUpsert(coll, { _id: SWEEP_MARK } as never, { $max: { hour } });
    }
  }

  async delete(sessionId: string): Promise<void> {
    await this.sessions.deleteOne({ _id: sessionId });
  }

  /** Every session of an account (disabled, password reset or changed), except `keep`: from the account's list, by `_id`. */
  async deleteForAccount(accountId: string, keep?: string): Promise<void> {
    const ids = await caseList(this.conn, 'staff-sessions', accountKey(accountId));
    for (const id of ids) if (id !== keep) await this.sessions.deleteOne({ _id: id });
    await dropCaseList(this.conn, 'staff-sessions', accountKey(accountId));
    if (keep && ids.includes(keep)) await appendToCaseList(this.conn, 'staff-sessions', accountKey(accountId), keep);
  }
}
