/**
 * One Idempotency-Key, one effect, for as long as the case exists (issue 12, item 1), against
 * the embedded stack: a ticket recorded again after its run ended gets its first answer and
 * starts nothing; requests that send an Update (withdrawal, task decision) carry their key as
 * the Update ID, so the same request twice opens one task and gets one answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { paymentBookedSignal } from '../../workflows/parking-ticket/shared';

let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  // Bursts of one key at once test duplicate handling behind the in-flight limit, not the limit (test/chaos/overload-http.test.ts): off here.
  app = await startTestSystem('http_idempotent_requests', { env: { ADMISSION_MAX_IN_FLIGHT: '0' } });
  warden = new HttpClient(app.baseUrl);
  await warden.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const ticket = (plate: string) => ({
  offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
});

describe('a ticket recorded again after its run ended', () => {
  it('when the same key comes after the ticket was paid, then the first ticket is the answer and no run starts; other data is 409', async () => {
    const body = ticket('HA-ID 101');
    const first = await warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': 'idem-again-paid-1' });
    expect(first.status).toBe(201);
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: first.json.ticketNumber }).lean())!;
    const handle = app.system.temporal.workflow.getHandle(workflowId);
    const firstRun = (await handle.describe()).runId;
    await handle.signal(paymentBookedSignal, { paymentId: `pay-${workflowId}`, amountCents: 5500, bookedAt: new Date().toISOString(), channel: 'bank_transfer' });
    expect((await handle.result()).status).toBe('paid');

    const again = await warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': 'idem-again-paid-1' });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    const described = await handle.describe();
    expect(described.runId).toBe(firstRun);
    expect(described.status.name).toBe('COMPLETED');
    expect((await app.system.model.tickets.findOne({ workflowId }).lean())!.status).toBe('paid');

    const otherData = await warden.request('POST', '/api/parking-tickets', ticket('HA-ID 102'), { 'Idempotency-Key': 'idem-again-paid-1' });
    expect(otherData.status).toBe(409);
    expect(otherData.json.error.code).toBe('idempotency_key_reused');
    expect((await handle.describe()).runId).toBe(firstRun);
  });
});

describe('Updates sent on behalf of a request', () => {
  it('when one withdrawal request is sent three times at once with one key, then one task opens and every answer names it', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-ID 201'), { 'Idempotency-Key': 'idem-again-wd-1' })).json;
    const path = `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`;
    const answers = await Promise.all([1, 2, 3].map(() => warden.request('POST', path, { reason: 'Parkausweis lag aus' }, { 'Idempotency-Key': 'idem-wd-request-1' })));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.json.taskId)).size).toBe(1);
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    expect(await app.system.model.tasks.countDocuments({ workflowId, type: 'parking-ticket.withdrawal' })).toBe(1);
    const audit = await app.system.model.audit.find({ caseNumber: recorded.ticketNumber, action: 'parking-ticket.withdrawal-requested' }).lean();
    expect(audit).toHaveLength(1);
    // Without a key, a second request is another request: refused while the first is decided.
    expect((await warden.request('POST', path, { reason: 'Parkausweis lag aus' })).status).toBe(409);

    // The decision retried with its key, while running and after the case closed: the first answer.
    const decisionPath = `/api/tasks/${encodeURIComponent(answers[0]!.json.taskId)}/decision`;
    const decision = { decision: { outcome: 'withdraw', reason: 'Ausweis auf dem Foto erkennbar' } };
    const decided = await Promise.all([1, 2].map(() => warden.request('POST', decisionPath, decision, { 'Idempotency-Key': 'idem-decision-1' })));
    expect(decided.map((d) => [d.status, d.json.error?.code])).toEqual([[200, undefined], [200, undefined]]);
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'withdrawn', 'withdrawn');
    await app.system.temporal.workflow.getHandle(workflowId).result();
    const retried = await warden.request('POST', decisionPath, decision, { 'Idempotency-Key': 'idem-decision-1' });
    expect(retried.status).toBe(200);
    expect(retried.json).toEqual(decided[0]!.json);
    // Another decision on the closed task is still 409, and a bad key is 422.
    expect((await warden.request('POST', decisionPath, { decision: { outcome: 'keep', reason: 'doch nicht' } }, { 'Idempotency-Key': 'idem-decision-2' })).status).toBe(409);
    expect((await warden.request('POST', path, { reason: 'Parkausweis lag aus' }, { 'Idempotency-Key': 'kurz' })).status).toBe(422);
  });
});

describe('duplicate submits at the same moment', () => {
  const AT_ONCE = 20;

  it(`when a warden's app sends one ticket ${AT_ONCE} times at once with one key, then every answer is the same ticket and one ticket and one run exist`, async () => {
    const body = ticket('HA-ID 301');
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': 'idem-burst-ticket-1' })));
    expect(answers.map((a) => a.status)).toEqual(Array(AT_ONCE).fill(201));
    for (const a of answers) expect(a.json).toEqual(answers[0]!.json);
    const tickets = await app.system.model.tickets.find({ plate: 'HA-ID 301' }).lean();
    expect(tickets.map((t) => t.ticketNumber)).toEqual([answers[0]!.json.ticketNumber]);
    const runs = [];
    for await (const w of app.system.temporal.workflow.list({ query: `WorkflowId = '${tickets[0]!.workflowId}'` })) runs.push(w.runId);
    expect(runs).toHaveLength(1);
    expect(await app.system.model.audit.countDocuments({ caseNumber: answers[0]!.json.ticketNumber, action: 'parking-ticket.recorded' })).toBe(1);
  });

  it(`when a citizen's browser sends one form ${AT_ONCE} times at once with one key, then every answer is the same case and one case exists`, async () => {
    const citizen = new HttpClient(app.baseUrl);
    const email = `burst-${Date.now()}@example.org`;
    const body = {
      holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email },
      dog: { name: 'Rex', breed: 'Beagle', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14',
    };
    // The submission is sealed at rest (not queryable by e-mail): the cases are counted instead.
    const before = await app.system.model.dogTaxCases.countDocuments();
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () =>
      citizen.request('POST', '/api/forms/dog-tax-registration/submissions', body, { 'Idempotency-Key': 'idem-burst-dog-1' })));
    expect(answers.map((a) => a.status)).toEqual(Array(AT_ONCE).fill(202));
    for (const a of answers) expect(a.json).toEqual(answers[0]!.json);
    expect(await app.system.model.dogTaxCases.countDocuments()).toBe(before + 1);
    expect(await app.system.model.dogTaxCases.exists({ caseNumber: answers[0]!.json.caseNumber })).not.toBeNull();
  });
});
