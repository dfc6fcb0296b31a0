/**
 * One Idempotency-Key, one effect, for as long as the case exists (issue 12, item 1), against
 * the embedded stack: a ticket recorded again after its run ended gets its first answer and
 * starts nothing; requests that send an Update (withdrawal, hearing answer, task decision) carry
 * their key as the Update ID, so the same request twice opens one task and gets one answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { letterCodeOf } from '../support/letter-code';
import { paymentBookedSignal } from '../../workflows/parking-ticket/shared';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';

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

/** The IDs of the Updates named `name` the workflow accepted (its history). */
async function acceptedUpdates(workflowId: string, name: string): Promise<string[]> {
  const { events } = await app.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  return (events ?? []).map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
    .filter((r) => r?.input?.name === name).map((r) => r!.meta!.updateId!);
}

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

describe('a hearing answer and its decision sent again after a lost answer', () => {
  it('when the citizen sends the same answer again with its key, then the first answer comes back (same status and body), not 409; the caseworker\'s decision likewise', async () => {
    const plate = 'HA-XY 42'; // a holder the sandbox registry knows: the hearing letter goes out
    const recorded = (await warden.request('POST', '/api/parking-tickets', { ...ticket(plate), observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString() },
      { 'Idempotency-Key': 'idem-again-hearing-1' })).json;
    const ticketNumber = recorded.ticketNumber as string;
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(app, ticketNumber), plate });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const answerPath = '/api/fine-proceedings/current/hearing-answer';
    const answer = {
      person: { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
      facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.',
    };

    const first = await citizen.request('POST', answerPath, answer, { ...bearer, 'Idempotency-Key': 'idem-hearing-answer-1' });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ status: 'decision_pending', hearing: { answered: true } });
    const again = await citizen.request('POST', answerPath, answer, { ...bearer, 'Idempotency-Key': 'idem-hearing-answer-1' });
    expect({ status: again.status, json: again.json }).toEqual({ status: first.status, json: first.json });
    expect(await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'fine-proceedings.hearing-answered' })).toBe(1);
    // The key reused with another answer is another request, not the first answer: refused, the first answer stands.
    const reused = await citizen.request('POST', answerPath, { ...answer, reasons: 'Ein anderer Grund.' }, { ...bearer, 'Idempotency-Key': 'idem-hearing-answer-1' });
    expect({ status: reused.status, code: reused.json?.error?.code }).toEqual({ status: 409, code: 'already_decided' });
    // Without the key, the same answer again is another request: the hearing is answered.
    expect((await citizen.request('POST', answerPath, answer, bearer)).status).toBe(409);

    // The fine office's decision, sent again while the case goes on: the first answer.
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber }).lean())!;
    const taskId = taskIdOf(fineProceedingsWorkflowId(workflowId), 'hearing-decision');
    await eventually(async () => (await app.system.model.tasks.findById(taskId).lean())?.status === 'open', 'the decision task');
    const decisionPath = `/api/tasks/${encodeURIComponent(taskId)}/decision`;
    const decision = { decision: { outcome: 'fine_notice', fineEuros: 55 } };
    const decided = await warden.request('POST', decisionPath, decision, { 'Idempotency-Key': 'idem-decision-hearing-1' });
    expect(decided.status).toBe(200);
    const decidedAgain = await warden.request('POST', decisionPath, decision, { 'Idempotency-Key': 'idem-decision-hearing-1' });
    expect({ status: decidedAgain.status, json: decidedAgain.json }).toEqual({ status: decided.status, json: decided.json });
    expect(await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'task.completed' })).toBe(1);
    expect((await warden.request('POST', decisionPath, decision)).status).toBe(409);
    // One notice: the status is written a moment before its audit event, so wait for the event.
    await eventually(async () => (await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'fine-proceedings.fine-notice-issued' })) > 0, 'the notice');
    expect(await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'fine-proceedings.fine-notice-issued' })).toBe(1);
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
    // The registration Update has an ID from the key: one Update, not one per request that came before the read model knew the ticket.
    expect(await acceptedUpdates(tickets[0]!.workflowId, 'registration')).toEqual([expect.stringMatching(/^ticket-registration:[0-9a-f]{40}$/)]);
  });

  it('when one key comes with two different tickets at once, then one of them is recorded and every request of the other is 409, none gets the first answer', async () => {
    const [a, b] = [ticket('HA-ID 311'), ticket('HA-ID 312')];
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) =>
      warden.request('POST', '/api/parking-tickets', i % 2 ? b : a, { 'Idempotency-Key': 'idem-burst-ticket-2' }).then((r) => ({ plate: i % 2 ? b.plate : a.plate, ...r }))));
    const recorded = await app.system.model.tickets.find({ plate: { $in: [a.plate, b.plate] } }).lean();
    expect(recorded).toHaveLength(1);
    const winner = recorded[0]!.plate;
    for (const answer of answers) {
      if (answer.plate === winner) expect(answer.status, answer.plate).toBe(201);
      else expect([answer.status, answer.json.error?.code], answer.plate).toEqual([409, 'idempotency_key_reused']);
    }
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
    const opened = (await app.system.model.dogTaxCases.findOne({ caseNumber: answers[0]!.json.caseNumber }).lean())!;
    expect(opened).not.toBeNull();
    expect(await acceptedUpdates(opened.workflowId, 'caseOpened')).toEqual([expect.stringMatching(/^case-opened:[0-9a-f]{40}$/)]);
  });
});
