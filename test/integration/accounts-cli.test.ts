/**
 * Account recovery from the command line (scripts/accounts.ts) against the embedded FerretDB:
 * unlock ends a ceiling lock, reset-password prints a new one (to be changed at the next
 * sign-in) and ends the sessions, reset-second-factor removes the TOTP; each is audited.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { readModel } from '../../store/models';
import { findStaffAccount, insertStaffAccount } from '../../store/accounts/staff-accounts';
import { SignInAttempts } from '../../store/accounts/sign-in-attempts';
import { SignInLimiter } from '../../server/security/sign-in-limiter';
import { SessionStore } from '../../server/security/sessions';
import { hashPassword, verifyPassword } from '../../server/security/passwords';
import { testMongoUri } from '../support/env';

const run = promisify(execFile);
const uri = testMongoUri('cli_accounts');
let conn: Connection;

const cli = (...args: string[]) => run('npx', ['tsx', 'scripts/accounts.ts', ...args], { env: { ...process.env, MONGODB_URI: uri }, timeout: 120_000 });

beforeAll(async () => {
  conn = await mongoose.createConnection(uri).asPromise();
  await conn.dropDatabase();
  await insertStaffAccount(conn, {
    _id: 'chef', displayName: 'Chefin', email: 'chef@hagen.example', roles: ['admin'], departments: [], leadOf: [],
    passwordHash: await hashPassword('altes Passwort 123'), mustChangePassword: false, totp: { secret: { v: 1, k: 'x', d: Buffer.alloc(40) }, enabledAt: new Date() },
  });
});
afterAll(async () => {
  await conn?.close();
});

const actionsOf = async () => (await readModel(conn).audit.find({ caseType: 'staff-account', caseNumber: 'chef' }).lean()).map((e) => e.action);

describe('npm run accounts:*', () => {
  it('unlock ends the ceiling lock and every address delay; reset-password prints a new one to be changed; reset-second-factor removes the TOTP', async () => {
    const attempts = new SignInAttempts(conn);
    await attempts.state('ceiling|chef');
    await attempts.lock('ceiling|chef', 100, new Date(Date.now() + 3_600_000));
    expect(await new SignInLimiter(conn).lockedUntil('chef')).toBeInstanceOf(Date);
    expect((await cli('unlock', 'Chef')).stdout).toMatch(/can sign in again/);
    expect(await new SignInLimiter(conn).lockedUntil('chef')).toBeUndefined();

    await new SessionStore(conn).create('chef');
    const { stdout } = await cli('reset-password', 'chef');
    const password = /\n {2}(\S+)/.exec(stdout)![1]!;
    const account = await findStaffAccount(conn, 'chef');
    expect(await verifyPassword(account!.passwordHash, password)).toBe(true);
    expect(account!.mustChangePassword).toBe(true);
    expect(await conn.collection('staff_sessions').countDocuments({ accountId: 'chef' })).toBe(0);

    await cli('reset-second-factor', 'chef');
    expect((await findStaffAccount(conn, 'chef'))!.totp).toBeUndefined();
    expect(await actionsOf()).toEqual(expect.arrayContaining(['account-unlocked', 'password-reset', 'second-factor-removed']));

    await expect(cli('unlock', 'nobody')).rejects.toMatchObject({ stderr: expect.stringMatching(/no account "nobody"/) });
  }, 300_000);
});
