/**
 * Builds the OpenAPI 3.1 document from the route table. Schemas given a name with `named` are
 * listed once under components.schemas and referred to by $ref: the web app's types are
 * generated from this document (scripts/generate-api-types.ts) and carry these names.
 */
import { isLimited } from './in-flight-limit';
import type { RouteSpec } from './route';
import { STAFF_COOKIE } from './authenticate';

const names = new WeakMap<object, string>();
const taken = new Map<string, object>();

/** Gives a schema object its component name (the same object is the same component wherever it is used). */
export function named<T extends object>(name: string, schema: T): T {
  if (taken.has(name) && taken.get(name) !== schema) throw new Error(`OpenAPI component name ${name} is given to two schemas`);
  taken.set(name, schema);
  names.set(schema, name);
  return schema;
}

/** A copy of `schema` with every named schema inside (and itself, unless `root`) replaced by a $ref into `components`. */
function withRefs(schema: unknown, components: Record<string, unknown>, root = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => withRefs(item, components));
  if (!schema || typeof schema !== 'object') return schema;
  const name = root ? undefined : names.get(schema);
  if (name) {
    if (!(name in components)) {
      components[name] = {}; // reserved first: a schema that contains itself ends in a $ref
      components[name] = withRefs(schema, components, true);
    }
    return { $ref: `#/components/schemas/${name}` };
  }
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withRefs(value, components)]));
}

export const fieldError = named('FieldError', { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } });

const errorSchema = named('Error', {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Safe to show; German or English after Accept-Language' },
        fields: { type: 'array', items: fieldError },
        retryAfterSeconds: { type: 'integer' },
        errorId: { type: 'string', description: 'Only on 500 internal: the id under which the server logged the error; the message names it too, for the citizen to quote' },
      },
    },
  },
});

/**
 * Every route that touches the database, Temporal or another outside system answers 503 with
 * Retry-After when that dependency does not answer (within 2 s: the driver's timeouts and the
 * database breaker in system/, `withDeadline` and its breaker in temporal/deadline.ts): that is every
 * route except those given to `dependencyFree`.
 */
const independent = new WeakSet<RouteSpec>();
export function dependencyFree(route: RouteSpec): RouteSpec {
  independent.add(route);
  return route;
}

const unavailable = {
  description: 'A dependency (database, Temporal, an outside system) did not answer within 2 s. Retry after the seconds in Retry-After (a request with an Idempotency-Key: with the same key).',
  headers: { 'Retry-After': { required: true, description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 1 } } },
};

/** The routes under the in-flight limit (server/http/in-flight-limit.ts) can also be refused for overload. */
const overloadedNote = 'Code overloaded: too many changes are in flight on this server; the request waited briefly for a slot and did nothing (no case started, nothing changed), so its retry (with the same Idempotency-Key) is safe.';

export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function buildOpenApi(routes: RouteSpec[], serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  for (const route of routes) {
    const path = toOpenApiPath(route.path);
    const parameters = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = route.query as { properties?: Record<string, object>; required?: string[] } | undefined;
    for (const [name, schema] of Object.entries(query?.properties ?? {})) {
      parameters.push({ name, in: 'query', required: Boolean(query?.required?.includes(name)), schema: withRefs(schema, schemas) } as never);
    }
    for (const header of route.headers ?? []) {
      parameters.push({ name: header.name, in: 'header', required: header.required, description: header.description, schema: header.schema } as never);
    }
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      const isError = Number(status) >= 400;
      const schema = withRefs(spec.schema ?? (isError ? errorSchema : undefined), schemas);
      responses[status] = {
        description: spec.description,
        ...(schema || spec.contentType ? { content: { [spec.contentType ?? 'application/json']: schema ? { schema } : {} } } : {}),
      };
    }
    // The route table's role check answers every route that is not public: 401 without a
    // sign-in (or token), 403 for a caller without a role the route allows (staff on a citizen's route).
    if (!route.roles.includes('public')) {
      const error = { content: { 'application/json': { schema: withRefs(errorSchema, schemas) } } };
      responses[401] ??= { description: 'Not signed in, or the token is not valid (any more)', ...error };
      responses[403] ??= { description: 'Signed in without a role this route allows', ...error };
    }
    if (!independent.has(route) && !(503 in responses)) {
      responses[503] = { ...unavailable, content: { 'application/json': { schema: withRefs(errorSchema, schemas) } } };
    }
    if (isLimited(route)) {
      const documented = (responses[503] ?? unavailable) as { description: string };
      responses[503] = { ...unavailable, ...documented, description: `${documented.description} ${overloadedNote}`,
        content: { 'application/json': { schema: withRefs(errorSchema, schemas) } } };
    }
    const security = route.roles.includes('public') ? [] : route.roles.includes('citizen') ? [{ portalToken: [] }] : [{ staffSession: [] }];
    const staffOnly = !route.roles.includes('public') && !route.roles.includes('citizen');
    if (staffOnly && route.method !== 'get' && !route.csrfNotNeeded) {
      parameters.push({ name: 'X-CSRF-Token', in: 'header', required: true, description: 'The csrfToken of the staff session (GET /api/staff/session); without it 403 csrf_failed', schema: { type: 'string' } } as never);
    }
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: route.tags,
      'x-roles': route.roles,
      security,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: withRefs(route.body, schemas) } } } } : {}),
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
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}
