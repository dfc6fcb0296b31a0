/**
 * Staff sessions are cleaned up by `_id` (server/security/sessions.ts): sign-in sweeps the hours
 * whose sessions passed their 10-hour lifetime, and ending an account's sessions reads its list —
 * neither filters the sessions collection (it grows with every sign-in). On the embedded FerretDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { ensureReadModelIndexes } from '../../store/models';
import { ABSOLUTE_TTL_MS, SessionStore, sessionModel } from '../../server/security/sessions';
import { filtersByIdOnly } from '../support/query-guard';
import { testMongoUri } from '../support/env';

let conn: Connection;
const HOUR = 3_600_000;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('staff_sessions_sweep'), { monitorCommands: true }).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
});
afterAll(async () => {
  await conn?.close();
});

/** The filters on staff_sessions other than by `_id` while `fn` runs. */
async function scansOfSessions(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const watch = (e: CommandStartedEvent) => {
    const c = e.command as Record<string, any>;
    if (c[e.commandName] !== 'staff_sessions') return;
    const filters = e.commandName === 'find' ? [c.filter] : e.commandName === 'delete' ? c.deletes.map((d: any) => d.q) : e.commandName === 'update' ? c.updates.map((u: any) => u.q) : [];
    for (const f of filters) if (!filtersByIdOnly(f)) seen.push(`${e.commandName} ${JSON.stringify(f)}`);
  };
  conn.getClient().on('commandStarted', watch);
  try { await fn(); } finally { conn.getClient().off('commandStarted', watch); }
  return seen;
}

describe('staff session cleanup', () => {
  it('when sign-in sweeps, then sessions past their lifetime are gone, live ones stay, and no query filters the collection', async () => {
    const store = new SessionStore(conn);
    const start = Date.now();
    const old = await store.create('anna', new Date(start));
    const older = await store.create('bernd', new Date(start - HOUR));
    const live = await store.create('anna', new Date(start + 5 * HOUR));
    // 12 hours on: the first two passed their 10 hours, the third has 3 left.
    const sweepAt = start + ABSOLUTE_TTL_MS + 2 * HOUR;
    const scans = await scansOfSessions(() => store.purgeExpired(new Date(sweepAt)));
    expect(scans).toEqual([]);
    const left = (await sessionModel(conn).find({ accountId: { $exists: true } }).lean()).map((s) => s._id).sort();
    expect(left).toEqual([live.session._id]);
    expect(old.session._id).not.toBe(live.session._id);
    expect(older.session._id).not.toBe(live.session._id);
  });

  it('when an account\'s sessions end (password reset, disabled), then all but the kept one are gone, found by its list', async () => {
    const store = new SessionStore(conn);
    const a = await store.create('clara');
    const b = await store.create('clara');
    const c = await store.create('clara');
    const other = await store.create('dora');
    const scans = await scansOfSessions(() => store.deleteForAccount('clara', b.session._id));
    expect(scans).toEqual([]);
    const left = (await sessionModel(conn).find({ accountId: { $in: ['clara', 'dora'] } }).lean()).map((s) => s._id).sort();
    expect(left).toEqual([b.session._id, other.session._id].sort());
    expect([a, c].every((s) => !left.includes(s.session._id))).toBe(true);
    // The kept one is still listed: ending them all later ends it too.
    await store.deleteForAccount('clara');
    expect(await sessionModel(conn).findById(b.session._id).lean()).toBeNull();
  });
});
