/**
 * Save and resume over HTTP against the embedded stack, as the portal uses it: save a draft →
 * the resume link arrives by e-mail → the token from that link opens the draft; a wrong token
 * answers 404; the stored document holds no plaintext; DELETE (after submitting) removes it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { draftWorkflowId } from '../../workflows/drafts/shared';
import { UNCONFIRMED_MAILS_PER_DAY } from '../../store/rate-limit/mail-budget';

let app: RunningSystem;
let citizen: HttpClient;

beforeAll(async () => {
  // Ten saves at once test the mail budget, not the in-flight limit (test/chaos/overload-http.test.ts): off here.
  app = await startTestSystem('http_drafts', { env: { ADMISSION_MAX_IN_FLIGHT: '0' } });
  citizen = new HttpClient(app.baseUrl);
});
afterAll(async () => {
  await app?.stop();
});

const email = `draft-${randomUUID().slice(0, 8)}@example.org`;
const data = { holder: { familyName: 'Geheimname', givenName: 'Erika' }, dog: { name: 'Bello' } };
const base = '/api/forms/dog-tax-registration/drafts';
const open = (draftId: string, token: string) => citizen.request('POST', `${base}/${draftId}/open`, { token });

describe('save and resume a draft', () => {
  let draftId: string;
  let token: string;

  it('when a citizen saves a draft, then 201 with its id and expiry (no token), and the e-mail carries the resume link', async () => {
    const saved = await citizen.request('POST', base, { formVersion: 1, email, data });
    expect(saved.status).toBe(201);
    expect(Object.keys(saved.json).sort()).toEqual(['draftId', 'expiresAt']);
    draftId = saved.json.draftId;
    const days = (Date.parse(saved.json.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await eventually(async () => (await mailsTo(email))[0], 'the resume e-mail');
    // Draft and token in the fragment: a browser never sends them to a server (no access log, no Referer).
    const link = new RegExp(`${app.system.config.publicBaseUrl.replace(/[.:/]/g, '\\$&')}/formulare/dog-tax-registration#entwurf=${draftId}\\.([A-Za-z0-9_-]+)`).exec(mail.text);
    expect(link).not.toBeNull();
    token = link![1]!;
    expect(mail.text).toContain('7 Tage gültig');
  });

  it('when the link is opened, then the draft answers its form version and data', async () => {
    const res = await open(draftId, token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ formId: 'dog-tax-registration', formVersion: 1, data, expiresAt: expect.any(String) });
  });

  it('when the token is wrong, or the form is another, then 404', async () => {
    expect((await open(draftId, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await citizen.request('POST', `/api/forms/dog-tax-exemption/drafts/${draftId}/open`, { token })).status).toBe(404);
    // The token never travels in a query string: the old GET route is gone.
    expect((await citizen.request('GET', `${base}/${draftId}?token=${token}`)).status).toBe(404);
    expect((await open(randomUUID(), token)).status).toBe(404);
  });

  it('stores the data encrypted: the document holds no plaintext and no e-mail address', async () => {
    const doc = await app.system.conn.collection('form_drafts').findOne({ _id: draftId as never });
    expect(doc).not.toBeNull();
    const raw = JSON.stringify(doc) + Buffer.from((doc!.data as { buffer: Uint8Array }).buffer).toString('latin1');
    expect(raw).not.toContain('Geheimname');
    expect(raw).not.toContain('Bello');
    expect(raw).not.toContain(email);
    expect(raw).not.toContain(token);
  });

  it('refuses a body that is not a draft: bad e-mail, data not an object, unknown form version', async () => {
    expect((await citizen.request('POST', base, { formVersion: 1, email: 'not-an-address', data })).status).toBe(422);
    expect((await citizen.request('POST', base, { formVersion: 1, email, data: 'text' })).status).toBe(422);
    expect((await citizen.request('POST', base, { formVersion: 99, email, data })).status).toBe(404);
  });

  it('when the draft is deleted after submitting, then it answers 404 and its workflow ends as submitted', async () => {
    const res = await citizen.request('POST', `${base}/${draftId}/delete`, { token, reason: 'submitted' });
    expect(res.status).toBe(204);
    expect((await open(draftId, token)).status).toBe(404);
    expect(await app.system.conn.collection('form_drafts').countDocuments({ _id: draftId as never })).toBe(0);
    const result = await app.system.temporal.workflow.getHandle(draftWorkflowId(draftId)).result();
    expect(result).toEqual({ outcome: 'submitted' });
    expect((await citizen.request('POST', `${base}/${draftId}/delete`, { token })).status).toBe(404);
  });
});

describe('e-mail to an address that has confirmed nothing', () => {
  it(`when drafts are saved for one address again and again, then it gets ${UNCONFIRMED_MAILS_PER_DAY} links a day and the next save answers 429 with Retry-After`, async () => {
    const victim = `victim-${randomUUID().slice(0, 8)}@example.org`;
    // Several clients (addresses) at once, as a fuzzer would: the budget is the address's, in the database.
    const clients = [0, 1, 2].map(() => new HttpClient(app.baseUrl, 'en'));
    const saves = await Promise.all(Array.from({ length: UNCONFIRMED_MAILS_PER_DAY }, (_, i) => clients[i % 3]!.request('POST', base, { formVersion: 1, email: victim, data: { n: i } })));
    expect(saves.map((r) => r.status)).toEqual(Array(UNCONFIRMED_MAILS_PER_DAY).fill(201));
    await eventually(async () => (await mailsTo(victim)).length >= UNCONFIRMED_MAILS_PER_DAY, 'the links of the budget', { tries: 200 });
    const refused = await clients[0]!.request('POST', base, { formVersion: 1, email: victim, data: { n: 'one more' } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.json.error.message).toMatch(/already sent several messages to this e-mail address/);
    // Another address is not affected.
    expect((await clients[0]!.request('POST', base, { formVersion: 1, email: `other-${randomUUID().slice(0, 8)}@example.org`, data })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsTo(victim)).toHaveLength(UNCONFIRMED_MAILS_PER_DAY);
  });
});
