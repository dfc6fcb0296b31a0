/** Builds the OpenAPI 3.1 document from the route table. */
import type { RouteSpec } from './route';
import { STAFF_COOKIE } from './authenticate';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Safe to show; German or English after Accept-Language' },
        fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        retryAfterSeconds: { type: 'integer' },
      },
    },
  },
};

export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function buildOpenApi(routes: RouteSpec[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const parameters = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = route.query as { properties?: Record<string, object>; required?: string[] } | undefined;
    for (const [name, schema] of Object.entries(query?.properties ?? {})) {
      parameters.push({ name, in: 'query', required: Boolean(query?.required?.includes(name)), schema } as never);
    }
    for (const header of route.headers ?? []) {
      parameters.push({ name: header.name, in: 'header', required: header.required, description: header.description, schema: header.schema } as never);
    }
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const isError = Number(status) >= 400;
      const schema = spec.schema ?? (isError ? errorSchema : undefined);
      responses[status] = {
        description: spec.description,
        ...(schema || spec.contentType ? { content: { [spec.contentType ?? 'application/json']: schema ? { schema } : {} } } : {}),
      };
    }
    const security = route.roles.includes('public') ? [] : route.roles.includes('citizen') ? [{ portalToken: [] }] : [{ staffSession: [] }];
    const staffOnly = !route.roles.includes('public') && !route.roles.includes('citizen');
    if (staffOnly && route.method !== 'get') {
      parameters.push({ name: 'X-CSRF-Token', in: 'header', required: true, description: 'The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed', schema: { type: 'string' } } as never);
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tags,
      'x-roles': route.roles,
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
      ...(route.rawBody ? { requestBody: { required: true, content: Object.fromEntries(route.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary', maxLength: route.rawBody!.limitBytes } }])) } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'amtsweg API', version: '0.1.0', description: 'Citizen services of the City of Hagen as durable workflows.' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: STAFF_COOKIE, description: 'Set by POST /api/staff/session (user name and password); changes also need the X-CSRF-Token header' },
        portalToken: { type: 'http', scheme: 'bearer', description: 'From POST /api/parking-tickets/access' },
      },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
