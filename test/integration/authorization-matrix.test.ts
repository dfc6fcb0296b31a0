/**
 * The role matrix, walked over the live route table: every route added later is covered
 * without touching this file. For each non-public route: nobody → 401; a principal holding only
 * a role the route does not list → 403; a principal holding only a listed role → neither.
 * Path parameters are dummies and bodies `{}`: the role check runs before validation, so an
 * allowed role gets a 404 or 422 instead, never 401/403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../server/app';
import type { Role } from '../../server/http/route';
import { DEPARTMENT_IDS } from '../../domain/departments';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';

const ROLES = ['citizen', 'warden', 'caseworker', 'station', 'designer', 'admin'] as const satisfies readonly Role[];

let app: RunningSystem;
const clients = {} as Record<(typeof ROLES)[number], { client: HttpClient; headers: Record<string, string> }>;

beforeAll(async () => {
  app = await startTestSystem('authorization_matrix');
  for (const role of ROLES.filter((r) => r !== 'citizen')) {
    const account = await createTestAccount(app, { id: `only-${role}`, roles: [role], departments: role === 'caseworker' ? [...DEPARTMENT_IDS] : [] });
    const client = new HttpClient(app.baseUrl);
    const session = await client.signIn(account.id, account.password);
    expect(session.roles).toEqual([role]);
    clients[role] = { client, headers: {} };
  }
  // A real citizen: the portal token of a ticket, opened with its number and access code.
  const recorded = await clients.warden.client.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: 'HA-RM 1', place: 'Rathausstraße 1, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  }, { 'Idempotency-Key': 'matrix-citizen-ticket' });
  expect(recorded.status).toBe(201);
  const opened = await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: recorded.json.accessCode, plate: 'HA-RM 1' });
  expect(opened.status).toBe(200);
  clients.citizen = { client: new HttpClient(app.baseUrl), headers: { Authorization: `Bearer ${opened.json.portalToken}` } };
});
afterAll(async () => {
  await app?.stop();
});

const guarded = routeTable.filter((route) => !route.roles.includes('public'));
const pathOf = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => `dummy-${name}`);
const call = (client: HttpClient, method: string, path: string, headers: Record<string, string> = {}) =>
  client.request(method.toUpperCase(), pathOf(path), method === 'get' ? undefined : {}, { 'Idempotency-Key': `matrix-${Math.random()}`, ...headers });

describe('authorization matrix over the route table', () => {
  it('has guarded routes to walk (the table is read at run time)', () => {
    expect(guarded.length).toBeGreaterThan(10);
    expect(guarded.some((r) => r.path === '/api/staff/accounts')).toBe(true);
  });

  it('when nobody is signed in, then every non-public route answers 401', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const wrong: string[] = [];
    for (const route of guarded) {
      const res = await call(anonymous, route.method, route.path);
      if (res.status !== 401) wrong.push(`${route.method} ${route.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('when a principal holds only the role %s, then routes not listing it answer 403 and routes listing it neither 401 nor 403', async (role) => {
    const { client, headers } = clients[role];
    const wrong: string[] = [];
    for (const route of guarded) {
      // Signing out is public, so it is never walked: the sessions stay valid throughout.
      const res = await call(client, route.method, route.path, headers);
      const allowed = route.roles.includes(role);
      if (allowed ? [401, 403].includes(res.status) : res.status !== 403) {
        wrong.push(`${route.method} ${route.path} (${allowed ? 'allowed' : 'not allowed'}): ${res.status} ${JSON.stringify(res.json?.error?.code)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
