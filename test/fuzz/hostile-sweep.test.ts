/**
 * The hostile-input sweep (issue 10, "Proof suites"): the named attacks, generated from the
 * OpenAPI document for every operation (every path × method, each sent by the caller that
 * reaches it, as in openapi-fuzz.test.ts), never left to chance:
 *
 * - operations with a JSON body, on a valid body of their own (so the hostile part is the only
 *   thing wrong): syntactically broken JSON; a body of the wrong type (array, string, number,
 *   null); each top-level property replaced by `{"$gt": ""}`, by a 100,000-character string and
 *   by a value of the wrong type; `__proto__` and `constructor: {prototype: …}` keys, beside the
 *   body's fields and holding them; nesting one level deeper than MAX_JSON_DEPTH
 *   (server/http/json-depth.ts), in a property and as the whole body, and 10,000 levels of arrays;
 *   hostile values of the headers the operation documents (Idempotency-Key, Form-Version, …);
 * - every path parameter (plausible values otherwise: the recorded ticket, a real task, the
 *   designer's form …) replaced by `{"$gt":""}`, a 10,000-character string and `__proto__`
 *   (URL-encoded; 10,000, not 100,000: Node refuses a request line beyond its 16 KB header limit
 *   with 431 before the app sees it);
 * - every documented query parameter replaced by `{"$gt":""}`, a 10,000-character string and a
 *   repeated parameter (an array), and the query-string forms of operator and prototype keys
 *   (`status[$gt]=`, `__proto__[polluted]=`, `constructor[prototype][polluted]=`); on a GET
 *   that documents no query parameter, all of them at once (they are ignored there), and on
 *   the payment webhook, which has no other input (unsigned: refused whatever comes with it);
 * - on every operation behind authentication, hostile credentials in place of the caller's:
 *   a portal/sandbox Bearer token and a staff session cookie of `{"$gt":""}`, 10,000 characters
 *   and `__proto__`, and a hostile CSRF token beside the real cookie on a change.
 *
 * Every answer: never a 5xx; a status the operation documents; an error answer in JSON matches
 * the documented error schema (or `{ error: { code, message } }` where the document names none:
 * the sandboxes).
 *
 * Accepted or refused? Each request is judged before it is sent. "Certainly invalid" — the
 * document's own schema refuses it (ajv, with the `$ref`s resolved), or it is broken JSON, nests
 * deeper than the server's limit, carries a hostile credential, or a hostile path parameter (no
 * id of this API contains `{`, `"` or `$`, is 10,000 characters long or is `__proto__`; the
 * designer's check, which names a form that need not exist yet, excepted) — must be refused
 * (4xx): run 1. Bodies the document leaves open are judged by what checks them: a form
 * submission by the form's schema (GET /api/forms/{formId}), a task decision by the task's
 * decisionSchema, the sandboxes' bodies by their own validators. What the document allows after
 * all (an operator-shaped object in a free-form member such as a draft's data or a designer's
 * uiSchema, `__proto__` as an Idempotency-Key or a file name, unknown query parameters on a GET
 * that has none, a cursor of `{"$gt":""}`) may be accepted: run 2.
 *
 * Run 1 is the proof that refused requests store nothing: every request of it must be refused,
 * and afterwards no collection differs (a hash of every document; counters of refused attempts
 * in BOOKKEEPING of fuzz-support.ts left out, each with its reason), no write with an effect was
 * made — during a request or between requests (fuzz-support.ts, WriteLog) — no workflow was
 * started and MailDev received nothing. Run 2: every refused request wrote nothing while it was
 * handled and started no workflow, nor did an accepted one to an operation that changes nothing
 * (the designer's check, the codec, the registry search); what was accepted is printed by kind.
 * Printed: `[fuzz] hostile sweep: N requests over M operations, F failures`.
 */
import { randomUUID } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../domain/json-schema';
import { MAX_JSON_DEPTH } from '../../server/http/json-depth';
import { validateCheckoutRequest } from '../../sandboxes/payments/validate-checkout-request';
import { validateHolder } from '../../sandboxes/vehicle-registry/validate-holder';
import { checkQuery, checkResident } from '../../sandboxes/resident-registry/validate-resident';
import { TEST_STAFF } from '../support/system';
import { eventually } from '../support/eventually';
import {
  atRest, callerOf, pauseHousekeeping, describeWindow, describeWrite, differences, isExcluded, snapshot, startFuzzSystem, WriteLog,
  type Caller, type FuzzSystem, type Operation,
} from './fuzz-support';

