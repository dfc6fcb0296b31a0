/**
 * Staff accounts over HTTP against the embedded stack: sign-in, one answer for wrong password
 * and unknown name, a wait per name and address after 5 failures (also when they arrive at once), CSRF, session
 * expiry and revocation, administration with one-time passwords, self-lockout refused, and the
 * audit events all of it leaves.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { staffAccountModel } from '../../store/accounts/staff-accounts';
import { sessionModel } from '../../server/security/sessions';
import { createTestAccount, HttpClient, startTestSystem, TEST_STAFF } from '../support/system';

let app: RunningSystem;
let admin: HttpClient;
let adminId: string;

beforeAll(async () => {
  app = await startTestSystem('http_accounts');
  const account = await createTestAccount(app, { id: 'chief', roles: ['admin'] });
  adminId = account.id;
  admin = new HttpClient(app.baseUrl);
  await admin.signIn(account.id, account.password);
});
afterAll(async () => {
  await app?.stop();
});

const auditOf = async (accountId: string) =>
  (await app.system.model.audit.find({ caseType: 'staff-account', caseNumber: accountId }).lean()).map((e) => ({ action: e.action, actor: e.actor }));
const sessionsOf = (accountId: string) => sessionModel(app.system.conn).find({ accountId }).lean();
/** `headers`: X-Forwarded-For names another client address (the server trusts its loopback proxy). */
const signInRaw = (userName: string, password: string, headers: Record<string, string> = {}) =>
  new HttpClient(app.baseUrl).request('POST', '/api/staff/session', { userName, password }, headers);
const newAccount = (id: string, extra: Record<string, unknown> = {}) => ({
  id, displayName: `Erika ${id}`, email: `${id}@hagen.example`, roles: ['caseworker'], departments: ['fine-office'], leadOf: [], ...extra,
});

