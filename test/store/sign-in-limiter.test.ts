/**
 * The address budget (in the database, shared by replicas) and the password rules. The staff sign-in limits:
 * staff-sign-in-limits.test.ts; the citizen side's guess limits: citizen-limits.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { AddressBudget } from '../../server/security/address-budget';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../server/security/passwords';
import { testMongoUri } from '../support/env';

let conn: Connection;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_sign_in')).asPromise();
  await conn.dropDatabase();
  await Promise.all(Object.values(conn.models).map((m) => m.createIndexes()));
});
afterAll(async () => {
  await conn?.close();
});

describe('AddressBudget (per client address, in the database)', () => {
  it('when 49 failures from one address arrive at once, then it may go on; the 50th spends the budget for the window', async () => {
    const budget = new AddressBudget(conn, 50, 15 * 60_000);
    const now = Date.UTC(2026, 11, 2, 9, 0, 1);
    await Promise.all(Array.from({ length: 49 }, () => budget.recordFailure('10.2.0.1', now)));
    expect(await budget.retryAfterMs('10.2.0.1', now)).toBe(0);
    await budget.recordFailure('10.2.0.1', now);
    const wait = await budget.retryAfterMs('10.2.0.1', now);
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    expect(await budget.retryAfterMs('10.2.0.2', now)).toBe(0);
  });

  it('when a second replica counts the same address, then both share one budget', async () => {
    const now = Date.UTC(2026, 11, 2, 9, 30, 1);
    const replicaA = new AddressBudget(conn, 4, 15 * 60_000);
    const replicaB = new AddressBudget(conn, 4, 15 * 60_000);
    await Promise.all([replicaA.recordFailure('10.2.2.1', now), replicaB.recordFailure('10.2.2.1', now), replicaA.recordFailure('10.2.2.1', now)]);
    expect(await replicaB.retryAfterMs('10.2.2.1', now)).toBe(0);
    await replicaB.recordFailure('10.2.2.1', now);
    expect(await replicaA.retryAfterMs('10.2.2.1', now)).toBeGreaterThan(0);
  });

  it('when the window has passed, then the address has its whole budget again', async () => {
    const budget = new AddressBudget(conn, 2, 15 * 60_000);
    const now = Date.UTC(2026, 11, 2, 10, 0, 1);
    await budget.recordFailure('10.2.1.1', now);
    await budget.recordFailure('10.2.1.1', now);
    expect(await budget.retryAfterMs('10.2.1.1', now)).toBeGreaterThan(0);
    const later = now + 15 * 60_000;
    expect(await budget.retryAfterMs('10.2.1.1', later)).toBe(0);
    await budget.recordFailure('10.2.1.1', later);
    expect(await budget.retryAfterMs('10.2.1.1', later)).toBe(0);
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
