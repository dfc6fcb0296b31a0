/**
 * The citizen side's limits on the embedded FerretDB (which loses concurrent $inc): every count
 * is kept by insert, so parallel requests — also from two web replicas (two instances on one
 * database) — lose none. Real values throughout (the per-client and per-secret rules as
 * configured); the HTTP side is test/integration/citizen-limits-http.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { AttemptLimiter, CLIENT_FAILURES, LOCK_MS } from '../../server/security/attempt-limiter';
import { NEW_CLIENTS_FACTOR, PublicLimits, POLICIES, UPLOAD_QUOTA_MIB, type LimitClass } from '../../server/security/public-limits';
import { clientOf, CLIENT_COOKIE, NEW_CLIENT_MS, networkAddress } from '../../server/security/client-id';
import type { Request, Response } from 'express';
import { WindowCounter, rateCountModel } from '../../store/rate-limit/window-counter';
import { CONFIRMED_MAILS_PER_DAY, MailBudget, UNCONFIRMED_MAILS_PER_DAY } from '../../store/rate-limit/mail-budget';
import { testMongoUri } from '../support/env';
import { createRateLimitActivities } from '../../activities/rate-limits';
import { portalGuessCounter } from '../../store/rate-limit/portal-guesses';
import { citizenLimitPurgeScheduleId, scheduleDefinitions } from '../../temporal/schedules';

let conn: Connection;
const client = (id: string, address = '198.51.100.7') => ({ client: `c:${id}`, address });

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_citizen_limits')).asPromise();
  await conn.dropDatabase();
  new AttemptLimiter(conn); // registers the models
  new MailBudget(conn);
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
});
afterAll(async () => {
  await conn?.close();
});

describe('WindowCounter (counted by insert, shared by replicas)', () => {
  it('when two replicas count 60 events of one key at once, then the count is exactly 60, and a third replica without hints reads 60', async () => {
    const [a, b] = [new WindowCounter(conn), new WindowCounter(conn)];
    const now = Date.now(); // one window, however slow the machine
    const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).add('burst', 60_000, 1, now)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect((await new WindowCounter(conn).peek('burst', 60_000, now)).count).toBe(60);
    expect((await a.add('burst', 60_000, 1, now)).count).toBe(61);
  });

  it('counts units (an upload of 3 MiB claims 3) and starts again in the next window; ended windows are purged', async () => {
    const counter = new WindowCounter(conn);
    const now = Date.now();
    expect((await counter.add('units', 1000, 3, now)).count).toBe(3);
    expect((await counter.add('units', 1000, 2, now)).count).toBe(5);
    expect((await counter.add('units', 1000, 1, now + 1000)).count).toBe(1);
    const before = await rateCountModel(conn).countDocuments({ _id: { $regex: /^units\|/ } } as never);
    expect(before).toBe(6);
    await counter.purgeExpired(new Date(now + 1000));
    expect(await rateCountModel(conn).countDocuments({ _id: { $regex: /^units\|/ } } as never)).toBe(1);
  });
});

describe('AttemptLimiter (guesses per secret and per client)', () => {
  it('when 8 wrong guesses for one code arrive at once, then none is lost and the code is locked for 15 minutes', async () => {
    const limiter = new AttemptLimiter(conn);
    await Promise.all(Array.from({ length: 8 }, (_, i) => limiter.recordFailure('code-a', client(`a${i}`))));
    expect(await conn.collection('portal_guess_attempts').countDocuments({ _id: { $regex: /^code-a:/ } } as never)).toBe(8);
    const locked = await limiter.check('code-a', client('z')).then(() => null, (e: unknown) => e);
    expect(locked).toMatchObject({ code: 'too_many_attempts' });
    expect((locked as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds).toBeGreaterThan(14 * 60);
    await expect(limiter.check('code-a', client('z'), Date.now() + LOCK_MS + 1000)).resolves.toBeUndefined();
  });

  it('when 4 failures are followed by a success, then 4 more do not lock, the fifth in a row does', async () => {
    const limiter = new AttemptLimiter(conn);
    for (let i = 0; i < 4; i += 1) await limiter.recordFailure('code-b', client('b1'));
    await limiter.recordSuccess('code-b');
    for (let i = 0; i < 4; i += 1) await limiter.recordFailure('code-b', client('b2'));
    await expect(limiter.check('code-b', client('b3'))).resolves.toBeUndefined();
    await limiter.recordFailure('code-b', client('b2'));
    await expect(limiter.check('code-b', client('b3'))).rejects.toMatchObject({ code: 'too_many_attempts' });
  });

  it(`when one client guesses ${CLIENT_FAILURES} different secrets wrong at once, then that client waits; another client behind the same address does not`, async () => {
    const limiter = new AttemptLimiter(conn);
    await Promise.all(Array.from({ length: CLIENT_FAILURES }, (_, i) => limiter.recordFailure(`scan-${i}`, client('scanner'))));
    await expect(limiter.check('fresh-secret', client('scanner'))).rejects.toMatchObject({ code: 'too_many_attempts' });
    await expect(limiter.check('fresh-secret', client('neighbour'))).resolves.toBeUndefined();
  });
});

describe('PublicLimits (volume per client, per address, overall)', () => {
  it(`when one client sends ${POLICIES.submission.perClient.points + 1} submissions in an hour, then the last gets 429 with Retry-After; a second replica counts the same; a neighbour goes on`, async () => {
    const [replicaA, replicaB] = [new PublicLimits(conn), new PublicLimits(conn)];
    const who = client('busy', '203.0.113.50');
    await Promise.all(Array.from({ length: POLICIES.submission.perClient.points }, (_, i) => (i % 2 ? replicaA : replicaB).admit('submission', who)));
    const refused = await replicaA.admit('submission', who).then(() => null, (e: unknown) => e);
    expect(refused).toMatchObject({ code: 'too_many_requests' });
    const wait = (refused as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    await expect(replicaB.admit('submission', client('neighbour', '203.0.113.50'))).resolves.toBeUndefined();
  });

  it(`when a script fetches a fresh client cookie before each submission, then one address gets ${NEW_CLIENTS_FACTOR} clients' worth (${NEW_CLIENTS_FACTOR * POLICIES.submission.perClient.points}) per hour, not the address's ${POLICIES.submission.perAddress.points}; a browser that came back after a day goes on`, async () => {
    const limits = new PublicLimits(conn);
    const key = Buffer.alloc(32, 7);
    const address = '203.0.113.70';
    // The real cookie: minted by one request (as issueClientCookie does on any GET), sent back by the next.
    const freshClient = () => {
      let set = '';
      const mintReq = { ip: address, headers: {} } as unknown as Request;
      clientOf(mintReq, { locals: {}, cookie: (_n: string, v: string) => { set = v; } } as unknown as Response, key, false);
      const req = { ip: address, headers: { cookie: `${CLIENT_COOKIE}=${set}` } } as unknown as Request;
      return clientOf(req, { locals: {}, cookie: () => { throw new Error('a valid cookie is not minted again'); } } as unknown as Response, key, false);
    };
    const first = freshClient();
    expect(first.client).toMatch(/^c:/);
    expect(Date.now() - first.mintedAt!).toBeLessThan(60_000);
    const newcomers = NEW_CLIENTS_FACTOR * POLICIES.submission.perClient.points;
    await limits.admit('submission', first);
    for (let i = 1; i < newcomers; i += 1) await limits.admit('submission', freshClient());
    await expect(limits.admit('submission', freshClient())).rejects.toMatchObject({ code: 'too_many_requests' });
    // A returning browser (its id older than a day) keeps its own budget behind the same address.
    await expect(limits.admit('submission', { client: 'c:returning', address, mintedAt: Date.now() - NEW_CLIENT_MS - 1 })).resolves.toBeUndefined();
  });

  it('has a global budget on every class, far above one address; when the portal writes\' is spent, the next from a new address gets 429 (very busy)', async () => {
    for (const kind of Object.keys(POLICIES) as LimitClass[]) expect(POLICIES[kind].global.points).toBeGreaterThanOrEqual(POLICIES[kind].perAddress.points * 5);
    const global = POLICIES['portal-write'].global;
    const now = Date.now();
    const prefix = `portal-write:global|${global.windowMs}|${Math.floor(now / global.windowMs)}`;
    const expiresAt = new Date((Math.floor(now / global.windowMs) + 1) * global.windowMs);
    // The spent budget, as its counted events (WindowCounter's own form; inserting them one by one takes minutes).
    for (let from = 1; from <= global.points; from += 1_000) {
      await rateCountModel(conn).insertMany(Array.from({ length: Math.min(1_000, global.points - from + 1) }, (_, i) => ({ _id: `${prefix}|${from + i}`, expiresAt })));
    }
    const limits = new PublicLimits(conn);
    await expect(limits.admit('portal-write', client('global-writer', '198.18.0.9'), now)).rejects.toMatchObject({ code: 'too_many_requests', message: expect.stringMatching(/very busy/) });
    await expect(limits.admit('check', client('global-checker', '198.18.0.9'), now)).resolves.toBeUndefined();
  });

  it(`counts upload bytes per day: ${UPLOAD_QUOTA_MIB.perClient} MiB per client, then 429`, async () => {
    const limits = new PublicLimits(conn);
    const who = client('uploader', '203.0.113.60');
    for (let i = 0; i < UPLOAD_QUOTA_MIB.perClient / 10; i += 1) await limits.chargeUpload(who, 10 * 1024 * 1024);
    await expect(limits.chargeUpload(who, 1)).rejects.toMatchObject({ code: 'too_many_requests' });
    await expect(limits.chargeUpload(client('other-uploader', '203.0.113.60'), 10 * 1024 * 1024)).resolves.toBeUndefined();
  });
});

describe('MailBudget (per unconfirmed address)', () => {
  it(`when ${UNCONFIRMED_MAILS_PER_DAY + 5} mails to one address are claimed at once on two replicas, then exactly ${UNCONFIRMED_MAILS_PER_DAY} may go out; a confirmed address gets ${CONFIRMED_MAILS_PER_DAY}`, async () => {
    const [a, b] = [new MailBudget(conn), new MailBudget(conn)];
    const claims = await Promise.all(Array.from({ length: UNCONFIRMED_MAILS_PER_DAY + 5 }, (_, i) => (i % 2 ? a : b).claim('Victim@Example.org')));
    expect(claims.filter((c) => c.allowed)).toHaveLength(UNCONFIRMED_MAILS_PER_DAY);
    expect((await a.wouldAllow('victim@example.org')).allowed).toBe(false);
    await b.confirm('victim@example.org');
    expect(await a.limitOf('VICTIM@example.org')).toBe(CONFIRMED_MAILS_PER_DAY);
    expect((await a.claim('victim@example.org')).allowed).toBe(true);
    // One mail (one send key) is counted once however often its activity is retried (Temporal retries one attempt after another).
    const retried = [await a.claimFor('receipt:1', 'retry@example.org'), await b.claimFor('receipt:1', 'retry@example.org'), await a.claimFor('receipt:1', 'retry@example.org')];
    expect(retried).toEqual([true, true, true]);
    expect((await a.wouldAllow('retry@example.org')).count).toBe(1);
    // Only a hash of the address is stored.
    expect(JSON.stringify(await conn.collection('rate_counts').find({}).toArray())).not.toContain('victim');
  });
});

describe('client address', () => {
  it('takes IPv4 as is and an IPv6 address by its /64', () => {
    expect(networkAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(networkAddress('2001:db8:0:12:a:b:c:d')).toBe('2001:db8:0:12::/64');
    expect(networkAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });
});

describe('the hourly purge (FerretDB has no TTL indexes)', () => {
  it('is a schedule of its own, hourly, that never overlaps', () => {
    const purge = scheduleDefinitions('tq-x').find((d) => d.scheduleId === citizenLimitPurgeScheduleId('tq-x'))!;
    expect(purge.action).toMatchObject({ type: 'startWorkflow', workflowType: 'citizenLimitPurgeWorkflow' });
    expect(purge.spec.intervals).toEqual([{ every: '1h' }]);
  });

  it('deletes ended windows, guesses older than a day and idle guess states; keeps a lock in force and the current windows', async () => {
    const counter = new WindowCounter(conn);
    const hourAgo = Date.now() - 3_600_000;
    await counter.add('purge-old', 60_000, 1, hourAgo);
    await counter.add('purge-current', 3_600_000);
    const guesses = portalGuessCounter(conn);
    const dayAgo = Date.now() - 25 * 3_600_000;
    await guesses.next('purge-idle', dayAgo);
    await guesses.next('purge-locked');
    await guesses.lock('purge-locked', new Date(Date.now() + LOCK_MS));
    // An idle state of yesterday: its guesses are purged, then the state itself.
    await conn.collection('portal_guess_state').updateOne({ _id: 'purge-idle' as never }, { $set: { at: new Date(dayAgo) } });

    const purged = await createRateLimitActivities({ conn }).purgeCitizenLimitState({ staleAfterHours: 24 });
    expect(purged.windows).toBeGreaterThanOrEqual(1);
    expect(purged.guesses).toBeGreaterThanOrEqual(1);
    expect((await new WindowCounter(conn).peek('purge-old', 60_000, hourAgo)).count).toBe(0);
    expect((await new WindowCounter(conn).peek('purge-current', 3_600_000)).count).toBe(1);
    expect(await conn.collection('portal_guess_state').findOne({ _id: 'purge-idle' as never })).toBeNull();
    expect(await guesses.lockedUntil('purge-locked')).toBeDefined();
    // A purged key counts from 1 again.
    expect(await guesses.next('purge-idle')).toBe(1);
  });
});
