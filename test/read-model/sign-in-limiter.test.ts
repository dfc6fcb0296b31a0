/**
 * Sign-in failures under concurrency on the embedded FerretDB (where $inc loses increments):
 * counted by insert, so parallel guesses lock the name exactly once. Also the password rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { LOCK_MS, SignInLimiter } from '../../server/security/sign-in-limiter';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../server/security/passwords';
import { testMongoUri } from '../support/env';

let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_sign_in')).asPromise();
  await conn.dropDatabase();
  new SignInLimiter(conn); // registers the models
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
});
afterAll(async () => {
  await conn?.close();
});

describe('SignInLimiter', () => {
  it('when 8 failures for one name arrive at once, then none is lost: exactly one of them locks the name, for 15 minutes', async () => {
    const limiter = new SignInLimiter(conn);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => limiter.recordFailure('parallel', `10.0.0.${i}`)));
    expect(results.filter((r) => r.locked)).toHaveLength(1);
    const wait = await limiter.retryAfterMs('parallel', '10.0.0.99');
    expect(wait).toBeGreaterThan(LOCK_MS - 60_000);
    expect(wait).toBeLessThanOrEqual(LOCK_MS);
    expect(await conn.collection('staff_sign_in_failures').countDocuments({ _id: { $regex: /^parallel:/ } } as never)).toBe(8);
  });

  it('when 4 failures and then a success, then the next 4 failures do not lock; unlock clears a lock', async () => {
    const limiter = new SignInLimiter(conn);
    for (let i = 0; i < 4; i += 1) expect((await limiter.recordFailure('steady', '10.0.1.1')).locked).toBe(false);
    await limiter.recordSuccess('steady');
    for (let i = 0; i < 4; i += 1) expect((await limiter.recordFailure('steady', '10.0.1.1')).locked).toBe(false);
    expect(await limiter.retryAfterMs('steady', '10.0.1.2')).toBe(0);
    expect((await limiter.recordFailure('steady', '10.0.1.1')).locked).toBe(true);
    expect(await limiter.lockedUntil('steady')).toBeInstanceOf(Date);
    await limiter.unlock('steady');
    expect(await limiter.retryAfterMs('steady', '10.0.1.2')).toBe(0);
  });
});

describe('passwords', () => {
  it('hashes with argon2id (19 MiB, t=2, p=1) and verifies; a missing hash never verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(undefined, 'correct horse battery')).toBe(false);
  });

  it('refuses fewer than 12 characters and the user name; generated passwords pass', () => {
    expect(passwordProblem('elf-zeichen', 'x')?.en).toMatch(/12 characters/);
    expect(passwordProblem('Mustermann.Erika', 'mustermann.erika')?.en).toMatch(/user name/);
    expect(passwordProblem('zwölf Zeichen', 'x')).toBeUndefined();
    const generated = generatePassword();
    expect(generated).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(passwordProblem(generated, 'admin')).toBeUndefined();
    expect(new Set(Array.from({ length: 50 }, generatePassword)).size).toBe(50);
  });
});
