/**
 * The role and department matrix, written down as data (issue 10; issue 9, item 3): for every
 * route of the live route table, which roles may call it and — for staff routes that return or
 * change case data — which departments. The expectations are NOT read from the route table: a
 * route missing from MATRIX, or one whose roles differ from it, fails the test, and so does a
 * route a staff role may call that declares no department scope.
 *
 * Principals hold ONE role and ONE department each (a caseworker of every department could
 * not show that a tax-office caseworker is refused a ticket's audit trail). Per-case routes are
 * walked with real cases (a ticket with its warning letter, a Hundesteuer case, a withdrawal task
 * of the traffic department), so the department check meets a real case, not a 404. Bodies are
 * `{}`: roles and departments are checked before the body is read, so an allowed caller gets a
 * 2xx, 404, 409 or 422, never 401/403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../server/app';
import type { Role } from '../../server/http/route';
import type { Department } from '../../domain/departments';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';

const TICKETS: Department[] = ['traffic', 'fine-office'];
const DOG_TAX: Department[] = ['tax-office'];
const ANY: Department[] = ['traffic', 'fine-office', 'tax-office', 'citizens-office'];

/**
 * `departments`: a non-admin caller must hold one of them (absent: no department check).
 * `byCase`: a route about one case, walked once with a ticket and once with a Hundesteuer case.
 */
interface Row { roles: Role[]; departments?: Department[]; byCase?: { ticket: Department[]; dogTax: Department[] } }
const ALL_STAFF: Role[] = ['warden', 'caseworker', 'station', 'designer', 'admin'];

const MATRIX: Record<string, Row> = {
  // Public: anyone (citizens open their case by its token or code).
  'get /api/health': { roles: ['public'] },
  'get /api/openapi.json': { roles: ['public'] },
  'get /api/forms': { roles: ['public'] },
  'get /api/forms/:formId': { roles: ['public'] },
  'get /api/forms/:formId/versions/:version': { roles: ['public'] },
  'post /api/forms/:formId/submissions': { roles: ['public'] },
  'post /api/forms/:formId/drafts': { roles: ['public'] },
  'post /api/forms/:formId/drafts/:draftId/open': { roles: ['public'] },
  'post /api/forms/:formId/drafts/:draftId/delete': { roles: ['public'] },
  'post /api/attachments': { roles: ['public'] },
  'post /api/cases/:caseNumber/status': { roles: ['public'] },
  'post /api/cases/:caseNumber/status-link': { roles: ['public'] },
  'post /api/cases/:caseNumber/documents/:documentId': { roles: ['public'] },
  'get /api/parking-tickets/offences': { roles: ['public'] },
  'post /api/parking-tickets/access': { roles: ['public'] },
  'post /api/parking-tickets/answer-link': { roles: ['public'] },
  'post /api/payments/webhook': { roles: ['public'] },
  'post /api/staff/session': { roles: ['public'] },
  'delete /api/staff/session': { roles: ['public'] },
  // The citizen of one ticket (portal token).
  'get /api/parking-tickets/current': { roles: ['citizen'] },
  'post /api/parking-tickets/current/letter-code': { roles: ['citizen'] },
  'post /api/parking-tickets/current/checkout': { roles: ['citizen'] },
  'post /api/parking-tickets/current/confirm-payment': { roles: ['citizen'] },
  'post /api/parking-tickets/current/objection': { roles: ['citizen'] },
  'post /api/fine-proceedings/current/hearing-answer': { roles: ['citizen'] },
  'get /api/fine-proceedings/current/notice.pdf': { roles: ['citizen'] },
  // Every staff member: their own session and password.
  'get /api/staff/session': { roles: ALL_STAFF },
  'post /api/staff/password': { roles: ALL_STAFF },
  'post /api/staff/second-factor/enrolment': { roles: ALL_STAFF },
  'post /api/staff/second-factor': { roles: ALL_STAFF },
  // Parking tickets: the traffic department and the fine office.
  'post /api/parking-tickets': { roles: ['warden'], departments: TICKETS },
  'get /api/parking-tickets': { roles: ['warden', 'caseworker'], departments: TICKETS },
  'get /api/parking-tickets/:ticketNumber': { roles: ['caseworker'], departments: TICKETS },
  'get /api/parking-tickets/:ticketNumber/notice-card.pdf': { roles: ['warden', 'caseworker'], departments: TICKETS },
  'post /api/parking-tickets/:ticketNumber/withdrawal-requests': { roles: ['warden', 'caseworker'], departments: TICKETS },
  // The postal outbox holds the tickets' letters.
  'get /api/outbox': { roles: ['caseworker'], departments: TICKETS },
  'get /api/outbox/:id/document.pdf': { roles: ['caseworker'], departments: TICKETS },
  // Hundesteuer: the tax office.
  'get /api/dog-tax/cases': { roles: ['caseworker'], departments: DOG_TAX },
  // A case's history and documents: its procedure's departments; administrators every case.
  'get /api/staff/cases/:caseNumber': { roles: ['caseworker', 'admin'], byCase: { ticket: TICKETS, dogTax: DOG_TAX } },
  'get /api/staff/cases/:caseNumber/documents/:documentId': { roles: ['caseworker', 'admin'], byCase: { ticket: TICKETS, dogTax: DOG_TAX } },
  // Inbox: one's own tasks (any department) or one department's; a task: its department (the fixture's is traffic's).
  'get /api/tasks': { roles: ['caseworker'], departments: ANY },
  'get /api/tasks/:taskId': { roles: ['caseworker'], departments: ['traffic'] },
  'post /api/tasks/:taskId/claim': { roles: ['caseworker'], departments: ['traffic'] },
  'post /api/tasks/:taskId/return': { roles: ['caseworker'], departments: ['traffic'] },
  'post /api/tasks/:taskId/reassign': { roles: ['caseworker'], departments: ['traffic'] },
  'post /api/tasks/:taskId/decision': { roles: ['caseworker'], departments: ['traffic'] },
  // Form designers: form definitions, no case data.
  'get /api/forms/:formId/versions': { roles: ['designer'] },
  'post /api/forms/:formId/check': { roles: ['designer'] },
  'post /api/forms/:formId/versions': { roles: ['designer'] },
  'post /api/forms/:formId/versions/:version/restore': { roles: ['designer'] },
  // Administrators.
  'get /api/staff/accounts': { roles: ['admin'] },
  'post /api/staff/accounts': { roles: ['admin'] },
  'put /api/staff/accounts/:id': { roles: ['admin'] },
  'post /api/staff/accounts/:id/password-reset': { roles: ['admin'] },
  'post /api/staff/accounts/:id/unlock': { roles: ['admin'] },
  'post /api/staff/accounts/:id/second-factor-reset': { roles: ['admin'] },
  'post /api/temporal-codec/decode': { roles: ['admin'] },
};