let fz: FuzzSystem;
/** What the plausible requests name: a real task and its decision schema, a sandbox checkout, the form. */
const fx = {} as {
  taskId: string;
  decisionSchema: object;
  checkoutId: string;
  form: { id: string; version: number; procedure: string; action: object; audience: string; schema: object; uiSchema: object; texts: object };
};

beforeAll(async () => {
  fz = await startFuzzSystem('fuzz_hostile');
  const { app, staff } = fz;
  // A second ticket with a withdrawal request: its task is real, so the task routes get past their scope check to the body.
  const second = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: 'HA-FZ 2', place: 'Elberfelder Straße 14, Hagen', observedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  }, { 'Idempotency-Key': `fuzz-hostile-ticket-${app.taskQueue}` });
  expect(second.status).toBe(201);
  expect((await staff.request('POST', `/api/parking-tickets/${second.json.ticketNumber}/withdrawal-requests`, { reason: 'Kennzeichen falsch abgelesen' })).status).toBe(202);
  const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: second.json.ticketNumber }).lean())!;
  fx.taskId = `${workflowId}~withdrawal-1`;
  const task = await eventually(async () => {
    const res = await staff.request('GET', `/api/tasks/${encodeURIComponent(fx.taskId)}`);
    return res.status === 200 && res.json;
  }, 'the withdrawal task', { tries: 300 });
  fx.decisionSchema = task.decisionSchema;
  const form = (await staff.request('GET', '/api/forms/dog-tax-registration')).json;
  fx.form = { id: form.id, version: form.version, procedure: form.procedure, action: form.action, audience: form.audience, schema: form.schema, uiSchema: form.uiSchema, texts: form.texts };
  const checkout = await fetch(`${app.baseUrl}/sandbox/payments/api/checkouts`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...fz.callers.sandbox },
    body: JSON.stringify(checkoutBody('fuzz-hostile-fixture')),
  });
  expect(checkout.status).toBe(201);
  fx.checkoutId = ((await checkout.json()) as { id: string }).id;
  // The system stops after this file: the schedules stay paused with it.
  await pauseHousekeeping(app);
});
afterAll(async () => {
  await fz?.app.stop();
});

function checkoutBody(key: string) {
  const base = fz.app.system.config.publicBaseUrl;
  return { idempotencyKey: key, amountCents: 2000, currency: 'EUR', reference: 'RF18000000000000000000001', description: 'Verwarnungsgeld', returnUrl: `${base}/ticket`, webhookUrl: `${base}/api/payments/webhook` };
}

