/**
 * Portal guess limits under concurrency on the embedded FerretDB (where $inc loses increments):
 * counted by insert. Also the password rules. The staff sign-in limits: staff-sign-in-limits.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { AttemptLimiter, LOCK_MS } from '../../server/security/attempt-limiter';
import { AddressBudget } from '../../server/security/address-budget';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../server/security/passwords';
import { testMongoUri } from '../support/env';

let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_sign_in')).asPromise();
  await conn.dropDatabase();
  new AttemptLimiter(conn); // registers the models
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
});
afterAll(async () => {
  await conn?.close();
});

describe('AttemptLimiter (citizen portal codes)', () => {
  it('when 8 wrong guesses for one code arrive at once, then none is lost and the code is locked for 15 minutes', async () => {
    const limiter = new AttemptLimiter(conn);
    await Promise.all(Array.from({ length: 8 }, (_, i) => limiter.recordFailure('code-a', `10.1.0.${i}`)));
    expect(await conn.collection('portal_guess_attempts').countDocuments({ _id: { $regex: /^code-a:/ } } as never)).toBe(8);
    const locked = await limiter.check('code-a', '10.1.9.9').then(() => null, (e: unknown) => e);
    expect(locked).toMatchObject({ code: 'too_many_attempts' });
    expect((locked as { extra: { retryAfterSeconds: number } }).extra.retryAfterSeconds).toBeGreaterThan(14 * 60);
    await expect(limiter.check('code-a', '10.1.9.9', Date.now() + LOCK_MS + 1000)).resolves.toBeUndefined();
  });

  it('when 4 failures are followed by a success, then 4 more do not lock, the fifth in a row does', async () => {
    const limiter = new AttemptLimiter(conn);
    for (let i = 0; i < 4; i += 1) await limiter.recordFailure('code-b', '10.1.1.1');
    await limiter.recordSuccess('code-b');
    for (let i = 0; i < 4; i += 1) await limiter.recordFailure('code-b', '10.1.1.2');
    await expect(limiter.check('code-b', '10.1.1.3')).resolves.toBeUndefined();
    await limiter.recordFailure('code-b', '10.1.1.2');
    await expect(limiter.check('code-b', '10.1.1.3')).rejects.toMatchObject({ code: 'too_many_attempts' });
  });
});

describe('AddressBudget (per client address, in memory)', () => {
  it('when 49 failures from one address arrive at once, then it may go on; the 50th spends the budget for the window', async () => {
    const budget = new AddressBudget(50, 15 * 60_000);
    await Promise.all(Array.from({ length: 49 }, () => budget.recordFailure('10.2.0.1')));
    expect(await budget.retryAfterMs('10.2.0.1')).toBe(0);
    await budget.recordFailure('10.2.0.1');
    const wait = await budget.retryAfterMs('10.2.0.1');
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    expect(await budget.retryAfterMs('10.2.0.2')).toBe(0);
  });

  it('when the window has passed, then the address has its whole budget again', async () => {
    const budget = new AddressBudget(2, 1000);
    await budget.recordFailure('10.2.1.1');
    await budget.recordFailure('10.2.1.1');
    expect(await budget.retryAfterMs('10.2.1.1')).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await budget.retryAfterMs('10.2.1.1')).toBe(0);
    await budget.recordFailure('10.2.1.1');
    expect(await budget.retryAfterMs('10.2.1.1')).toBe(0);
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