interface Caller { name: string; roles: Role[]; departments: Department[] }
const STAFF: Caller[] = [
  { name: 'warden-traffic', roles: ['warden'], departments: ['traffic'] },
  { name: 'warden-citizens', roles: ['warden'], departments: ['citizens-office'] },
  { name: 'caseworker-traffic', roles: ['caseworker'], departments: ['traffic'] },
  { name: 'caseworker-fine', roles: ['caseworker'], departments: ['fine-office'] },
  { name: 'caseworker-tax', roles: ['caseworker'], departments: ['tax-office'] },
  { name: 'caseworker-citizens', roles: ['caseworker'], departments: ['citizens-office'] },
  { name: 'station-citizens', roles: ['station'], departments: ['citizens-office'] },
  { name: 'designer', roles: ['designer'], departments: [] },
  { name: 'admin', roles: ['admin'], departments: [] },
];
const CITIZEN: Caller = { name: 'citizen', roles: ['citizen'], departments: [] };

let app: RunningSystem;
const clients = new Map<string, { client: HttpClient; headers: Record<string, string> }>();
/** Real cases the per-case routes are walked with. */
const fixture = { ticket: '', dogTax: '', outboxId: '', taskId: '' };

const DAY = 86_400_000;
const ticket = (plate: string, daysAgo: number) => ({
  offenceCode: '112454', plate, place: 'Rathausstraße 1, Hagen', observedAt: new Date(Date.now() - daysAgo * DAY - 10 * 60_000).toISOString(),
});

beforeAll(async () => {
  app = await startTestSystem('authorization_matrix');
  for (const caller of STAFF) {
    const account = await createTestAccount(app, { id: caller.name, roles: caller.roles as never, departments: caller.departments });
    const client = new HttpClient(app.baseUrl);
    const session = await client.signIn(account.id, account.password);
    expect({ roles: session.roles, departments: session.departments }).toEqual({ roles: caller.roles, departments: caller.departments });
    clients.set(caller.name, { client, headers: {} });
  }
  const warden = clients.get('warden-traffic')!.client;
  // A ticket 8 days old: its warning letter is in the outbox at once.
  const recorded = await warden.request('POST', '/api/parking-tickets', ticket('HA-MM 4711', 8), { 'Idempotency-Key': 'matrix-ticket' });
  expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
  fixture.ticket = recorded.json.ticketNumber;
  fixture.outboxId = `${fixture.ticket}:warning_letter`;
  await eventually(async () => (await app.system.model.outbox.findById(fixture.outboxId).lean()) !== null, 'the warning letter in the outbox', { tries: 200 });
  // A withdrawal task of the traffic department, on a fresh ticket.
  const fresh = await warden.request('POST', '/api/parking-tickets', ticket('HA-RM 1', 0), { 'Idempotency-Key': 'matrix-citizen-ticket' });
  expect(fresh.status).toBe(201);
  const requested = await warden.request('POST', `/api/parking-tickets/${fresh.json.ticketNumber}/withdrawal-requests`, { reason: 'Ausweis lag aus' });
  expect(requested.status, JSON.stringify(requested.json)).toBe(202);
  fixture.taskId = requested.json.taskId;
  // A Hundesteuer case, opened by a citizen's form.
  const submitted = await new HttpClient(app.baseUrl).request('POST', '/api/forms/dog-tax-registration/submissions', {
    holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'matrix@example.org' },
    dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14',
  }, { 'Idempotency-Key': 'matrix-dog' });
  expect(submitted.status).toBe(202);
  fixture.dogTax = submitted.json.caseNumber;
  await eventually(async () => (await app.system.model.dogTaxCases.findById(fixture.dogTax).lean()) !== null, 'the Hundesteuer case stored');
  // A real citizen: the portal token of the ticket with the letter, opened with the letter's code (it opens the whole case).
  const workflowId = (await app.system.model.tickets.findById(fixture.ticket).lean())!.workflowId;
  const opened = await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: deriveLetterCode(app.system.secrets.accessCode, workflowId), plate: 'HA-MM 4711' });
  expect(opened.status, JSON.stringify(opened.json)).toBe(200);
  clients.set('citizen', { client: new HttpClient(app.baseUrl), headers: { Authorization: `Bearer ${opened.json.portalToken}` } });
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

