/**
 * Bad input a fuzzer found, over HTTP: each gets a clear 4xx and stores nothing.
 * Staff accounts (duplicate roles, no role, control characters, an e-mail address another
 * account has) and anonymous drafts of a staff-only form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { staffAccountModel } from '../../store/accounts/staff-accounts';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
let admin: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_bad_input');
  const account = await createTestAccount(app, { id: 'chief-input', roles: ['admin'] });
  admin = new HttpClient(app.baseUrl);
  await admin.signIn(account.id, account.password);
});
afterAll(async () => {
  await app?.stop();
});

const account = (id: string, extra: Record<string, unknown> = {}) => ({
  id, displayName: `Erika ${id}`, email: `${id}@hagen.example`, roles: ['caseworker'], departments: ['fine-office'], leadOf: [], ...extra,
});
const fieldsOf = (json: { error?: { fields?: Array<{ field: string }> } }) => (json.error?.fields ?? []).map((f) => f.field);
const stored = (id: string) => staffAccountModel(app.system.conn).exists({ _id: id });

describe('staff accounts', () => {
  it.each([
    ['the same role twice', { roles: ['caseworker', 'caseworker'] }, 'roles'],
    ['no role at all', { roles: [] }, 'roles'],
    ['a department twice', { departments: ['fine-office', 'fine-office'] }, 'departments'],
    ['a control character in the name', { displayName: 'Erika\u0007 Muster' }, 'displayName'],
    ['a line break in the name', { displayName: 'Erika\nMuster' }, 'displayName'],
    ['a name of spaces only', { displayName: '   ' }, 'displayName'],
  ])('when an account is created with %s, then 422 names the field and nothing is stored', async (_what, extra, field) => {
    const id = `bad-${field.toLowerCase()}-${Math.random().toString(36).slice(2, 7)}`;
    const res = await admin.request('POST', '/api/staff/accounts', account(id, extra));
    expect(res.status).toBe(422);
    expect(fieldsOf(res.json).some((f) => f.startsWith(field))).toBe(true);
    expect(await stored(id)).toBeNull();
  });

  it('when an account is created with an e-mail address another account has (in other case), then 409 names the field and nothing is stored', async () => {
    expect((await admin.request('POST', '/api/staff/accounts', account('mail-first'))).status).toBe(201);
    const res = await admin.request('POST', '/api/staff/accounts', account('mail-second', { email: 'Mail-First@Hagen.example' }));
    expect(res.status).toBe(409);
    expect(fieldsOf(res.json)).toEqual(['email']);
    expect(await stored('mail-second')).toBeNull();
  });

  it('when an account is changed to another account\'s e-mail address, then 409 and it keeps its own; re-saving its own address is fine', async () => {
    expect((await admin.request('POST', '/api/staff/accounts', account('mail-third'))).status).toBe(201);
    const { id: _id, ...fields } = account('mail-third');
    const taken = await admin.request('PUT', '/api/staff/accounts/mail-third', { ...fields, email: 'mail-first@hagen.example', disabled: false });
    expect(taken.status).toBe(409);
    expect((await staffAccountModel(app.system.conn).findById('mail-third').lean())!.email).toBe('mail-third@hagen.example');
    const same = await admin.request('PUT', '/api/staff/accounts/mail-third', { ...fields, email: 'MAIL-third@hagen.example', disabled: false });
    expect(same.status).toBe(200);
  });
});

describe('drafts', () => {
  it('when an anonymous draft of the staff-only form record-parking-ticket is saved, then 404 and no draft is stored', async () => {
    const before = await app.system.conn.collection('form_drafts').countDocuments();
    const res = await new HttpClient(app.baseUrl).request('POST', '/api/forms/record-parking-ticket/drafts', {
      formVersion: 1, email: 'someone@example.org', data: { plate: 'HA-AB 123' },
    });
    expect(res.status).toBe(404);
    expect(await app.system.conn.collection('form_drafts').countDocuments()).toBe(before);
  });

  it('when a draft of a citizen form is saved, then it is accepted (the control for the refusal above)', async () => {
    const res = await new HttpClient(app.baseUrl).request('POST', '/api/forms/dog-tax-registration/drafts', {
      formVersion: 1, email: 'someone@example.org', data: {},
    });
    expect(res.status).toBe(201);
  });
});