const person = { givenName: 'Erika', familyName: 'Mustermann', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen' };
const token = 'fuzz-token-0123456789abcdef';

/** A valid body for every operation that takes JSON: the hostile variants change one thing of it. */
function validBody(label: string): Record<string, unknown> | undefined {
  const bodies: Record<string, () => Record<string, unknown>> = {
    'POST /api/parking-tickets': () => ({ offenceCode: '112454', plate: 'HA-FZ 3', place: 'Elberfelder Straße 16, Hagen', observedAt: new Date(Date.now() - 5 * 60_000).toISOString() }),
    'POST /api/staff/session': () => ({ userName: fz.other.id, password: fz.other.password }),
    'POST /api/staff/password': () => ({ currentPassword: TEST_STAFF.password, newPassword: 'fuzz-new-password-0123456789' }),
    'POST /api/staff/second-factor': () => ({ code: '123456' }),
    'POST /api/parking-tickets/access': () => ({ code: fz.ticket.accessCode, plate: fz.ticket.plate }),
    'POST /api/parking-tickets/answer-link': () => ({ ticketNumber: fz.ticket.ticketNumber, token }),
    'POST /api/staff/accounts': () => ({ id: 'fuzznew', displayName: 'Fuzz Neu', email: 'fuzznew@hagen.example', roles: ['warden'], departments: [], leadOf: [] }),
    'PUT /api/staff/accounts/{id}': () => ({ displayName: 'Fuzz Other', email: 'fuzz-other@hagen.example', roles: ['caseworker'], departments: ['traffic'], leadOf: [], disabled: false }),
    'POST /api/temporal-codec/decode': () => ({ payloads: [{ metadata: { encoding: btoa('json/plain') }, data: btoa('"x"') }] }),
    'POST /api/parking-tickets/current/letter-code': () => ({ code: 'ABCD-EFGH-1234' }),
    'POST /api/parking-tickets/current/checkout': () => ({ method: 'card', email: 'zahler@example.org' }),
    'POST /api/parking-tickets/current/confirm-payment': () => ({ checkoutId: 'co_fuzz_0001' }),
    'POST /api/fine-proceedings/current/hearing-answer': () => ({ person, facts: 'denies', reasons: 'Ich war verreist.' }),
    'POST /api/parking-tickets/current/objection': () => ({ reason: 'Mein Bewohnerparkausweis lag aus.' }),
    // Complete (procedure, action, audience named): under another form id, too, it is a publishable draft.
    'POST /api/forms/{formId}/versions': () => ({ procedure: fx.form.procedure, action: fx.form.action, audience: fx.form.audience, schema: fx.form.schema, uiSchema: fx.form.uiSchema, texts: fx.form.texts, note: 'fuzz' }),
    'POST /api/forms/{formId}/check': () => ({ procedure: fx.form.procedure, action: fx.form.action, audience: fx.form.audience, schema: fx.form.schema, uiSchema: fx.form.uiSchema, texts: fx.form.texts }),
    'POST /api/forms/{formId}/submissions': () => ({
      holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'halter@example.org' },
      dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14',
    }),
    'POST /api/cases/{caseNumber}/status': () => ({ token }),
    'POST /api/cases/{caseNumber}/status-link': () => ({ token }),
    'POST /api/cases/{caseNumber}/documents/{documentId}': () => ({ token }),
    'POST /api/forms/{formId}/drafts': () => ({ formVersion: fx.form.version, email: 'entwurf@example.org', data: { holder: { familyName: 'Entwurf' } } }),
    'POST /api/forms/{formId}/drafts/{draftId}/open': () => ({ token }),
    'POST /api/forms/{formId}/drafts/{draftId}/delete': () => ({ token, reason: 'discarded' }),
    'POST /api/forms/{formId}/versions/{version}/restore': () => ({ note: 'fuzz' }),
    'POST /api/parking-tickets/{ticketNumber}/withdrawal-requests': () => ({ reason: 'Fehlerhaft erfasst' }),
    'POST /api/tasks/{taskId}/reassign': () => ({ to: fz.other.id }),
    'POST /api/tasks/{taskId}/decision': () => ({ decision: { outcome: 'keep', reason: 'Kein Ausweis auf dem Foto' } }),
    'POST /sandbox/payments/api/checkouts': () => checkoutBody('fuzz-hostile-checkout'),
    'POST /sandbox/payments/api/checkouts/{id}/refund': () => ({ reason: 'Doppelt bezahlt' }),
    'PUT /sandbox/vehicle-registry/api/holders/{plate}': () => ({ holderKind: 'person', name: 'Erika Mustermann', street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen' }),
    'POST /sandbox/resident-registry/api/residents/search': () => ({ familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095' }),
    'PUT /sandbox/resident-registry/api/residents/{residentId}': () => ({ familyName: 'Mustermann', givenNames: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095', city: 'Hagen' }),
  };
  return bodies[label]?.();
}

/** A plausible value for each path parameter: what exists (or could), so the hostile part is what is wrong. */
function pathValue(path: string, name: string): string {
  if (name === 'id' && path.startsWith('/api/staff/accounts')) return fz.other.id;
  if (name === 'id' && path.startsWith('/api/outbox')) return '000000000000000000000000';
  if (name === 'id' && path.startsWith('/sandbox/payments')) return fx.checkoutId;
  const values: Record<string, string> = {
    caseNumber: fz.ticket.ticketNumber, ticketNumber: fz.ticket.ticketNumber, taskId: fx.taskId, formId: fx.form.id, version: '1',
    documentId: `notice-card-${fz.ticket.ticketNumber}`, draftId: '3f0c8a52-2d4e-4c55-9a53-6f1f1b0e7a11', plate: 'HA-FZ 9', residentId: 'fuzz-resident-1',
  };
  const value = values[name];
  if (value === undefined) throw new Error(`no plausible value for the path parameter ${name} of ${path}`);
  return value;
}

/** Bodies the document leaves open are judged by what checks them (see the file's comment). */
function effectiveJudge(label: string): ((body: unknown) => boolean) | undefined {
  const judges: Record<string, (body: unknown) => boolean> = {
    'POST /api/forms/{formId}/submissions': (body) => valid(fx.form.schema, body),
    'POST /api/tasks/{taskId}/decision': (body) => valid({ type: 'object', required: ['decision'], additionalProperties: false, properties: { decision: fx.decisionSchema } }, body),
    'POST /sandbox/payments/api/checkouts': (body) => validateCheckoutRequest(body).ok,
    // The refund's body is optional; a reason that is not a string is replaced by "refund" (sandboxes/payments/refund-routes.ts).
    'POST /sandbox/payments/api/checkouts/{id}/refund': (body) => typeof body === 'object' && body !== null && !Array.isArray(body),
    'PUT /sandbox/vehicle-registry/api/holders/{plate}': (body) => validateHolder(body).ok,
    'POST /sandbox/resident-registry/api/residents/search': (body) => checkQuery(body).ok,
    'PUT /sandbox/resident-registry/api/residents/{residentId}': (body) => checkResident(body).ok,
  };
  return judges[label];
}

/** `schema` with every `$ref` into the document's components replaced by the component. */
function deref(schema: unknown, seen: string[] = []): any {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    if (seen.includes(name)) return {};
    return deref(fz.doc.components.schemas[name], [...seen, name]);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, deref(v, seen)]));
}

const derefCache = new WeakMap<object, object>();
function valid(schema: object, data: unknown): boolean {
  let resolved = derefCache.get(schema);
  if (!resolved) derefCache.set(schema, (resolved = deref(schema)));
  // ajv fills in defaults: judge a copy.
  return compile(resolved!)(data === undefined ? undefined : structuredClone(data)) as boolean;
}

const OPERATOR = '{"$gt": ""}';
const HUGE_BODY_STRING = 'A'.repeat(100_000);
const HUGE_URL_STRING = 'A'.repeat(10_000);
const nestedObjects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const nestedArrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

type Run = 1 | 2;
interface Probe {
  label: string; method: string; path: string; caller: Caller; what: string; run: Run;
  url: string; headers: Record<string, string>; body?: string | Uint8Array;
}

/** A wrong value for a property's schema (without one: for the type of its valid value): a type it does not allow. */
function wrongType(schema: any, value: unknown): unknown {
  const jsType = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value;
  const types = new Set<string>([schema?.type ?? jsType].flat());
  if (types.has('string') || types.size === 0) return 12345;
  if (types.has('integer') || types.has('number')) return 'zwölf';
  if (types.has('boolean')) return 'ja';
  if (types.has('array')) return { not: 'an array' };
  return ['not', 'an object'];
}

/** The JSON text of `body` with the member `key` replaced by raw JSON text. */
function withRaw(body: Record<string, unknown>, key: string, raw: string): string {
  const marker = `__HOSTILE_${randomUUID()}__`;
  return JSON.stringify({ ...body, [key]: marker }).replace(JSON.stringify(marker), raw);
}

function idempotencyKey(): string {
  return `fuzz-hostile-${randomUUID()}`;
}

/** Every hostile request for one operation. */
function probesFor(path: string, method: string, op: Operation): Probe[] {
  const label = `${method.toUpperCase()} ${path}`;
  const roles = op['x-roles'] ?? [];
  const caller = callerOf(path, roles);
  const isPublic = roles.includes('public');
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const headerParams = params.filter((p) => p.in === 'header' && p.name !== 'X-CSRF-Token');
  const jsonSchema = op.requestBody?.content['application/json']?.schema;
  const rawBody = op.requestBody && !jsonSchema;
  const base = jsonSchema ? validBody(label) : undefined;
  if (jsonSchema && !base) throw new Error(`no valid body written for ${label}: add one to validBody`);
  const judge = effectiveJudge(label) ?? ((body: unknown) => (jsonSchema ? valid(jsonSchema, body) : true));
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('\0\0\0\rIHDR fuzz')]);

  const urlOf = (values: Record<string, string> = {}, query = '') => {
    let url = path;
    for (const p of pathParams) url = url.replace(`{${p.name}}`, encodeURIComponent(values[p.name] ?? pathValue(path, p.name)));
    return `${url}${query ? `?${query}` : ''}`;
  };
  const headersOf = (extra: Record<string, string> = {}, credentials = fz.callers[caller]) => {
    const h: Record<string, string> = { 'Accept-Language': 'en', ...credentials };
    for (const p of headerParams) if (p.name === 'Idempotency-Key') h[p.name] = idempotencyKey();
    if (jsonSchema) h['Content-Type'] = 'application/json';
    if (rawBody) { h['Content-Type'] = 'image/png'; h['X-Filename'] = 'beweis.png'; }
    return { ...h, ...extra };
  };
  const baseText = base ? JSON.stringify(base) : undefined;
  const baseBody = rawBody ? png : baseText;
  const probes: Probe[] = [];
  const add = (what: string, run: Run, p: Partial<Probe> = {}) =>
    probes.push({ label, method: method.toUpperCase(), path, caller, what, run, url: urlOf(), headers: headersOf(), body: baseBody, ...p });
  /** Run 1 unless the body, parsed, is valid for the operation. */
  const bodyRun = (text: string): Run => {
    let parsed: unknown;
    try { parsed = JSON.parse(text); } catch { return 1; }
    return judge(parsed) ? 2 : 1;
  };

  if (base && baseText) {
    // Syntactically broken JSON.
    add('broken JSON: cut off', 1, { body: baseText.slice(0, -1) });
    add('broken JSON: trailing comma', 1, { body: `${baseText.slice(0, -1)},}` });
    add('broken JSON: single quotes', 1, { body: baseText.replaceAll('"', "'") });
    add('broken JSON: unquoted keys', 1, { body: baseText.replace(/"([A-Za-z]+)":/g, '$1:') });
    add('broken JSON: bad escape', 1, { body: `${baseText.slice(0, -1)}, "x": "\\q"}` });
    // A body of the wrong type.
    for (const [what, text] of [['array', `[${baseText}]`], ['string', JSON.stringify(baseText)], ['number', '42'], ['null', 'null']] as const) add(`body is ${what}`, bodyRun(text), { body: text });
    // Each top-level property replaced.
    const properties = Object.keys(deref(jsonSchema).properties ?? base);
    for (const key of properties) {
      const propSchema = deref(jsonSchema).properties?.[key];
      for (const [what, raw] of [['{"$gt": ""}', OPERATOR], ['100,000 characters', JSON.stringify(HUGE_BODY_STRING)], ['a wrong type', JSON.stringify(wrongType(propSchema, base[key]))]] as const) {
        const text = withRaw(base, key, raw);
        add(`${key} = ${what}`, bodyRun(text), { body: text });
      }
    }
    // Prototype-pollution keys (raw text: JSON.stringify would drop __proto__).
    const fields = baseText.slice(1, -1);
    const sep = fields ? ', ' : '';
    for (const [what, text] of [
      ['the fields only under "__proto__"', `{"__proto__": {${fields}${sep}"polluted": "yes"}}`],
      ['"__proto__" beside the fields', `{${fields}${sep}"__proto__": {"polluted": "yes"}}`],
      ['"constructor": {"prototype"} beside the fields', `{${fields}${sep}"constructor": {"prototype": {"polluted": "yes"}}}`],
      ['the fields only under "constructor"."prototype"', `{"constructor": {"prototype": {${fields}${sep}"polluted": "yes"}}}`],
    ] as const) add(what, bodyRun(text), { body: text });
    // Nested deeper than the server's limit: refused by the limit whatever the schema says.
    const first = properties[0] ?? 'a';
    add(`${first} nested ${MAX_JSON_DEPTH + 1} levels deep`, 1, { body: withRaw(base, first, nestedObjects(MAX_JSON_DEPTH)) });
    add(`body nested ${MAX_JSON_DEPTH + 1} levels deep`, 1, { body: nestedObjects(MAX_JSON_DEPTH + 1) });
    add('body of 10,000 nested arrays', 1, { body: nestedArrays(10_000) });
  }
  if (rawBody) {
    // An upload takes bytes; JSON text is none of the file types it accepts.
    for (const [what, text] of [['{"$gt": ""}', OPERATOR], ['broken JSON', '{"$gt": '], ['"__proto__"', '{"__proto__": {"polluted": "yes"}}'], ['10,000 nested arrays', nestedArrays(10_000)]] as const) {
      add(`JSON upload: ${what}`, 1, { headers: headersOf({ 'Content-Type': 'application/json' }), body: text });
    }
  }
  // Documented headers.
  for (const p of headerParams) {
    for (const [what, value] of [['{"$gt":""}', '{"$gt":""}'], ['10,000 characters', HUGE_URL_STRING], ['__proto__', '__proto__']] as const) {
      add(`header ${p.name} = ${what}`, valid(p.schema ?? {}, value) ? 2 : 1, { headers: headersOf({ [p.name]: value }) });
    }
  }
  // Path parameters: no id of this API looks like these. The designer's check names a form that
  // need not exist yet (the first draft of a new one) and publishes nothing: run 2, where it must store nothing.
  for (const p of pathParams) {
    for (const [what, value] of [['{"$gt":""}', '{"$gt":""}'], ['10,000 characters', HUGE_URL_STRING], ['__proto__', '__proto__']] as const) {
      add(`path ${p.name} = ${what}`, label === 'POST /api/forms/{formId}/check' ? 2 : 1, { url: urlOf({ [p.name]: value }) });
    }
  }
  // Query parameters: the app's query schemas are closed (an unknown parameter is 422).
  if (queryParams.length) {
    const closed = { type: 'object', additionalProperties: false, properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])) };
    const queryRun = (query: string): Run => (valid(closed, { ...parseQuery(query) }) ? 2 : 1);
    for (const p of queryParams) {
      for (const [what, query] of [
        ['{"$gt":""}', `${p.name}=${encodeURIComponent('{"$gt":""}')}`],
        ['10,000 characters', `${p.name}=${HUGE_URL_STRING}`],
        ['repeated (an array)', `${p.name}=a&${p.name}=b`],
      ] as const) add(`query ${p.name} = ${what}`, queryRun(query), { url: urlOf({}, query) });
    }
    const first = queryParams[0]!.name;
    for (const [what, query] of [
      [`${first}[$gt]=`, `${first}[$gt]=`],
      ['__proto__[polluted]=yes', '__proto__[polluted]=yes'],
      ['__proto__=x', '__proto__=x'],
      ['constructor[prototype][polluted]=yes', 'constructor[prototype][polluted]=yes'],
    ] as const) add(`query ${what}`, queryRun(query), { url: urlOf({}, query) });
  } else if (method === 'get' || label === 'POST /api/payments/webhook') {
    // Nothing documented, nothing read: a GET answers as without them (run 2); the webhook, unsigned, is refused whatever comes with it.
    const run: Run = method === 'get' ? 2 : 1;
    add('undocumented query: operators and prototype keys', run, { url: urlOf({}, `q=${encodeURIComponent('{"$gt":""}')}&x[$gt]=&__proto__[polluted]=yes&constructor[prototype][polluted]=yes`) });
    add('undocumented query: 10,000 characters', run, { url: urlOf({}, `q=${HUGE_URL_STRING}`) });
  }
  // Hostile credentials instead of the caller's.
  if (!isPublic) {
    for (const [what, value] of [['{"$gt":""}', '{"$gt":""}'], ['10,000 characters', HUGE_URL_STRING], ['__proto__', '__proto__']] as const) {
      add(`Bearer token ${what}`, 1, { headers: headersOf({}, { Authorization: `Bearer ${value}` }) });
      // (The CSRF token stays short: with both at 10,000 characters Node refuses the headers, 431, before the app sees them.)
      add(`staff cookie ${what}`, 1, { headers: headersOf({}, { Cookie: `__proto__=x; amtsweg_staff=${value}`, 'X-CSRF-Token': value.slice(0, 100) }) });
    }
    // The codec route needs no CSRF token (csrfNotNeeded: the Temporal UI cannot send one; it changes nothing) and the
    // document asks for none there: a hostile one is ignored, so it may be accepted (run 2).
    if (caller === 'staff' && method !== 'get') add('CSRF token {"$gt":""} beside the session cookie', label === 'POST /api/temporal-codec/decode' ? 2 : 1, { headers: headersOf({ 'X-CSRF-Token': '{"$gt":""}' }) });
  }
  return probes;
}