describe('signing in', () => {
  it('when the password is right, then a session starts: httpOnly strict cookie, only its hash stored, the answer carries roles and a CSRF token', async () => {
    const account = await createTestAccount(app, { id: 'becker-t', roles: ['caseworker'], departments: ['traffic', 'fine-office'], leadOf: ['fine-office'] });
    const res = await signInRaw('  Becker-T ', account.password);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'becker-t', roles: ['caseworker'], departments: ['traffic', 'fine-office'], leadOf: ['fine-office'] });
    expect(res.json.csrfToken).toMatch(/^[\w-]{40,}$/);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^amtsweg_staff=[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback
    const token = /^amtsweg_staff=([^;]+)/.exec(setCookie)![1]!;
    const [stored] = await sessionsOf('becker-t');
    expect(stored!._id).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(10 * 60 * 60_000);

    const client = new HttpClient(app.baseUrl);
    const session = await client.signIn('becker-t', account.password);
    const again = await client.request('GET', '/api/staff/session');
    expect(again.status).toBe(200);
    expect(again.json).toEqual(session);
    expect(await auditOf('becker-t')).toContainEqual({ action: 'signed-in', actor: 'becker-t' });
    // The sign-in answer and the session agree on what is pending (here nothing: this system lets admins work without TOTP).
    const fixture = new HttpClient(app.baseUrl);
    expect((await fixture.signIn(TEST_STAFF.id, TEST_STAFF.password)).pendingStep).toBeUndefined();
    expect((await fixture.request('GET', '/api/staff/session')).json.pendingStep).toBeUndefined();
  });

  it('when the stored hash is read, then it is argon2id with the OWASP parameters', async () => {
    const stored = await staffAccountModel(app.system.conn).findById(TEST_STAFF.id).lean();
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('when the password is wrong or the user name unknown, then both get the same 401 answer', async () => {
    const wrong = await signInRaw(TEST_STAFF.id, 'not-the-password-at-all');
    const unknown = await signInRaw('nobody-here', 'not-the-password-at-all');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('access_denied');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await auditOf(TEST_STAFF.id)).toContainEqual({ action: 'sign-in-failed', actor: 'anonymous' });
  });

  it('when 5 wrong passwords arrive at once from one address, then that address waits 1 minute (429, Retry-After) even with the right password; the owner at another address signs in; an admin unlock ends the wait', async () => {
    const account = await createTestAccount(app, { id: 'locked-t', roles: ['warden'] });
    const attacker = { 'X-Forwarded-For': '203.0.113.7' };
    // In parallel: the failures are counted by insert, so none may be lost.
    const failures = await Promise.all(Array.from({ length: 5 }, () => signInRaw('locked-t', 'wrong-password-000', attacker)));
    // A burst beyond five, with the right password among it, gets no password check at all.
    const burst = await Promise.all([...Array.from({ length: 6 }, () => signInRaw('locked-t', 'wrong-password-001', attacker)), signInRaw('locked-t', account.password, attacker)]);
    expect(burst.map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429, 429]);
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    const waiting = await signInRaw('locked-t', account.password, attacker);
    expect(waiting.status).toBe(429);
    expect(waiting.json.error.code).toBe('too_many_attempts');
    const retryAfter = Number(waiting.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(30);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const events = await auditOf('locked-t');
    expect(events.filter((e) => e.action === 'sign-in-failed')).toHaveLength(5);
    // The attacker locked out only themselves: the owner, at their own desk, is not delayed.
    expect((await signInRaw('locked-t', account.password, { 'X-Forwarded-For': '198.51.100.20' })).status).toBe(200);

    expect((await admin.request('POST', '/api/staff/accounts/locked-t/unlock')).status).toBe(200);
    expect((await signInRaw('locked-t', account.password, attacker)).status).toBe(200);
    expect(await auditOf('locked-t')).toContainEqual({ action: 'account-unlocked', actor: adminId });
  });

  it('when 4 failures are followed by a success, then the count starts again (only consecutive failures lock)', async () => {
    const account = await createTestAccount(app, { id: 'forgetful-t', roles: ['warden'] });
    for (let i = 0; i < 4; i += 1) expect((await signInRaw('forgetful-t', 'wrong-password-000')).status).toBe(401);
    expect((await signInRaw('forgetful-t', account.password)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await signInRaw('forgetful-t', 'wrong-password-000')).status).toBe(401);
    expect((await signInRaw('forgetful-t', account.password)).status).toBe(200);
  });

  it('when an unknown user name fails 5 times, then it waits like an account, so a wait does not reveal which names exist', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signInRaw('ghost', 'wrong-password-000')).status).toBe(401);
    expect((await signInRaw('ghost', 'wrong-password-000')).status).toBe(429);
  });
});

describe('CSRF', () => {
  it('when a signed-in staff sends an unsafe call without or with a wrong X-CSRF-Token, then 403 csrf_failed; with the token it passes', async () => {
    const client = new HttpClient(app.baseUrl);
    await client.signInStaff();
    const token = client.csrfToken;
    client.csrfToken = '';
    const missing = await client.request('POST', '/api/staff/accounts', newAccount('csrf-t'));
    expect(missing.status).toBe(403);
    expect(missing.json.error.code).toBe('csrf_failed');
    const wrong = await client.request('POST', '/api/staff/accounts', newAccount('csrf-t'), { 'X-CSRF-Token': `${token.slice(0, -1)}x` });
    expect(wrong.json.error.code).toBe('csrf_failed');
    expect((await client.request('DELETE', '/api/staff/session')).json.error.code).toBe('csrf_failed');
    expect(await sessionsOf(TEST_STAFF.id)).not.toEqual([]);
    // A public route (a citizen form in a browser that also holds a staff cookie) goes on, without the staff identity.
    const publicCall = await client.request('POST', '/api/parking-tickets/access', { code: 'AAAA-BBBB', plate: 'HA-X 1' });
    expect(publicCall.json?.error?.code).not.toBe('csrf_failed');
    expect([401, 404, 422]).toContain(publicCall.status);
    expect(await staffAccountModel(app.system.conn).exists({ _id: 'csrf-t' })).toBeNull();
    // Reads need no token.
    expect((await client.request('GET', '/api/staff/session')).status).toBe(200);
    client.csrfToken = token;
    expect((await client.request('POST', '/api/staff/accounts', newAccount('csrf-t'))).status).toBe(201);
    // Names the audit trail uses for non-staff actors cannot be taken.
    const reserved = await client.request('POST', '/api/staff/accounts', newAccount('system'));
    expect(reserved.status).toBe(422);
    expect(reserved.json.error.fields[0].field).toBe('id');
  });
});

