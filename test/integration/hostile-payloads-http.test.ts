/**
 * Hostile payloads on the public JSON write routes (ticket portal open and pay, hearing answer,
 * form submission, draft save, status-link replacement): MongoDB operators in place of string
 * fields (`{"$gt": ""}`, `{"$where": …}`), prototype-pollution keys (`__proto__`,
 * `constructor.prototype`, sent as raw body text: JSON.stringify drops __proto__) carrying the
 * fields the route needs, and a 1 MB string. Each gets a clear 4xx with a message in the
 * request's language (German and English), never a 5xx; afterwards the server answers normally,
 * the refused requests stored nothing (every collection counted before and after, except the
 * counters of refused attempts), and no object in the server's process (it runs in this one)
 * got a polluted prototype.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';

let app: RunningSystem;
let staff: HttpClient;
let citizen: HttpClient;
const DAY = 86_400_000;
const PLATE = 'HA-AB 123';
let cardCode: string;
let bearer: Record<string, string>;
let registered: { caseNumber: string; statusToken: string };

const person = { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen' };
const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: `hostile-${randomUUID().slice(0, 8)}@example.org` };
const registration = { holder, dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' };

beforeAll(async () => {
  app = await startTestSystem('http_hostile_payloads');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  citizen = new HttpClient(app.baseUrl);
  // A ticket in its hearing (observed 8 days ago: the letter goes out at once), opened with the letter's code.
  const recorded = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: PLATE, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * DAY).toISOString(),
  }, { 'Idempotency-Key': 'hostile-ticket' });
  expect(recorded.status).toBe(201);
  cardCode = recorded.json.accessCode;
  const ticket = await eventually(async () => {
    const t = await app.system.model.tickets.findOne({ ticketNumber: recorded.json.ticketNumber }).lean();
    return t?.status === 'letter_sent' && t;
  }, 'letter_sent', { tries: 300 });
  const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: deriveLetterCode(app.system.secrets.accessCode, ticket.workflowId), plate: PLATE });
  expect(opened.status).toBe(200);
  bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
  const submitted = await citizen.request('POST', '/api/forms/dog-tax-registration/submissions', registration, { 'Idempotency-Key': 'hostile-registration' });
  expect(submitted.status).toBe(202);
  registered = { caseNumber: submitted.json.caseNumber, statusToken: submitted.json.statusToken };
  // Let the registration's workflow settle, so the counts below see only what the hostile requests do.
  await eventually(async () => {
    const view = await citizen.request('POST', `/api/cases/${registered.caseNumber}/status`, { token: registered.statusToken });
    return view.json?.steps?.some((s: { action: string }) => s.action === 'dog-tax.tax-notice-sent');
  }, 'the tax notice sent', { tries: 300 });
});
afterAll(async () => {
  await app?.stop();
});

interface Route { name: string; path: () => string; headers: () => Record<string, string>; body: () => Record<string, unknown>; stringField: string[] }

/** The public JSON write routes with a valid body each; `stringField` is a string field of it (path of keys). */
const routes: Route[] = [
  { name: 'ticket portal: open', path: () => '/api/parking-tickets/access', headers: () => ({}), body: () => ({ code: cardCode, plate: PLATE }), stringField: ['code'] },
  { name: 'ticket portal: pay', path: () => '/api/parking-tickets/current/checkout', headers: () => bearer, body: () => ({ method: 'card', email: 'zahler@example.org' }), stringField: ['email'] },
  { name: 'hearing answer', path: () => '/api/fine-proceedings/current/hearing-answer', headers: () => bearer, body: () => ({ person, facts: 'denies', reasons: 'Ich war verreist.' }), stringField: ['person', 'familyName'] },
  { name: 'form submission', path: () => '/api/forms/dog-tax-registration/submissions', headers: () => ({ 'Idempotency-Key': `hostile-${randomUUID()}` }), body: () => ({ ...registration, keptSince: '2026-04-01' }), stringField: ['holder', 'familyName'] },
  { name: 'draft save', path: () => '/api/forms/dog-tax-registration/drafts', headers: () => ({}), body: () => ({ formVersion: 1, email: holder.email, data: { holder: { familyName: 'Entwurf' } } }), stringField: ['email'] },
  { name: 'status link', path: () => `/api/cases/${registered.caseNumber}/status-link`, headers: () => ({}), body: () => ({ token: registered.statusToken }), stringField: ['token'] },
];