interface Outcome { probe: Probe; status: number; contentType: string; text: string; failure?: string; seconds: number }

async function send(probe: Probe): Promise<Outcome> {
  const t0 = performance.now();
  try {
    for (let attempt = 1; ; attempt += 1) {
      const res = await fetch(`${fz.app.baseUrl}${probe.url}`, {
        method: probe.method, headers: probe.headers, redirect: 'manual', signal: AbortSignal.timeout(30_000),
        body: probe.method === 'GET' || probe.body === undefined ? undefined : typeof probe.body === 'string' ? probe.body : Buffer.from(probe.body),
      });
      const text = await res.text();
      // A 503 with Retry-After says "busy, ask again" (a loaded machine, a slow Temporal call): asked again as
      // told, twice; a hostile input that keeps answering 503 is still a failure.
      const retryAfter = Number(res.headers.get('retry-after'));
      if (res.status === 503 && retryAfter > 0 && attempt < 3) { await new Promise((r) => setTimeout(r, Math.min(retryAfter, 3) * 1000)); continue; }
      return { probe, status: res.status, contentType: res.headers.get('content-type') ?? '', text, seconds: (performance.now() - t0) / 1000 };
    }
  } catch (error) {
    // No answer at all (connection closed, 30 s passed): status 0, a failure like a 5xx.
    return { probe, status: 0, contentType: '', text: String(error), seconds: (performance.now() - t0) / 1000 };
  }
}