const keyOf = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
const guarded = routeTable.filter((route) => !route.roles.includes('public'));

/** The paths a route is walked with, and the departments that may call each. */
function instances(path: string, row: Row): Array<{ path: string; departments?: Department[] }> {
  const fill = (caseNumber: string) => path
    .replace(':ticketNumber', fixture.ticket).replace(':caseNumber', caseNumber).replace(':taskId', encodeURIComponent(fixture.taskId))
    .replace(':id/document.pdf', `${encodeURIComponent(fixture.outboxId)}/document.pdf`)
    .replace(/:(\w+)/g, (_m, name: string) => `dummy-${name}`);
  if (row.byCase) return [{ path: fill(fixture.ticket), departments: row.byCase.ticket }, { path: fill(fixture.dogTax), departments: row.byCase.dogTax }];
  return [{ path: fill(fixture.ticket), departments: row.departments }];
}

/** Whether the matrix lets `caller` through on this path: role first, then (not for administrators) the department. */
function allowed(caller: Caller, row: Row, departments: Department[] | undefined): boolean {
  if (!row.roles.some((role) => caller.roles.includes(role))) return false;
  if (caller.roles.includes('admin') || !departments) return true;
  return departments.some((d) => caller.departments.includes(d));
}

const call = (client: HttpClient, method: string, path: string, headers: Record<string, string> = {}) =>
  client.request(method.toUpperCase(), path, method === 'get' ? undefined : {}, { 'Idempotency-Key': `matrix-${Math.random()}`, ...headers });

describe('authorization matrix (written down) against the live route table', () => {
  it('lists every route of the route table with the roles it declares, and nothing else', () => {
    const live = Object.fromEntries(routeTable.map((r) => [keyOf(r), [...r.roles].sort()]));
    const written = Object.fromEntries(Object.entries(MATRIX).map(([k, row]) => [k, [...row.roles].sort()]));
    expect(Object.keys(live).filter((k) => !(k in MATRIX)), 'routes missing from MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !(k in live)), 'MATRIX rows without a route').toEqual([]);
    expect(live).toEqual(written);
  });

  it('every route a staff role other than admin may call declares whose cases it touches (a department scope)', () => {
    const unscoped = routeTable.filter((r) => r.roles.some((role) => ['warden', 'caseworker', 'station', 'designer'].includes(role)) && !r.scope);
    expect(unscoped.map(keyOf)).toEqual([]);
  });

  it('when nobody is signed in, then every non-public route answers 401', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const wrong: string[] = [];
    for (const route of guarded) {
      const res = await call(anonymous, route.method, instances(route.path, MATRIX[keyOf(route)] ?? { roles: [] })[0]!.path);
      if (res.status !== 401) wrong.push(`${keyOf(route)}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([...STAFF, CITIZEN].map((c) => [c.name, c] as const))('%s: refused (403) exactly where the matrix says, let through (neither 401 nor 403) everywhere else', async (_name, caller) => {
    const { client, headers } = clients.get(caller.name)!;
    const wrong: string[] = [];
    let refused = 0;
    for (const route of guarded) {
      const row = MATRIX[keyOf(route)];
      if (!row) continue; // reported by the first test
      for (const { path, departments } of instances(route.path, row)) {
        const res = await call(client, route.method, path, headers);
        const may = allowed(caller, row, departments);
        if (!may) refused += 1;
        if (may ? [401, 403].includes(res.status) : res.status !== 403) {
          wrong.push(`${route.method} ${path} (${may ? 'allowed' : 'refused'}): ${res.status} ${JSON.stringify(res.json?.error?.code ?? null)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(0);
  }, 120_000);
});
