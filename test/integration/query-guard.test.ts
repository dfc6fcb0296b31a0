/**
 * No per-request path scans a collection that grows with cases (issue 11, item 5): one
 * end-to-end HTTP flow per procedure runs under the query guard (test/support/query-guard.ts),
 * which fails naming the collection and filter of every query that is not by `_id`. The
 * database is seeded with a few other cases first, so a query that happens to be answered by
 * the only document in a collection still shows up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { watchQueries, filtersByIdOnly, type QueryGuard } from '../support/query-guard';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';
import { findTicketByNumber } from '../../store/parking-ticket/ticket-store';
import { letterCodeOf } from '../support/letter-code';

let app: RunningSystem;
let staff: HttpClient;
let guard: QueryGuard;

const DAY = 86_400_000;
const ticket = (plate: string, daysAgo = 0) => ({
  offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - daysAgo * DAY - 10 * 60_000).toISOString(),
});
const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };

beforeAll(async () => {
  app = await startTestSystem('http_query_guard');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  // Other cases in the database before the guarded flows.
  for (let i = 0; i < 3; i += 1) {
    expect((await staff.request('POST', '/api/parking-tickets', ticket(`HA-QG ${100 + i}`), { 'Idempotency-Key': `guard-seed-${i}` })).status).toBe(201);
  }
  guard = watchQueries(app.system.conn);
}, 120_000);
afterAll(async () => {
  guard?.stop();
  await app?.stop();
});

describe('the query guard', () => {
  it('tells an _id look-up from a scan', () => {
    expect(filtersByIdOnly({ _id: 'VG-2026-000001' })).toBe(true);
    expect(filtersByIdOnly({ _id: 'x', status: 'queued' })).toBe(true);
    expect(filtersByIdOnly({ _id: { $in: ['a', 'b'] } })).toBe(false);
    expect(filtersByIdOnly({ workflowId: 'parking-ticket-1' })).toBe(false);
    expect(filtersByIdOnly({})).toBe(false);
  });

  it('fails naming the collection and filter of a scan', async () => {
    guard.reset();
    await app.system.model.tickets.findOne({ workflowId: 'no-such-workflow' }).lean();
    expect(() => guard.assertNoScans('a scan')).toThrow(/parking_tickets\.find \{"workflowId":"no-such-workflow"\}/);
    guard.reset();
  });
});

describe('per-request paths go by _id', () => {
  it('parking ticket: record → open in the portal → pay → paid', async () => {
    guard.reset();
    const recorded = (await staff.request('POST', '/api/parking-tickets', ticket('HA-QG 1'), { 'Idempotency-Key': 'guard-pay-1' })).json;
    expect(recorded.ticketNumber).toMatch(/^VG-/);
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-QG 1' });
    expect(opened.status).toBe(200);
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email: 'guard@example.org', code: recorded.accessCode }, bearer);
    expect(checkout.status).toBe(200);
    const paid = await fetch(`${app.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
    await eventually(async () => (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status === 'paid', 'paid');
    // The staff's case view (audit trail and documents of one case).
    expect((await staff.request('GET', `/api/parking-tickets/${recorded.ticketNumber}`)).status).toBe(200);
    expect(guard.commands()).toBeGreaterThan(20); // the guard saw the flow's queries
    guard.assertNoScans('record → portal → pay');
  });

  it('fine proceedings: hearing answer → inbox → claim → decision → notice', async () => {
    const recorded = (await staff.request('POST', '/api/parking-tickets', ticket('HA-MM 4711', 8), { 'Idempotency-Key': 'guard-hearing-1' })).json;
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(app, recorded.ticketNumber), plate: 'HA-MM 4711' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    await eventually(async () => (await findTicketByNumber(app.system.model, recorded.ticketNumber))?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    guard.reset();
    // The Bußgeldverfahren (a child workflow) starts just after the letter is written: until then 409 "not open".
    const answered = await eventually(async () => {
      const res = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' }, bearer);
      return res.status !== 409 && res;
    }, 'the hearing open');
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    const { workflowId } = (await findTicketByNumber(app.system.model, recorded.ticketNumber))!;
    const taskId = taskIdOf(fineProceedingsWorkflowId(workflowId), 'hearing-decision');
    await eventually(async () => {
      const list = await staff.request('GET', '/api/tasks?queue=department&department=fine-office');
      return list.json.items?.some((t: { taskId: string }) => t.taskId === taskId);
    }, 'the task in the inbox');
    expect((await staff.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`)).status).toBe(200);
    expect((await staff.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`)).status).toBe(200);
    expect((await staff.request('GET', '/api/tasks?queue=mine')).status).toBe(200);
    expect((await staff.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { decision: { outcome: 'fine_notice', fineEuros: 55 } })).status).toBe(200);
    await eventually(async () => (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status === 'fine_notice_sent', 'fine_notice_sent');
    guard.assertNoScans('hearing → decision');
  });

  it('dog tax: registration → status page', async () => {
    guard.reset();
    const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'guard-dog@example.org' };
    const citizen = new HttpClient(app.baseUrl);
    const submitted = await citizen.request('POST', '/api/forms/dog-tax-registration/submissions',
      { holder, dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' }, { 'Idempotency-Key': 'guard-dog-1' });
    expect(submitted.status).toBe(202);
    const { caseNumber, statusToken } = submitted.json;
    await eventually(async () => (await citizen.request('POST', `/api/cases/${caseNumber}/status`, { token: statusToken })).json.status === 'registered', 'registered');
    expect((await citizen.request('POST', `/api/cases/${caseNumber}/documents/receipt-${caseNumber}`, { token: statusToken })).status).toBe(200);
    guard.assertNoScans('dog-tax registration → status page');
  });
});

describe('the payment sandbox goes by _id (its checkouts grow with every payment)', () => {
  it('create (twice and concurrently with one key) → read → hosted page → pay → cancel: one checkout, no scan', async () => {
    const api = `${app.baseUrl}/sandbox/payments/api`;
    const key = { Authorization: `Bearer ${app.system.secrets.sandboxKey}`, 'Content-Type': 'application/json' };
    const request = (idempotencyKey: string) => ({
      idempotencyKey, amountCents: 2000, currency: 'EUR', reference: 'RF18539007547034', description: 'Verwarnungsgeld',
      returnUrl: `${app.baseUrl}/knoellchen`, webhookUrl: `${app.system.internalBaseUrl}/api/payments/webhook`,
    });
    const create = (body: unknown) => fetch(`${api}/checkouts`, { method: 'POST', headers: key, body: JSON.stringify(body) });
    // Other checkouts first, so a look-up by another field has more than one document to decode.
    for (let i = 0; i < 3; i += 1) expect((await create(request(`guard-other-${i}`))).status).toBe(201);
    guard.reset();
    const together = await Promise.all([create(request('guard-same')), create(request('guard-same')), create(request('guard-same'))]);
    const again = await create(request('guard-same'));
    const checkouts = await Promise.all([...together, again].map((r) => r.json() as Promise<{ id: string }>));
    expect(together.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(again.status).toBe(200);
    expect(new Set(checkouts.map((c) => c.id)).size).toBe(1);
    expect((await create({ ...request('guard-same'), amountCents: 1 })).status).toBe(409);
    const id = checkouts[0]!.id;
    expect((await fetch(`${api}/checkouts/${id}`, { headers: key })).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/sandbox/payments/checkout/${id}`)).status).toBe(200);
    const paid = await fetch(`${app.baseUrl}/sandbox/payments/checkout/${id}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    expect((await fetch(`${api}/checkouts/${id}/cancel`, { method: 'POST', headers: key })).status).toBe(200);
    guard.assertNoScans('payment sandbox checkout');
  });
});

describe('staff overview lists go by _id (store/staff-lists.ts, issue 11 item 5)', () => {
  const pages = async (path: string, limit: number) => {
    const seen: Array<Record<string, any>> = [];
    let cursor: string | null = null;
    let total = -1;
    for (let n = 0; n < 100; n += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await staff.request('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      seen.push(...res.json.items);
      total = res.json.total;
      cursor = res.json.nextCursor;
      if (!cursor) break;
    }
    return { items: seen, total };
  };

  it('ticket list (all, by status, paged), postal outbox and Hundesteuer list: every case once, newest first, no scan', async () => {
    const stored = await app.system.model.tickets.find({}, { status: 1 }).lean();
    const letters = await app.system.model.outbox.countDocuments();
    const dogCases = await app.system.model.dogTaxCases.countDocuments();
    expect(letters).toBeGreaterThan(0);
    guard.reset();
    const tickets = await pages('/api/parking-tickets', 2);
    const paid = await pages('/api/parking-tickets?status=paid', 2);
    const open = await pages('/api/parking-tickets?status=open', 50);
    const outbox = await pages('/api/outbox', 1);
    const dogTax = await pages('/api/dog-tax/cases', 1);
    const registered = await pages('/api/dog-tax/cases?status=registered&procedure=dog-tax-registration', 10);
    guard.assertNoScans('staff overview lists');
    const numbers = tickets.items.map((t) => t.ticketNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.sort()).toEqual(stored.map((t) => t._id).sort());
    expect(tickets.total).toBe(stored.length);
    // Newest first: ticket numbers are issued in order.
    expect(tickets.items.map((t) => t.ticketNumber)).toEqual([...numbers].sort().reverse());
    expect(paid.items.map((t) => t.ticketNumber).sort()).toEqual(stored.filter((t) => t.status === 'paid').map((t) => t._id).sort());
    expect(paid.items.length).toBeGreaterThan(0);
    // A ticket that moved on from 'open' is no longer listed there.
    expect(open.items.map((t) => t.ticketNumber).sort()).toEqual(stored.filter((t) => t.status === 'open').map((t) => t._id).sort());
    expect(outbox.items.length).toBe(letters);
    expect(dogTax.items.length).toBe(dogCases);
    expect(registered.items.every((c) => c.status === 'registered' && c.procedure === 'dog-tax-registration')).toBe(true);
    expect(registered.items.length).toBeGreaterThan(0);
  });
});
