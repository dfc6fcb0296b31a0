/**
 * Rate limits of the public API over HTTP against the embedded stack (issue 9, item 5): a burst
 * of wrong guesses from one client gets 429 with Retry-After — and only that client: people
 * behind the same address (an office's Wi-Fi, a carrier's NAT; here X-Forwarded-For through the
 * trusted loopback proxy) still open their status page with the right link and their ticket with
 * the right plate. The client is the browser's signed client cookie; the address budget counts
 * volume only. The mail budget per unconfirmed address: drafts-http.test.ts; the counters under
 * concurrency and across replicas: test/store/citizen-limits.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { CLIENT_FAILURES } from '../../server/security/attempt-limiter';
import { UNCONFIRMED_MAILS_PER_DAY } from '../../store/rate-limit/mail-budget';
import { mailsTo } from '../support/activity-env';

let app: RunningSystem;
let staff: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_citizen_limits');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const OFFICE = '203.0.113.20';
const from = (address: string) => ({ 'X-Forwarded-For': address });
const registration = (email: string) => ({
  holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email },
  dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14',
});

describe('a burst from one client behind a shared address', () => {
  it('when one client sends wrong status tokens and plates in a burst, then it gets 429 with Retry-After; its neighbours with the right link and plate do not', async () => {
    // An honest citizen and a ticket, both behind the office's address.
    const citizen = new HttpClient(app.baseUrl);
    await citizen.request('GET', '/api/forms', undefined, from(OFFICE)); // the browser gets its client cookie on its first call
    const submitted = await citizen.request('POST', '/api/forms/dog-tax-registration/submissions', registration(`limits-${randomUUID().slice(0, 8)}@example.org`),
      { 'Idempotency-Key': `limits-${randomUUID()}`, ...from(OFFICE) });
    expect(submitted.status).toBe(202);
    const { caseNumber, statusToken } = submitted.json;
    const recorded = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-XY 42', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    }, { 'Idempotency-Key': `limits-${randomUUID()}` })).json;

    // The burst: a script behind the same address guessing status tokens of many cases.
    const scanner = new HttpClient(app.baseUrl, 'en');
    await scanner.request('GET', '/api/forms', undefined, from(OFFICE)); // a browser: it keeps its cookie
    const statuses: number[] = [];
    for (let i = 0; i < CLIENT_FAILURES; i += 1) {
      statuses.push((await scanner.request('POST', `/api/cases/HST-2026-${String(900_000 + i)}/status`, { token: 'AAAAAAAAAAAAAAAAAAAAAA' }, from(OFFICE))).status);
    }
    expect(statuses).toEqual(Array(CLIENT_FAILURES).fill(404));
    const burst = await Promise.all(Array.from({ length: 5 }, () => scanner.request('POST', `/api/cases/${caseNumber}/status`, { token: 'AAAAAAAAAAAAAAAAAAAAAA' }, from(OFFICE))));
    expect(burst.map((r) => r.status)).toEqual([429, 429, 429, 429, 429]);
    expect(Number(burst[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(burst[0]!.json.error.message).toMatch(/Too many attempts/);
    // The scanner is refused even with a right secret: its guesses are spent.
    expect((await scanner.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-XY 42' }, from(OFFICE))).status).toBe(429);

    // The neighbours: the same address, other clients.
    const page = await citizen.request('POST', `/api/cases/${caseNumber}/status`, { token: statusToken }, from(OFFICE));
    expect(page.status).toBe(200);
    expect(page.json.caseNumber).toBe(caseNumber);
    const driver = new HttpClient(app.baseUrl);
    const opened = await driver.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'ha-xy 42' }, from('203.0.113.21'));
    expect(opened.status).toBe(200);
    const colleague = new HttpClient(app.baseUrl);
    await colleague.request('GET', '/api/forms', undefined, from(OFFICE));
    expect((await colleague.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-XY 42' }, from(OFFICE))).status).toBe(200);
  });

  it('when a script drops its cookie, then all its cookieless calls count as one client of that address', async () => {
    const address = '203.0.113.30';
    const statuses: number[] = [];
    for (let i = 0; i <= CLIENT_FAILURES; i += 1) {
      // A new HttpClient each time: no cookie is ever sent back.
      const res = await new HttpClient(app.baseUrl).request('POST', `/api/cases/HST-2026-${String(800_000 + i)}/status`, { token: 'BBBBBBBBBBBBBBBBBBBBBB' }, from(address));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, CLIENT_FAILURES)).toEqual(Array(CLIENT_FAILURES).fill(404));
    expect(statuses[CLIENT_FAILURES]).toBe(429);
    // A browser behind that address (it keeps its cookie) goes on.
    const browser = new HttpClient(app.baseUrl);
    await browser.request('GET', '/api/forms', undefined, from(address));
    expect((await browser.request('POST', '/api/cases/HST-2026-799999/status', { token: 'BBBBBBBBBBBBBBBBBBBBBB' }, from(address))).status).toBe(404);
  });

  it('when the answer to a public write is 429, then it says so in the language asked for', async () => {
    const de = await eventually(async () => {
      const res = await new HttpClient(app.baseUrl, 'de').request('POST', '/api/cases/HST-2026-700000/status', { token: 'CCCCCCCCCCCCCCCCCCCCCC' }, from('203.0.113.30'));
      return res.status === 429 && res;
    }, '429');
    expect(de.json.error.message).toMatch(/Zu viele Versuche/);
  });
});

describe('the mail budget of an address someone typed (end to end)', () => {
  it(`when ${UNCONFIRMED_MAILS_PER_DAY + 2} dog-tax registrations name one e-mail address from different clients, then ${UNCONFIRMED_MAILS_PER_DAY} mails reach it, the rest are recorded as not sent, and every case goes on`, async () => {
    const email = `budget-${randomUUID().slice(0, 8)}@example.org`;
    const submitted: Array<{ caseNumber: string; statusToken: string; client: HttpClient }> = [];
    for (let i = 0; i < UNCONFIRMED_MAILS_PER_DAY + 2; i += 1) {
      const client = new HttpClient(app.baseUrl);
      const address = `198.51.100.${100 + i}`;
      await client.request('GET', '/api/forms', undefined, from(address));
      const res = await client.request('POST', '/api/forms/dog-tax-registration/submissions', registration(email), { 'Idempotency-Key': `budget-${randomUUID()}`, ...from(address) });
      expect(res.status).toBe(202);
      submitted.push({ caseNumber: res.json.caseNumber, statusToken: res.json.statusToken, client });
    }
    // Every case reaches its end as usual: a mail over the budget does not hold a case up.
    const views = await eventually(async () => {
      const all = await Promise.all(submitted.map(async ({ caseNumber, statusToken, client }) => (await client.request('POST', `/api/cases/${caseNumber}/status`, { token: statusToken })).json));
      return all.every((v) => v.status === 'registered') && all;
    }, 'every case registered', { tries: 600, everyMs: 250 });
    // Each case mails a receipt and a tax notice: all beyond the budget are recorded as not sent — the
    // record of a case's last mail can follow its 'registered' status, so it is awaited, then counted again.
    const expectedRefused = 2 * submitted.length - UNCONFIRMED_MAILS_PER_DAY;
    const refusedNow = () => app.system.model.audit.find({ action: 'dog-tax.mail-undeliverable', caseNumber: { $in: submitted.map((c) => c.caseNumber) } }).lean();
    await eventually(async () => (await refusedNow()).length >= expectedRefused, 'every mail beyond the budget recorded', { tries: 120, everyMs: 250 });
    const sent = await eventually(async () => {
      const mails = await mailsTo(email);
      return mails.length >= UNCONFIRMED_MAILS_PER_DAY && mails;
    }, 'the mails within the budget');
    await new Promise((r) => setTimeout(r, 1000)); // none more arrives
    expect((await mailsTo(email)).length).toBe(UNCONFIRMED_MAILS_PER_DAY);
    expect(sent.filter((m) => /Eingangsbestätigung/.test(m.subject)).length).toBeGreaterThan(0);
    const refused = await refusedNow();
    expect(refused.length).toBe(expectedRefused);
    expect(refused.every((e) => (e.details as { reason?: string }).reason === 'address-budget')).toBe(true);
    // The citizen sees it on the status page.
    expect(views.some((v) => v.steps.some((step: { action: string }) => step.action === 'dog-tax.mail-undeliverable'))).toBe(true);
  }, 240_000);
});