function withField(body: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  let at = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

/** The hostile bodies for one route, as raw JSON text. */
function payloads(route: Route): [string, string][] {
  const body = route.body();
  const valid = JSON.stringify(body).slice(1, -1);
  return [
    ['{"$gt": ""} in a string field', JSON.stringify(withField(body, route.stringField, { $gt: '' }))],
    ['{"$ne": null} in a string field', JSON.stringify(withField(body, route.stringField, { $ne: null }))],
    ['{"$where": …} in a string field', JSON.stringify(withField(body, route.stringField, { $where: 'function () { return true; }' }))],
    ['{"$where": …} as the whole body', JSON.stringify({ $where: 'sleep(2000) || true' })],
    ['the body\'s fields only under "__proto__"', `{"__proto__": {${valid}, "polluted": "yes"}}`],
    ['the body\'s fields only under "constructor"."prototype"', `{"constructor": {"prototype": {${valid}, "polluted": "yes"}}}`],
    ['"__proto__" in place of a string field', JSON.stringify(withField(body, route.stringField, 'PLACEHOLDER')).replace('"PLACEHOLDER"', '{"__proto__": {"polluted": "yes"}}')],
    ['a 1 MB string in a string field', JSON.stringify(withField(body, route.stringField, 'A'.repeat(1024 * 1024)))],
  ];
}

async function rawPost(path: string, body: string, headers: Record<string, string>, lang: string) {
  const res = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...headers }, body });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, json, text };
}

/** Counters of refused attempts (rate limits, wrong codes) may grow with refused requests; nothing else may. */
const COUNTERS = /rate|attempt|limit|throttle|budget/i;

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await app.system.conn.db!.listCollections().toArray()) {
    if (COUNTERS.test(c.name)) continue;
    out[c.name] = await app.system.conn.db!.collection(c.name).countDocuments();
  }
  return out;
}

describe('hostile payloads on the public write routes', () => {
  it('when MongoDB operators, prototype-pollution keys or a 1 MB string arrive in place of fields, then every route answers a clear 4xx in German and English, stores nothing, and still works afterwards', async () => {
    // Nothing else moves: two counts 2 s apart agree before the hostile requests start.
    const before = await eventually(async () => {
      const first = await counts();
      await new Promise((r) => setTimeout(r, 2000));
      return JSON.stringify(first) === JSON.stringify(await counts()) && first;
    }, 'the collections at rest');
    const outcomes: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (const [what, body] of payloads(route)) {
        for (const lang of ['de', 'en']) {
          const res = await rawPost(route.path(), body, route.headers(), lang);
          sent += 1;
          const ok = res.status >= 400 && res.status < 500 && typeof res.json?.error?.code === 'string'
            && typeof res.json.error.message === 'string' && res.json.error.message.length > 0;
          if (!ok) outcomes.push(`${route.name}, ${what} (${lang}): ${res.status} ${res.text.slice(0, 200)}`);
          else outcomes.push(`${route.name}|${what}|${res.status}|${lang}|${res.json.error.message}`);
        }
      }
    }
    const failures = outcomes.filter((o) => !o.includes('|'));
    console.info(`[hostile] ${sent} hostile requests to ${routes.length} routes; ${failures.length} without a clear 4xx; statuses ${[...new Set(outcomes.map((o) => o.split('|')[2]))].join('/')}`);
    expect(failures).toEqual([]);
    // The message is in the language asked for: German and English differ for each request.
    for (let i = 0; i < outcomes.length; i += 2) {
      const [, , , , de] = outcomes[i]!.split('|');
      const [, , , , en] = outcomes[i + 1]!.split('|');
      expect(de, outcomes[i]).not.toBe(en);
    }

    // Nothing polluted in this process (the server runs in it), nothing stored.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    // A write a refused request started would show within a few seconds (workflow, mail, audit).
    await new Promise((r) => setTimeout(r, 3000));
    expect(await counts()).toEqual(before);

    // The server still answers normally, and each route still takes a valid body.
    expect((await citizen.request('GET', '/api/forms')).status).toBe(200);
    expect((await citizen.request('POST', '/api/parking-tickets/access', { code: cardCode, plate: PLATE })).status).toBe(200);
    expect((await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card' }, bearer)).status).toBe(200);
    const answered = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', routes[2]!.body(), bearer);
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect((await citizen.request('POST', '/api/forms/dog-tax-registration/submissions', routes[3]!.body(), routes[3]!.headers())).status).toBe(202);
    expect((await citizen.request('POST', '/api/forms/dog-tax-registration/drafts', routes[4]!.body())).status).toBe(201);
    expect((await citizen.request('POST', `/api/cases/${registered.caseNumber}/status-link`, { token: registered.statusToken })).status).toBe(200);
  });
});