/** Operations that change nothing, accepted or not: the designer's check, the codec, the registry search. */
const READ_ONLY = [/^\/api\/forms\/[^/]+\/check(\?|$)/, /^\/api\/temporal-codec\/decode(\?|$)/, /^\/sandbox\/resident-registry\/api\/residents\/search(\?|$)/];

const GENERIC_ERROR = { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } };

/** Why an answer is wrong, or undefined. */
function judgeAnswer(op: Operation, o: Outcome): string | undefined {
  if (o.status === 0) return `no answer: ${o.text}`;
  if (o.status >= 500) return `a ${o.status}: ${o.text.slice(0, 300)}`;
  const documented = op.responses[String(o.status)];
  if (!documented) return `status ${o.status} is not documented for this operation (${Object.keys(op.responses).join(', ')}): ${o.text.slice(0, 200)}`;
  if (o.probe.run === 1 && o.status < 400) return `accepted (${o.status}) though certainly invalid: ${o.text.slice(0, 200)}`;
  if (o.status >= 400) {
    const declared = documented.content?.['application/json'];
    const isJson = /^application\/json/.test(o.contentType);
    if (declared && !isJson) return `the documented JSON error came as ${o.contentType || 'no content type'}: ${o.text.slice(0, 200)}`;
    if (isJson) {
      let body: unknown;
      try { body = JSON.parse(o.text); } catch { return `error answer is not JSON: ${o.text.slice(0, 200)}`; }
      if (!valid(declared?.schema ?? GENERIC_ERROR, body)) return `error answer does not match the documented schema: ${o.text.slice(0, 300)}`;
    }
  }
  return undefined;
}

