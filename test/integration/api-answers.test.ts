/**
 * Issue 13, items 9 and 12, over HTTP: a ticket's offence time must lie in a window that can
 * still be prosecuted (not in the future, not older than three months, § 26 Abs. 3 StVG), and
 * the OpenAPI document lists every status the routes really answer (signed out, without the
 * role, with a bad body), X-Filename over its documented length is refused.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { earliestProsecutable } from '../../server/use-cases/parking-ticket/record-ticket';
import { HttpClient, createTestAccount, startTestSystem } from '../support/system';

let app: RunningSystem;
let warden: HttpClient;
type Operation = { 'x-roles': string[]; responses: Record<string, unknown>; requestBody?: { content: Record<string, unknown> } };
let doc: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  app = await startTestSystem('http_api_answers');
  warden = new HttpClient(app.baseUrl);
  await warden.signInStaff();
  doc = (await new HttpClient(app.baseUrl).request('GET', '/api/openapi.json')).json;
});
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;
const ticket = (observedAt: string) => ({ offenceCode: '112454', plate: 'HA-AB 123', place: 'Elberfelder Straße 12, Hagen', observedAt });
const fieldsOf = (json: { error?: { fields?: Array<{ field: string; message: string }> } }) => json.error?.fields ?? [];

describe('the offence time of a ticket (item 9)', () => {
  it.each([
    ['in the year 239', '0239-06-01T10:00:00.000Z'],
    ['in the year 2000', '2000-06-01T10:00:00.000Z'],
    ['four months ago', new Date(Date.now() - 122 * DAY).toISOString()],
    ['a day before the three-month limit', new Date(earliestProsecutable(new Date()).getTime() - DAY).toISOString()],
    ['tomorrow', new Date(Date.now() + DAY).toISOString()],
  ])('when a ticket is recorded with an offence time %s, then 422 names observedAt and nothing is stored or queued', async (_what, observedAt) => {
    const before = { tickets: await app.system.model.tickets.countDocuments(), letters: await app.system.model.outbox.countDocuments() };
    const res = await warden.request('POST', '/api/parking-tickets', ticket(observedAt), { 'Idempotency-Key': `offence-time-${observedAt}` });
    expect(res.status).toBe(422);
    expect(fieldsOf(res.json).map((f) => f.field)).toEqual(['observedAt']);
    await new Promise((r) => setTimeout(r, 300));
    expect({ tickets: await app.system.model.tickets.countDocuments(), letters: await app.system.model.outbox.countDocuments() }).toEqual(before);
  });

  it('when the offence time is too old, then the message names the limitation in the asked language', async () => {
    const res = await new HttpClient(app.baseUrl, 'en').request('POST', '/api/parking-tickets', ticket('2000-06-01T10:00:00.000Z'));
    expect(res.status).toBe(401); // not signed in: the order of checks does not leak anything
    const de = await warden.request('POST', '/api/parking-tickets', ticket('2000-06-01T10:00:00.000Z'), { 'Idempotency-Key': 'offence-time-msg' });
    expect(fieldsOf(de.json)[0]?.message).toContain('§ 26 Abs. 3 StVG');
  });

  it('when the offence was eight days or two months ago, then the ticket is recorded', async () => {
    for (const days of [8, 60]) {
      const res = await warden.request('POST', '/api/parking-tickets', ticket(new Date(Date.now() - days * DAY).toISOString()), { 'Idempotency-Key': `offence-time-ok-${days}` });
      expect(res.status, `${days} days`).toBe(201);
    }
  });
});

/** Every documented operation with its path parameters filled in. */
function operations(): { method: string; path: string; url: string; op: Operation }[] {
  // The API's own routes (the sandboxes', x-embedded-only, answer for themselves: test/sandboxes).
  return Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/')).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(), path, op, url: path.replace(/\{[^}]+\}/g, 'x-unknown'),
  })));
}

describe('the OpenAPI document lists what the routes answer (item 12)', () => {
  it('when a staff or portal route is called signed out, then it answers a documented status (401)', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const undocumented: string[] = [];
    for (const { method, path, url, op } of operations()) {
      if (op['x-roles'].includes('public')) continue;
      const res = await anonymous.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (!(String(res.status) in op.responses)) undocumented.push(`${method} ${path}: ${res.status}`);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(undocumented).toEqual([]);
  });

  it('when a staff route is called by an account without its role, then it answers a documented status (403)', async () => {
    const station = await createTestAccount(app, { roles: ['station'] });
    const client = new HttpClient(app.baseUrl);
    await client.signIn(station.id, station.password);
    const undocumented: string[] = [];
    for (const { method, path, url, op } of operations()) {
      const roles = op['x-roles'];
      if (roles.includes('public') || roles.includes('citizen') || roles.includes('station')) continue;
      const res = await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (!(String(res.status) in op.responses)) undocumented.push(`${method} ${path}: ${res.status}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('when a route with a JSON body gets a body of the wrong shape, then it answers a documented status', async () => {
    const undocumented: string[] = [];
    for (const { method, path, url, op } of operations()) {
      if (!op.requestBody?.content['application/json']) continue;
      const res = await warden.request(method, url, { unexpected: [1, 2, 3] }, { 'Idempotency-Key': `shape-${method}-${path}` });
      if (!(String(res.status) in op.responses)) undocumented.push(`${method} ${path}: ${res.status}`);
    }
    expect(undocumented).toEqual([]);
  });

  it('when POST /api/staff/session gets no password, then it answers the documented 422', async () => {
    const res = await new HttpClient(app.baseUrl).request('POST', '/api/staff/session', { userName: 'someone' });
    expect(res.status).toBe(422);
    expect(doc.paths['/api/staff/session']!.post!.responses).toHaveProperty('422');
    expect(doc.paths['/api/staff/password']!.post!.responses).toHaveProperty('401');
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/staff/accounts'))) {
      for (const [method, op] of Object.entries(ops)) expect(Object.keys(op.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('when X-Filename is longer than the documented 1,000 characters, then the upload is refused with 422 and nothing is stored', async () => {
    const attachments = app.system.conn.collection('attachments');
    const before = await attachments.countDocuments();
    const res = await fetch(`${app.baseUrl}/api/attachments`, {
      method: 'POST', body: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(`${'a'.repeat(1001)}.pdf`) },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { fields: Array<{ field: string }> } }).error.fields.map((f) => f.field)).toEqual(['X-Filename']);
    expect(await attachments.countDocuments()).toBe(before);
    const ok = await fetch(`${app.baseUrl}/api/attachments`, {
      method: 'POST', body: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      headers: { 'Content-Type': 'application/pdf', 'X-Filename': encodeURIComponent(`${'a'.repeat(990)}.pdf`) },
    });
    expect(ok.status).toBe(201);
  });

  // fetch refuses to send TRACE (a forbidden method), so this goes through node:http.
  it('when TRACE is sent, then it answers 405 naming the allowed methods', async () => {
    const { status, allow } = await new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
      const req = httpRequest(`${app.baseUrl}/api/health`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, allow: res.headers.allow });
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
    expect(allow).toContain('GET');
  });
});
