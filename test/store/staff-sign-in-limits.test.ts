/**
 * Staff sign-in limits on the embedded FerretDB (where $inc loses increments), at their real
 * values; time moves by the `now` the limiter is given (no waiting, no shrunk rule):
 * per name AND address a growing delay, per name a daily ceiling that alerts, purge of old state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import {
  CEILING_LOCK_MS, FIRST_DELAY_MS, FREE_FAILURES, GuessRun, MAX_DELAY_MS, NAME_CEILING, SignInLimiter, delayAfter,
} from '../../server/security/sign-in-limiter';
import { SignInAttempts } from '../../store/accounts/sign-in-attempts';
import { purgeStaffSignInState } from '../../store/accounts/sign-in-purge';
import { claimTotpStep } from '../../store/accounts/totp-steps';
import { SessionStore } from '../../server/security/sessions';
import { scheduleDefinitions, staffSignInPurgeScheduleId } from '../../temporal/schedules';
import { testMongoUri } from '../support/env';

let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_staff_sign_in_limits')).asPromise();
  await conn.dropDatabase();
  new SignInAttempts(conn); // registers the models
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
});
afterAll(async () => {
  await conn?.close();
});

type Allowed = Extract<Awaited<ReturnType<SignInLimiter['begin']>>, { allowed: true }>;

describe('per name and client address: a growing delay', () => {
  it('the delays are 1, 2, 4 … minutes from the fifth failure in a row, at most an hour', () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 20].map((n) => delayAfter(n) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(FREE_FAILURES).toBe(5);
  });

  it('when 8 wrong guesses for one name from one address arrive at once, then 5 are checked, the fifth failure delays that address 1 minute, another address is not delayed', async () => {
    const limiter = new SignInLimiter(conn);
    const now = Date.now();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => limiter.begin('parallel', '10.0.0.1', false, now)));
    const allowed = attempts.filter((a): a is Allowed => a.allowed);
    expect(allowed.map((a) => a.run.n).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.filter((a) => !a.allowed)).toHaveLength(3);
    // The refused ones gave their numbers back: five documents, not eight.
    expect(await conn.collection('staff_sign_in_attempts').countDocuments({ _id: { $regex: /^pair\|parallel\|10\.0\.0\.1:/ } } as never)).toBe(5);
    const waits = await Promise.all(allowed.map((a) => limiter.failed(a, now)));
    expect(waits.map((w) => w.waitMs).sort((a, b) => a - b)).toEqual([0, 0, 0, 0, FIRST_DELAY_MS]);
    const refused = await limiter.begin('parallel', '10.0.0.1', false, now + 1000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: FIRST_DELAY_MS - 1000 });
    // The owner at their own desk: not delayed at all.
    const owner = await limiter.begin('parallel', '10.0.0.2', false, now + 1000);
    expect(owner.allowed && owner.run.n).toBe(1);
  });

  it('when the delay has passed, then exactly one of a parallel burst is checked; each further failure doubles the delay; a success ends the run', async () => {
    const limiter = new SignInLimiter(conn);
    let now = Date.now();
    for (let i = 0; i < FREE_FAILURES; i += 1) await limiter.failed((await limiter.begin('steady', '10.0.1.1', false, now)) as Allowed, now);
    for (const expected of [2, 4, 8]) {
      now += delayAfter((expected === 2 ? 5 : expected === 4 ? 6 : 7)) + 1;
      const burst = await Promise.all(Array.from({ length: 6 }, () => limiter.begin('steady', '10.0.1.1', false, now)));
      const checked = burst.filter((a): a is Allowed => a.allowed);
      expect(checked).toHaveLength(1);
      expect((await limiter.failed(checked[0]!, now)).waitMs).toBe(expected * 60_000);
      expect(await limiter.begin('steady', '10.0.1.1', false, now + expected * 60_000 - 1000)).toEqual({ allowed: false, retryAfterMs: 1000 });
    }
    now += 8 * 60_000 + 1;
    const right = (await limiter.begin('steady', '10.0.1.1', false, now)) as Allowed;
    expect(right.allowed).toBe(true);
    await limiter.succeeded(right, now);
    const next = await limiter.begin('steady', '10.0.1.1', false, now);
    expect(next.allowed && next.run.n).toBe(1);
  });

  it('never waits longer than an hour', async () => {
    const runs = new GuessRun(new SignInAttempts(conn));
    let now = Date.now();
    let wait = 0;
    for (let i = 0; i < 14; i += 1) {
      const attempt = await runs.begin('own|cap', now);
      expect(attempt.allowed).toBe(true);
      wait = await runs.failed(attempt as Extract<typeof attempt, { allowed: true }>, now);
      now += wait + 1;
    }
    expect(wait).toBe(MAX_DELAY_MS);
  });
});

describe('per name: a daily ceiling that alerts instead of locking silently', () => {
  it(`when ${NAME_CEILING} failures come from ${NAME_CEILING} addresses, partly at once, then exactly one reaches the ceiling; password-only sign-in waits 24 h, with a second factor the attempt is checked; unlock starts over`, async () => {
    const limiter = new SignInLimiter(conn);
    const now = Date.now();
    const results: boolean[] = [];
    for (let batch = 0; batch < NAME_CEILING / 10; batch += 1) {
      const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.begin('target', `10.2.${batch}.${i}`, false, now)));
      results.push(...(await Promise.all(attempts.map((a) => limiter.failed(a as Allowed, now)))).map((r) => r.ceilingReached));
    }
    expect(results.filter(Boolean)).toHaveLength(1);
    const passwordOnly = await limiter.begin('target', '10.3.0.1', false, now + 1000);
    expect(passwordOnly).toEqual({ allowed: false, retryAfterMs: CEILING_LOCK_MS - 1000, ceiling: true });
    // A browser that signed in as the name before (its device cookie's id): judged by its own run only.
    const knownDevice = await limiter.begin('target', '10.3.0.1', false, now + 1000, 'device-1');
    expect(knownDevice).toMatchObject({ allowed: true, ceilingLocked: false });
    await limiter.abandon(knownDevice as Allowed);
    const withCode = await limiter.begin('target', '10.3.0.1', true, now + 1000);
    expect(withCode).toMatchObject({ allowed: true, ceilingLocked: true });
    await limiter.abandon(withCode as Allowed);
    expect((await limiter.lockedUntil('target', now))?.getTime()).toBe(now + CEILING_LOCK_MS);
    // 24 hours later password-only sign-in is open again.
    expect((await limiter.begin('target', '10.3.0.2', false, now + CEILING_LOCK_MS + 1)).allowed).toBe(true);

    await limiter.unlock('target', now + 2000);
    expect(await limiter.lockedUntil('target', now + 2000)).toBeUndefined();
    const after = (await limiter.begin('target', '10.2.0.0', false, now + 2000)) as Allowed;
    expect(after.allowed && after.run.n).toBe(1); // the address's run began anew too
    expect((await limiter.failed(after, now + 2000)).ceilingReached).toBe(false);
  });
});

describe('purge', () => {
  it('deletes attempts and tallies older than a day and idle unlocked states; keeps what a running lock needs', async () => {
    const attempts = new SignInAttempts(conn);
    const limiter = new SignInLimiter(conn);
    const old = Date.now() - 2 * 24 * 60 * 60_000;
    for (let i = 0; i < 3; i += 1) await limiter.failed((await limiter.begin('stale', '10.4.0.1', false, old)) as Allowed, old);
    const fresh = (await limiter.begin('fresh', '10.4.0.1', false)) as Allowed;
    await limiter.failed(fresh);
    // A lock set long ago that still runs (the admin never came) stays.
    const lockedLongAgo = await attempts.state('pair|locked|10.4.0.9', old);
    await attempts.lock(lockedLongAgo._id, 5, new Date(Date.now() + 60_000), old);

    const purged = await attempts.purgeStale(24 * 60 * 60_000);
    expect(purged.attempts).toBeGreaterThanOrEqual(3);
    expect(purged.tallies).toBeGreaterThanOrEqual(3);
    const ids = async (collection: string, prefix: RegExp) => (await conn.collection(collection).find({ _id: { $regex: prefix } } as never).toArray()).map((d) => d._id);
    expect(await ids('staff_sign_in_attempts', /^pair\|stale\|/)).toEqual([]);
    expect(await ids('staff_sign_in_state', /^pair\|stale\|/)).toEqual([]);
    expect(await ids('staff_sign_in_attempts', /^pair\|fresh\|/)).toHaveLength(1);
    expect(await ids('staff_sign_in_state', /^pair\|locked\|/)).toEqual(['pair|locked|10.4.0.9']);
  });
});

describe('the hourly purge of the staff sign-in documents', () => {
  it('deletes sessions past 10 hours or idle for 2, attempts older than a day and used TOTP steps older than a day; keeps the live ones; runs by a schedule', async () => {
    const sessions = new SessionStore(conn);
    const now = Date.now();
    const old = await sessions.create('purge-a', new Date(now - 11 * 3_600_000));
    const idle = await sessions.create('purge-b', new Date(now - 3 * 3_600_000));
    const live = await sessions.create('purge-c', new Date(now - 60_000));
    expect(await claimTotpStep(conn, 'purge-a', 1, new Date(now - 2 * 86_400_000))).toBe(true);
    expect(await claimTotpStep(conn, 'purge-a', 2, new Date(now))).toBe(true);

    const purged = await purgeStaffSignInState(conn, now);
    expect(purged.sessions).toBeGreaterThanOrEqual(2);
    const left = (await conn.collection('staff_sessions').find({ accountId: { $in: ['purge-a', 'purge-b', 'purge-c'] } }).toArray()).map((d) => d._id);
    expect(left).toEqual([live.session._id]);
    expect(left).not.toContain(old.session._id);
    expect(left).not.toContain(idle.session._id);
    expect(await claimTotpStep(conn, 'purge-a', 2)).toBe(false); // a step used today still counts as used

    const schedule = scheduleDefinitions('tq-x').find((d) => d.scheduleId === staffSignInPurgeScheduleId('tq-x'))!;
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'staffSignInPurgeWorkflow' });
    expect(schedule.spec.intervals).toEqual([{ every: '1h' }]);
  });
});