describe('hostile-input sweep over every documented operation', () => {
  it('when every operation gets broken JSON, wrong types, huge strings, deep nesting, operator and prototype keys, then every answer is a documented 4xx (never a 5xx), and what is refused stores nothing and sends no e-mail', async () => {
    const operations: { path: string; method: string; op: Operation }[] = [];
    for (const [path, ops] of Object.entries(fz.doc.paths)) for (const [method, op] of Object.entries(ops)) if (!isExcluded(method, path)) operations.push({ path, method, op });
    const probes = operations.flatMap(({ path, method, op }) => probesFor(path, method, op));
    const opOf = new Map(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.op]));
    // The valid bodies are valid: each variant differs from a request the operation accepts by its hostile part alone.
    const invalidBases = operations.filter(({ path, method, op }) => {
      const label = `${method.toUpperCase()} ${path}`;
      const schema = op.requestBody?.content['application/json']?.schema;
      const base = schema && validBody(label);
      return base && !(effectiveJudge(label) ?? ((b: unknown) => valid(schema, b)))(base);
    }).map((o) => `${o.method} ${o.path}`);
    expect(invalidBases, 'valid bodies that the document (or their judge) refuses').toEqual([]);

    const started = performance.now();
    const outcomes: Outcome[] = [];
    // Run 1: all certainly invalid. The database at rest before; afterwards it must be exactly as it was.
    const before = await atRest(fz.app);
    const log = new WriteLog(fz.app);
    const t0 = Date.now();
    let run1Writes: ReturnType<WriteLog['stored']> = [];
    let run1Workflows: Awaited<ReturnType<WriteLog['workflowsStarted']>> = [];
    let after = before;
    let run2From = 0;
    try {
      for (const probe of probes.filter((p) => p.run === 1)) outcomes.push(await send(probe));
      // What a refused request might have started (a workflow's first activity, a mail) has a moment to show.
      await new Promise((r) => setTimeout(r, 3000));
      after = await snapshot(fz.app);
      run1Writes = log.stored();
      run1Workflows = await log.workflowsStarted(t0);
      run2From = log.writes.length;
      // Run 2: valid by the document after all: may be accepted; a refused one writes nothing while it is handled.
      for (const probe of probes.filter((p) => p.run === 2)) {
        const outcome = await send(probe);
        outcomes.push(outcome);
        // What an accepted change sets going (a workflow's activities, a draft's e-mail) lands before the next
        // request: writes are told apart by when they happen, and a draft link mail once landed in a refused GET.
        if (outcome.status < 400 && probe.method.toLowerCase() !== 'get') await atRest(fz.app, 1000);
      }
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      log.stop();
    }
    // Run 2: a refused request wrote nothing while it was handled; nor did an accepted one to an operation that changes nothing.
    // (Not GETs in general: the first read of a document renders it and keeps it, e.g. a ticket's notice card.)
    const readOnly = new Set(log.windows.filter((w) => w.method !== 'GET' && READ_ONLY.some((r) => r.test(w.url))));
    const run2Writes = log.writes.slice(run2From).filter((w) => !w.bookkeeping && (w.changed ?? 0) > 0 && w.during
      && ((w.during.status ?? 0) >= 400 || readOnly.has(w.during)));
    const run2Workflows = (await log.workflowsStarted(t0)).filter((w) => !run1Workflows.some((x) => x.workflowId === w.workflowId) && w.during && (w.during.status ?? 0) >= 400);

    for (const o of outcomes) o.failure = judgeAnswer(opOf.get(o.probe.label)!, o);
    const failures = [
      ...outcomes.filter((o) => o.failure).map((o) => `${o.probe.label} [${o.probe.what}] as ${o.probe.caller} → ${o.failure}`),
      ...differences(before, after).map((d) => `run 1 changed the stored data: ${d}`),
      ...run1Writes.map((w) => `run 1 (all refused) stored: ${describeWrite(w)}`),
      ...run1Workflows.map((w) => `run 1 (all refused) started workflow ${w.type} ${w.workflowId} during ${describeWindow(w.during)}`),
      ...run2Writes.map((w) => `a refused request or one that changes nothing stored: ${describeWrite(w)}`),
      ...run2Workflows.map((w) => `refused request started workflow ${w.type} ${w.workflowId} during ${describeWindow(w.during)}`),
    ];
    // Nothing polluted in this process (the server runs in it).
    if (({} as Record<string, unknown>).polluted !== undefined || (Object.prototype as Record<string, unknown>).polluted !== undefined) failures.push('Object.prototype was polluted');
    const session = await fz.staff.request('GET', '/api/staff/session');
    if (session.status !== 200) failures.push(`the sweep's staff session ended (GET /api/staff/session → ${session.status})`);

    const seconds = (performance.now() - started) / 1000;
    const byStatus = (run: Run) => {
      const counts: Record<string, number> = {};
      for (const o of outcomes.filter((x) => x.probe.run === run)) counts[o.status] = (counts[o.status] ?? 0) + 1;
      return JSON.stringify(counts);
    };
    const reached = new Set(outcomes.map((o) => o.probe.label));
    const accepted = [...new Map(outcomes.filter((o) => o.status < 400).map((o) => [`${o.probe.label} [${o.probe.what}]`, o])).keys()];
    console.info(`[fuzz] hostile sweep: ${outcomes.length} requests over ${reached.size} operations, ${failures.length} failures (${Math.round(seconds)} s)`);
    console.info(`[fuzz] hostile sweep, run 1 (certainly invalid, must be refused): ${outcomes.filter((o) => o.probe.run === 1).length} requests, statuses ${byStatus(1)}; stored data, writes, workflows and e-mails unchanged: ${differences(before, after).length + run1Writes.length + run1Workflows.length === 0 ? 'yes' : 'NO'}`);
    console.info(`[fuzz] hostile sweep, run 2 (valid by the document, may be accepted): ${outcomes.filter((o) => o.probe.run === 2).length} requests, statuses ${byStatus(2)}; accepted: ${accepted.join(', ') || 'none'}`);
    const slowest = [...outcomes].sort((a, b) => b.seconds - a.seconds)[0];
    if (slowest) console.info(`[fuzz] hostile sweep: slowest answer ${slowest.seconds.toFixed(2)} s (${slowest.probe.label} [${slowest.probe.what}])`);
    for (const f of failures) console.info(`[fuzz] failure: ${f}`);
    expect(failures).toEqual([]);
    // Every documented operation got hostile input.
    expect(operations.filter((o) => !reached.has(`${o.method.toUpperCase()} ${o.path}`)).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  }, 600_000);
});