describe('sessions end', () => {
  it('when the person signs out, then the session is deleted on the server and the cookie no longer works', async () => {
    const account = await createTestAccount(app, { id: 'leaving-t', roles: ['warden'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn('leaving-t', account.password);
    const cookie = (client as unknown as { cookie: string }).cookie;
    expect((await client.request('DELETE', '/api/staff/session')).status).toBe(204);
    expect(await sessionsOf('leaving-t')).toEqual([]);
    const replay = await new HttpClient(app.baseUrl).request('GET', '/api/staff/session', undefined, { Cookie: cookie });
    expect(replay.status).toBe(401);
    expect(await auditOf('leaving-t')).toContainEqual({ action: 'signed-out', actor: 'leaving-t' });
  });

  it('when a session was idle for 2 hours, or is 10 hours old, then it is refused and deleted', async () => {
    const account = await createTestAccount(app, { id: 'idle-t', roles: ['warden'] });
    const idle = new HttpClient(app.baseUrl);
    await idle.signIn('idle-t', account.password);
    const [first] = await sessionsOf('idle-t');
    // Seen 1 h 59 min ago: still valid (and lastSeenAt is refreshed).
    await sessionModel(app.system.conn).updateOne({ _id: first!._id }, { $set: { lastSeenAt: new Date(Date.now() - 119 * 60_000) } });
    expect((await idle.request('GET', '/api/staff/session')).status).toBe(200);
    expect((await sessionModel(app.system.conn).findById(first!._id).lean())!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    await sessionModel(app.system.conn).updateOne({ _id: first!._id }, { $set: { lastSeenAt: new Date(Date.now() - 2 * 60 * 60_000 - 1000) } });
    expect((await idle.request('GET', '/api/staff/session')).status).toBe(401);
    expect(await sessionModel(app.system.conn).findById(first!._id).lean()).toBeNull();

    const old = new HttpClient(app.baseUrl);
    await old.signIn('idle-t', account.password);
    const [second] = await sessionsOf('idle-t');
    // Active all along, but signed in 10 hours ago.
    await sessionModel(app.system.conn).updateOne({ _id: second!._id }, { $set: { createdAt: new Date(Date.now() - 10 * 60 * 60_000), expiresAt: new Date(Date.now() - 1000) } });
    expect((await old.request('GET', '/api/staff/session')).status).toBe(401);
  });

  it('when an admin disables an account, then its sessions end at once and it cannot sign in; enabled again, it can', async () => {
    const account = await createTestAccount(app, { id: 'disabled-t', roles: ['warden'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn('disabled-t', account.password);
    const update = { displayName: 'Dora Disabled', email: 'disabled-t@hagen.example', roles: ['warden'], departments: [], leadOf: [] };
    const res = await admin.request('PUT', '/api/staff/accounts/disabled-t', { ...update, disabled: true });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: 'disabled-t', disabled: true, displayName: 'Dora Disabled' });
    expect((await client.request('GET', '/api/staff/session')).status).toBe(401);
    expect(await sessionsOf('disabled-t')).toEqual([]);
    const refused = await signInRaw('disabled-t', account.password);
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('access_denied');
    expect((await admin.request('PUT', '/api/staff/accounts/disabled-t', { ...update, disabled: false })).status).toBe(200);
    expect((await signInRaw('disabled-t', account.password)).status).toBe(200);
  });
});

describe('administration', () => {
  it('when an admin creates an account, then the answer shows a generated password once; the list never shows a hash', async () => {
    // A field the account does not have is refused by name, and nothing is created.
    const unknown = await admin.request('POST', '/api/staff/accounts', newAccount('Meyer', { leadOf: ['fine-office'], junk: 'x' }));
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toEqual([{ field: 'junk', message: expect.any(String) }]);
    expect(await staffAccountModel(app.system.conn).findById('meyer').lean()).toBeNull();
    const created = await admin.request('POST', '/api/staff/accounts', newAccount('Meyer', { leadOf: ['fine-office'] }));
    expect(created.status).toBe(201);
    expect(created.json.account).toEqual({
      id: 'meyer', displayName: 'Erika Meyer', email: 'Meyer@hagen.example', roles: ['caseworker'], departments: ['fine-office'], leadOf: ['fine-office'], disabled: false,
      mustChangePassword: true, secondFactor: false,
    });
    expect(created.json.password.length).toBeGreaterThanOrEqual(12);
    const stored = await staffAccountModel(app.system.conn).findById('meyer').lean();
    expect(JSON.stringify(stored)).not.toContain(created.json.password);
    expect((await signInRaw('meyer', created.json.password)).status).toBe(200);

    const list = await admin.request('GET', '/api/staff/accounts');
    expect(list.status).toBe(200);
    expect(list.json.items.map((a: { id: string }) => a.id)).toContain('meyer');
    expect(JSON.stringify(list.json)).not.toMatch(/argon2|passwordHash/);
    expect(await auditOf('meyer')).toContainEqual({ action: 'account-created', actor: adminId });
  });

  it('when the user name is taken or the input is incomplete, then 409 or 422 naming the field', async () => {
    expect((await admin.request('POST', '/api/staff/accounts', newAccount('meyer2'))).status).toBe(201);
    // Another e-mail address, so that only the name collides (a taken address is its own 409, see bad-input).
    const taken = await admin.request('POST', '/api/staff/accounts', newAccount('MEYER2', { email: 'erika.meyer2@hagen.example' }));
    expect(taken.status).toBe(409);
    expect(taken.json.error.fields[0].field).toBe('id');
    const noDepartment = await admin.request('POST', '/api/staff/accounts', newAccount('meyer3', { departments: [] }));
    expect(noDepartment.status).toBe(422);
    expect(noDepartment.json.error.fields[0].field).toBe('departments');
    const badRole = await admin.request('POST', '/api/staff/accounts', newAccount('meyer4', { roles: ['superuser'] }));
    expect(badRole.status).toBe(422);
    expect(badRole.json.error.fields[0].field).toMatch(/roles/);
  });

  it('when an admin resets a password, then the new one is shown once, the old one and every session stop working', async () => {
    const account = await createTestAccount(app, { id: 'reset-t', roles: ['designer'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn('reset-t', account.password);
    const reset = await admin.request('POST', '/api/staff/accounts/reset-t/password-reset');
    expect(reset.status).toBe(200);
    expect(reset.json.password).not.toBe(account.password);
    expect((await client.request('GET', '/api/staff/session')).status).toBe(401);
    expect((await signInRaw('reset-t', account.password)).status).toBe(401);
    expect((await signInRaw('reset-t', reset.json.password)).status).toBe(200);
    expect(await auditOf('reset-t')).toContainEqual({ action: 'password-reset', actor: adminId });
    expect((await admin.request('POST', '/api/staff/accounts/nobody/password-reset')).status).toBe(404);
  });

  it('when an admin tries to remove their own admin role or disable themselves, then 422 and nothing changes', async () => {
    const self = { displayName: 'Chief', email: 'chief@hagen.example', departments: [], leadOf: [] };
    const demote = await admin.request('PUT', `/api/staff/accounts/${adminId}`, { ...self, roles: ['designer'], disabled: false });
    expect(demote.status).toBe(422);
    expect(demote.json.error.fields[0].field).toBe('roles');
    const disable = await admin.request('PUT', `/api/staff/accounts/${adminId}`, { ...self, roles: ['admin'], disabled: true });
    expect(disable.status).toBe(422);
    expect(disable.json.error.fields[0].field).toBe('disabled');
    const stored = await staffAccountModel(app.system.conn).findById(adminId).lean();
    expect(stored).toMatchObject({ roles: ['admin'], disabled: false });
    expect((await admin.request('GET', '/api/staff/session')).status).toBe(200);
  });

  it('when an admin changes roles, then the next request of that person already has the new roles, and the change is audited with what changed', async () => {
    const account = await createTestAccount(app, { id: 'promoted-t', roles: ['warden'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn('promoted-t', account.password);
    expect((await client.request('GET', '/api/staff/accounts')).status).toBe(403);
    const res = await admin.request('PUT', '/api/staff/accounts/promoted-t', {
      displayName: 'Test promoted-t', email: 'promoted-t@hagen.example', roles: ['warden', 'admin'], departments: [], leadOf: [], disabled: false,
    });
    expect(res.status).toBe(200);
    expect((await client.request('GET', '/api/staff/accounts')).status).toBe(200);
    const event = await app.system.model.audit.findOne({ caseNumber: 'promoted-t', action: 'account-updated' }).lean();
    expect(event).toMatchObject({ actor: adminId, caseType: 'staff-account', details: { changed: { roles: ['warden', 'admin'] } } });
  });
});

describe('own password', () => {
  it('when staff change their password, then the current one is checked, the rules apply, and their other sessions end', async () => {
    const account = await createTestAccount(app, { id: 'changer-t', roles: ['station'] });
    const here = new HttpClient(app.baseUrl);
    const elsewhere = new HttpClient(app.baseUrl);
    await here.signIn('changer-t', account.password);
    await elsewhere.signIn('changer-t', account.password);
    const wrongCurrent = await here.request('POST', '/api/staff/password', { currentPassword: 'guess-guess-guess', newPassword: 'a-brand-new-password' });
    expect(wrongCurrent.status).toBe(422);
    expect(wrongCurrent.json.error.fields[0].field).toBe('currentPassword');
    const short = await here.request('POST', '/api/staff/password', { currentPassword: account.password, newPassword: 'short-pw' });
    expect(short.json.error.fields[0].field).toBe('newPassword');
    const userName = await here.request('POST', '/api/staff/password', { currentPassword: account.password, newPassword: 'Changer-T' });
    expect(userName.status).toBe(422); // the user name rule itself: next test, with a name of 12+ characters
    expect((await here.request('POST', '/api/staff/password', { currentPassword: account.password, newPassword: 'a-brand-new-password' })).status).toBe(204);
    expect((await here.request('GET', '/api/staff/session')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/staff/session')).status).toBe(401);
    expect((await signInRaw('changer-t', 'a-brand-new-password')).status).toBe(200);
    expect(await auditOf('changer-t')).toContainEqual({ action: 'password-changed', actor: 'changer-t' });
  });

  it('when the new password equals a long user name, then it is refused', async () => {
    const account = await createTestAccount(app, { id: 'longusername-t', roles: ['station'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn('longusername-t', account.password);
    const res = await client.request('POST', '/api/staff/password', { currentPassword: account.password, newPassword: 'LongUserName-T' });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/Benutzername/);
  });
});

describe('per-address budget', () => {
  it('when one address fails 50 times across many names, then further sign-ins from it get 429 (last: it spends this address budget)', async () => {
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i += 1) status = (await signInRaw(`scan-${i}`, 'wrong-password-000')).status;
    expect(status).toBe(429);
    const fresh = await signInRaw(TEST_STAFF.id, TEST_STAFF.password);
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
