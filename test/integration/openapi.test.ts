/**
 * The OpenAPI document and the served API cannot drift: every /api route express serves is
 * documented, and every documented operation is served (it never answers the catch-all 404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { toOpenApiPath } from '../../server/http/openapi';
import { compile } from '../../domain/json-schema';
import { HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
type Operation = { 'x-roles': string[]; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
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

function documentedRoutes(): string[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
}

describe('OpenAPI 3.1 document', () => {
  it('is OpenAPI 3.1 and documents every route express serves, and nothing else', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(servedApiRoutes().length).toBeGreaterThan(10);
    expect(documentedRoutes()).toEqual(servedApiRoutes());
  });

  it('states roles and responses for every operation', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op['x-roles'].length, `${method} ${path}`).toBeGreaterThan(0);
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
      }
    }
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

  it('when the portal reads the forms, then the answers match their documented schemas (the web app\'s generated types)', async () => {
    const client = new HttpClient(app.baseUrl);
    const matches = async (path: string, documented: string) => {
      const res = await client.request('GET', path);
      expect(res.status, path).toBe(200);
      const schema = doc.paths[documented]!.get!.responses['200']!.content!['application/json']!.schema!;
      const validate = compile({ ...schema, components: doc.components });
      expect(validate(structuredClone(res.json)), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      return res.json;
    };
    const list = (await matches('/api/forms', '/api/forms')) as { items: { id: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    for (const form of list.items) {
      await matches(`/api/forms/${form.id}`, '/api/forms/{formId}');
      await matches(`/api/forms/${form.id}/versions/1`, '/api/forms/{formId}/versions/{version}');
    }
  });
});
