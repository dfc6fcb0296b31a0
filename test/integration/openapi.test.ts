/**
 * The OpenAPI document and the served API cannot drift: every /api route express serves is
 * documented, and every documented operation is served (it never answers the catch-all 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { toOpenApiPath } from '../../server/http/openapi';
import { compile } from '../../domain/json-schema';
import { HttpClient, startTestSystem, TEST_STAFF } from '../support/system';

let app: RunningSystem;
type Operation = { 'x-roles': string[]; 'x-embedded-only'?: boolean; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };

beforeAll(async () => {
  app = await startTestSystem('http_openapi');
  doc = (await new HttpClient(app.baseUrl).request('GET', '/api/openapi.json')).json;
});
afterAll(async () => {
  await app?.stop();
});

/** The routes express actually has, read from its router (not from our route table). */
function servedApiRoutes(): string[] {
  const router = (app.server.listeners('request')[0] as unknown as { router: { stack: { route?: { path: unknown; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .filter((layer) => typeof layer.route?.path === 'string' && layer.route.path.startsWith('/api/'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${toOpenApiPath(layer.route!.path as string)}`))
    .sort();
}

/** The API's own routes; the sandboxes' (x-embedded-only, under /sandbox/) are checked in 'marks the embedded-only routes'. */
function documentedRoutes(): string[] {
  return Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
}

describe('OpenAPI 3.1 document', () => {
  it('is OpenAPI 3.1 and documents every route express serves, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(servedApiRoutes().length).toBeGreaterThan(10);
    expect(documentedRoutes()).toEqual(servedApiRoutes());
  });

  it('marks the embedded-only routes: every /sandbox/ operation has x-embedded-only and says so, no /api/ operation has it', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));
    const sandbox = ops.filter((o) => o.path.startsWith('/sandbox/'));
    expect(sandbox.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toContain('PUT /sandbox/vehicle-registry/api/holders/{plate}');
    for (const { path, method, op } of sandbox) {
      expect(op['x-embedded-only'], `${method} ${path}`).toBe(true);
      expect((op as { description?: string }).description, `${method} ${path}`).toContain('only in embedded mode');
    }
    for (const { path, method, op } of ops.filter((o) => o.path.startsWith('/api/'))) expect(op['x-embedded-only'], `${method} ${path}`).toBeUndefined();
  });

  it('states roles and responses for every operation', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op['x-roles'].length, `${method} ${path}`).toBeGreaterThan(0);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
  });

  it('asks for X-CSRF-Token on every staff change except the codec decode the Temporal UI sends without one', () => {
    const paths = doc.paths as unknown as Record<string, Record<string, { parameters?: { name: string }[] }>>;
    const csrf = (path: string, method: string) => (paths[path]?.[method]?.parameters ?? []).some((p) => p.name === 'X-CSRF-Token');
    expect(csrf('/api/temporal-codec/decode', 'post')).toBe(false);
    expect(csrf('/api/tasks/{taskId}/decision', 'post')).toBe(true);
  });

  it('every documented operation exists on the server (no catch-all 404)', async () => {
    const client = new HttpClient(app.baseUrl);
    for (const entry of documentedRoutes()) {
      const [method, path] = entry.split(' ') as [string, string];
      const concrete = path.replace(/\{[^}]+\}/g, 'X');
      const res = await client.request(method, concrete, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(res.json?.error?.message ?? '', entry).not.toBe('Diese Schnittstelle gibt es nicht.');
      expect(res.status, entry).toBeLessThan(500);
    }
  });

  it('every $ref names a component, and every component is used', () => {
    const text = JSON.stringify(doc.paths);
    const refs = new Set([...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]));
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name as string);
    for (const name of Object.keys(doc.components.schemas)) expect(refs.has(name) || text.includes(name), name).toBe(true);
  });

  /** Calls the API and checks the answer against the schema the OpenAPI document gives for its status. */
  async function matches(client: HttpClient, method: string, path: string, documented: string, body?: unknown, headers?: Record<string, string>) {
    const res = await client.request(method, path, body, headers);
    const spec = doc.paths[documented]?.[method.toLowerCase()]?.responses[String(res.status)];
    expect(spec, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.json)}`).toBeDefined();
    const schema = spec!.content!['application/json']!.schema!;
    const validate = compile({ ...schema, components: doc.components });
    expect(validate(structuredClone(res.json)), `${method} ${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    return res.json;
  }

  it('when the portal reads the forms, then the answers match their documented schemas (the web app\'s generated types)', async () => {
    const client = new HttpClient(app.baseUrl);
    const list = (await matches(client, 'GET', '/api/forms', '/api/forms')) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    for (const form of list.items) {
      await matches(client, 'GET', `/api/forms/${form.id}`, '/api/forms/{formId}');
      await matches(client, 'GET', `/api/forms/${form.id}/versions/1`, '/api/forms/{formId}/versions/{version}');
    }
  });

  it('when a warden records a ticket and the person opens it, then every answer matches its documented schema', async () => {
    const staff = new HttpClient(app.baseUrl);
    await matches(staff, 'POST', '/api/staff/session', '/api/staff/session', { userName: TEST_STAFF.id, password: TEST_STAFF.password });
    await staff.signInStaff();
    const body = { offenceCode: '112454', plate: 'HA-OA 1', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() };
    const recorded = await matches(staff, 'POST', '/api/parking-tickets', '/api/parking-tickets', body, { 'Idempotency-Key': 'openapi-contract-1' });
    await matches(staff, 'GET', '/api/parking-tickets', '/api/parking-tickets');
    await matches(staff, 'GET', `/api/parking-tickets/${recorded.ticketNumber}`, '/api/parking-tickets/{ticketNumber}');
    await matches(staff, 'GET', '/api/outbox', '/api/outbox');
    await matches(staff, 'GET', '/api/tasks?queue=department', '/api/tasks');
    await matches(staff, 'GET', '/api/staff/accounts', '/api/staff/accounts');
    await matches(staff, 'GET', `/api/staff/cases/${recorded.ticketNumber}`, '/api/staff/cases/{caseNumber}');
    await matches(staff, 'GET', '/api/dog-tax/cases', '/api/dog-tax/cases');

    const citizen = new HttpClient(app.baseUrl);
    const access = await matches(citizen, 'POST', '/api/parking-tickets/access', '/api/parking-tickets/access', { code: recorded.accessCode, plate: body.plate });
    await matches(citizen, 'GET', '/api/parking-tickets/current', '/api/parking-tickets/current', undefined, { Authorization: `Bearer ${access.portalToken}` });
    await matches(citizen, 'POST', '/api/parking-tickets/current/checkout', '/api/parking-tickets/current/checkout', { method: 'card' }, { Authorization: `Bearer ${access.portalToken}` });
  });
});
