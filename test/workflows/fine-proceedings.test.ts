/**
 * The Bußgeldverfahren after the hearing letter (procedure 2) at its real durations: 7 days,
 * the letter's 14 days, the decision task's 14 days (escalation), the notice's 14 days — on
 * Temporal's time-skipping server with the real activities (tasks, PDFs, outbox, SMTP).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { paymentDeadline } from '../../domain/berlin-time';
import { fineCases } from '../../store/fine-proceedings/fine-case';
import { documentBytes } from '../../store/documents';
import { isValidRfReference } from '../../domain/rf-reference';
import {
  paymentBookedSignal, registrationUpdate, ticketStateQuery, withdrawalRequestUpdate, type ParkingTicketInput,
} from '../../workflows/parking-ticket/shared';
import {
  fineProceedingsWorkflowId, hearingAnswerUpdate, proceedingsStateQuery, type HearingAnswer,
} from '../../workflows/fine-proceedings/shared';
import type { fineProceedingsWorkflow } from '../../workflows/fine-proceedings/workflow';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { completeTaskUpdate, taskIdOf, type TaskDecision } from '../../workflows/tasks/shared';
import { createActivities } from '../../activities';
import { fineTariff } from '../../domain/fine-proceedings/fees';
import { mailsTo, type ActivityEnv } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { useTimeSkippingEnv } from '../support/time-skipping';

const ts = useTimeSkippingEnv('workflow_fine_proceedings');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const DAY = 86_400_000;
const MINUTE = 60_000;
/** The test server's clock: a payment's booking date is an instant of the skipped time, not of the wall clock. */
const envNow = async () => new Date(await env.currentTimeMs()).toISOString();
type Handle = WorkflowHandle<typeof parkingTicketWorkflow>;

const answer = (over: Partial<HearingAnswer> = {}): HearingAnswer => ({
  person: { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
  facts: 'admits', ...over,
});

async function startTicket(taskQueue: string, plate: string) {
  const observedAt = new Date(await env.currentTimeMs());
  const input: ParkingTicketInput = {
    requestFingerprint: 'fp',
    offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
    plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: observedAt.toISOString(), recordedBy: 'warden-test',
  };
  const handle = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: `parking-ticket-test-${randomUUID()}`, args: [input] });
  const registration = await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
  return { handle, registration, observedAt };
}

/** The Bußgeldverfahren of a ticket: its own workflow, the ticket's child. */
const proceedingsOf = (handle: Handle) => env.client.workflow.getHandle<typeof fineProceedingsWorkflow>(fineProceedingsWorkflowId(handle.workflowId));

/** The case as a whole: the ticket's state and, once the Bußgeldverfahren runs, its status, hearing and notice. */
async function caseState(handle: Handle) {
  const ticket = await handle.query(ticketStateQuery);
  if (!ticket.fineProceedingsWorkflowId) return { ...ticket, hearing: undefined };
  // Just started, the child may not answer queries yet: the ticket's state then.
  const proceedings = await proceedingsOf(handle).query(proceedingsStateQuery).catch(() => undefined);
  if (!proceedings) return { ...ticket, hearing: undefined };
  return { ...ticket, hearing: proceedings.hearing, ...(proceedings.status === 'hearing' ? {} : { status: proceedings.status }), ...(proceedings.notice ? { notice: proceedings.notice } : {}) };
}

const statusIs = (handle: Handle, status: string) =>
  eventually(async () => { const s = await caseState(handle); return s.status === status && s; }, status);

/** The citizen's answer goes to the Bußgeldverfahren. */
const answerHearing = (handle: Handle, given: HearingAnswer) => proceedingsOf(handle).executeUpdate(hearingAnswerUpdate, { args: [given] });

/** Past the first week: the letter is out (or the holder unknown) and the hearing is open. */
async function toHearing(handle: Handle, observedAt: Date, status = 'letter_sent') {
  await env.sleep(paymentDeadline(observedAt, 7).getTime() + 60_000 - (await env.currentTimeMs()));
  return statusIs(handle, status);
}

/** The decision task belongs to the Bußgeldverfahren, a withdrawal task to the ticket. */
const taskOwner = (handle: Handle, key: string) => (key === 'hearing-decision' ? proceedingsOf(handle) : handle);
const taskIdIn = (handle: Handle, key: string) => taskIdOf(taskOwner(handle, key).workflowId, key);
const decide = (handle: Handle, key: string, decision: TaskDecision, by = 'caseworker-1') =>
  taskOwner(handle, key).executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdIn(handle, key), decision, by }] });

const failureType = async (p: Promise<unknown>) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as { type?: string }).type;
};

const auditOf = async (caseNumber: string) => (await db.model.audit.find({ caseNumber }).sort({ at: 1 }).lean()).map((a) => `${a.action}:${a.actor}`);

describe('Bußgeldverfahren (time skipping)', () => {
  it('when the hearing is answered online, then a decision task opens at once; a fine notice of 25 € + 25 € fee + 3.50 € postage is paid by its own reference', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-MM 4711');
      // Not before the letter: the hearing is not open in the first week (no Bußgeldverfahren yet; the API answers 409).
      expect(await answerHearing(handle, answer()).catch((e: unknown) => e)).toBeInstanceOf(WorkflowNotFoundError);
      await toHearing(handle, observedAt);
      await env.sleep(3 * DAY);
      const email = `hearing-${randomUUID()}@example.org`;
      const answeredAt = await env.currentTimeMs();
      const answered = await answerHearing(handle, answer({ facts: 'denies', reasons: 'Ich war verreist.', email }));
      expect(answered.status).toBe('decision_pending');
      expect(await failureType(answerHearing(handle, answer()))).toBe('HearingAlreadyAnswered');

      const taskId = taskIdIn(handle, 'hearing-decision');
      const task = (await db.model.tasks.findById(taskId).lean())!;
      expect(task).toMatchObject({ type: 'fine-proceedings.decision', department: 'fine-office', status: 'open', caseNumber: registration.ticketNumber });
      expect(task.caseData).toMatchObject({ answered: true, plate: 'HA-MM 4711', answer: { facts: 'denies', reasons: 'Ich war verreist.' } });
      expect(JSON.stringify(task)).not.toContain(registration.accessCode); // no secrets in the inbox
      // Due 14 days after the answer (to the minute: the task opens while the answer is recorded).
      expect(Math.abs(Date.parse(String(task.dueAt)) - (answeredAt + 14 * DAY))).toBeLessThan(MINUTE);
      expect((await eventually(async () => (await mailsTo(email)).length > 0 && mailsTo(email), 'the answer mail'))[0]!.subject).toContain(registration.ticketNumber);

      // Refused by the task's validator: an unknown outcome.
      expect(await failureType(decide(handle, 'hearing-decision', { outcome: 'warn' }))).toBe('InvalidDecision');
      await decide(handle, 'hearing-decision', { outcome: 'fine_notice' });
      const state = await statusIs(handle, 'fine_notice_sent');
      const decidedAt = await env.currentTimeMs();
      expect(state.notice).toMatchObject({ kind: 'fine_notice', amounts: { fineCents: 2500, feeCents: 2500, postageCents: 350, totalCents: 5350 } });
      expect(state.notice!.reference).not.toBe(registration.reference);
      expect(isValidRfReference(state.notice!.reference)).toBe(true);
      expect(state.notice!.deadline).toBe(paymentDeadline(new Date(decidedAt), 14).toISOString());
      const letter = (await db.model.outbox.findOne({ caseNumber: registration.ticketNumber, kind: 'fine_notice' }).lean())!;
      expect(letter).toMatchObject({ recipientName: 'Max Mustermann', status: 'queued' });
      const pdf = (await db.model.documents.findById(letter.documentId).lean())!;
      expect(documentBytes(pdf.data).subarray(0, 5).toString()).toBe('%PDF-');
      const mails = await eventually(async () => { const m = await mailsTo(email); return m.length > 1 && m; }, 'the notice mail');
      expect(mails.find((m) => m.subject.includes('Bußgeldbescheid'))?.attachments?.[0]).toMatchObject({ contentType: 'application/pdf' });
      expect((await fineCases(db.conn).findById(registration.ticketNumber).lean())?.notice).toMatchObject({ totalCents: 5350 });

      // 25 € (the old Verwarnungsgeld) do not settle a 53.50 € notice; the rest does.
      await handle.signal(paymentBookedSignal, { paymentId: `p1-${taskQueue}`, amountCents: 2500, bookedAt: await envNow(), channel: 'bank_transfer' });
      await eventually(async () => (await handle.query(ticketStateQuery)).paidCents === 2500, 'the partial payment');
      expect((await caseState(handle)).status).toBe('fine_notice_sent');
      await handle.signal(paymentBookedSignal, { paymentId: `p2-${taskQueue}`, amountCents: 2850, bookedAt: await envNow(), channel: 'card' });
      expect((await handle.result()).status).toBe('paid');
      expect(await auditOf(registration.ticketNumber)).toEqual([
        'parking-ticket.recorded:warden-test', 'parking-ticket.letter-queued:system', 'fine-proceedings.hearing-answered:citizen', 'task.opened:system', 'fine-proceedings.decision-requested:system',
        'task.completed:caseworker-1', 'fine-proceedings.fine-notice-issued:caseworker-1', 'parking-ticket.payment-partial:payment:bank_transfer', 'parking-ticket.payment-booked:payment:card', 'parking-ticket.paid:system',
      ]);
    });
  });

  it('when nobody answers or pays, then the no-answer task opens after the letter\'s 14 days, escalates after 14 more, and a cost notice (20 € + 3.50 €) becomes final 14 days later', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-XY 42');
      const { letterDeadline } = await toHearing(handle, observedAt);
      await env.sleep(Date.parse(letterDeadline!) - 60_000 - (await env.currentTimeMs()));
      expect((await caseState(handle)).status).toBe('letter_sent');
      await env.sleep(2 * 60_000);
      await statusIs(handle, 'decision_pending');
      const taskId = taskIdIn(handle, 'hearing-decision');
      const task = (await db.model.tasks.findById(taskId).lean())!;
      expect(task.caseData).toMatchObject({ answered: false, holderKnown: true });
      expect(Object.keys(task.outcomes as object)).toEqual(['drop', 'fine_notice', 'cost_notice']);
      expect(await failureType(answerHearing(handle, answer()))).toBe('HearingNotOpen');

      // The decision task escalates 14 days after it opened (at the letter's deadline): not a minute before, a minute after.
      const escalationDue = Date.parse(letterDeadline!) + 14 * DAY;
      expect(Math.abs(Date.parse(String(task.dueAt)) - escalationDue)).toBeLessThan(MINUTE);
      await env.sleep(escalationDue - MINUTE - (await env.currentTimeMs()));
      expect((await db.model.tasks.findById(taskId).lean())?.overdue).toBe(false);
      expect(await db.model.audit.countDocuments({ caseNumber: registration.ticketNumber, action: 'task.escalated' })).toBe(0);
      await env.sleep(escalationDue + MINUTE - (await env.currentTimeMs()));
      await eventually(async () => (await db.model.tasks.findById(taskId).lean())?.overdue, 'the escalation');

      await decide(handle, 'hearing-decision', { outcome: 'cost_notice', note: 'Fahrer nicht ermittelbar' });
      const state = await statusIs(handle, 'cost_notice_sent');
      expect(state.notice?.amounts).toEqual({ fineCents: 0, feeCents: 2000, postageCents: 350, totalCents: 2350 });
      expect((await db.model.outbox.findOne({ caseNumber: registration.ticketNumber, kind: 'cost_notice' }).lean())?.recipientName).toBe('Anna Beispiel');
      await env.sleep(Date.parse(state.notice!.deadline) - 60_000 - (await env.currentTimeMs()));
      expect((await caseState(handle)).status).toBe('cost_notice_sent');
      expect((await handle.result()).status).toBe('cost_notice_final');
      const actions = await auditOf(registration.ticketNumber);
      expect(actions).toEqual(expect.arrayContaining(['fine-proceedings.hearing-unanswered:system', 'task.escalated:system', 'fine-proceedings.cost-notice-issued:caseworker-1', 'fine-proceedings.cost-notice-final:system']));
    });
  });

  it('when a fine notice stays unpaid, then it is final after 14 days and not before; once a notice is issued, a withdrawal request is refused and a pending withdrawal task is cancelled', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, observedAt } = await startTicket(taskQueue, 'HA-XY 42');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer());
      // A withdrawal request is pending in the traffic department when the fine office decides.
      const { taskId: withdrawalTaskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag aus', by: 'warden-test', source: 'staff' }] });
      await decide(handle, 'hearing-decision', { outcome: 'fine_notice', fineEuros: 30.4 });
      const sent = await statusIs(handle, 'fine_notice_sent');
      // 30.4 € sent past the API's schema is rounded, not a broken workflow: fee max(25 €, 5 %) + 3.50 €.
      expect(sent.notice).toMatchObject({ amounts: { fineCents: 3000, feeCents: 2500, postageCents: 350, totalCents: 5850 } });
      await eventually(async () => (await db.model.tasks.findById(withdrawalTaskId).lean())?.status === 'cancelled', 'the withdrawal task cancelled');
      expect(await failureType(decide(handle, withdrawalTaskId.split('~')[1]!, { outcome: 'withdraw', reason: 'zu spät' }))).toBe('TaskNotOpen');
      expect(await failureType(handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag aus', by: 'citizen', source: 'citizen' }] }))).toBe('TicketClosed');

      const deadline = Date.parse(sent.notice!.deadline);
      await env.sleep(deadline - (await env.currentTimeMs()) - 60_000);
      expect((await caseState(handle)).status).toBe('fine_notice_sent');
      await env.sleep(2 * 60_000);
      const final = await handle.result();
      expect(final.status).toBe('fine_final');
    });
  });

  it('when the Verwarnungsgeld is paid while the decision task is open, then the task is cancelled and the case closes as paid', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-K 7');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer({ facts: 'no_statement' }));
      await handle.signal(paymentBookedSignal, { paymentId: `late-${taskQueue}`, amountCents: 2500, bookedAt: await envNow(), channel: 'card' });
      expect((await handle.result()).status).toBe('paid');
      const task = await db.model.tasks.findById(taskIdIn(handle, 'hearing-decision')).lean();
      expect(task).toMatchObject({ status: 'cancelled', cancelReason: 'paid' });
      // The case is closed: a late decision finds no running case.
      expect(await decide(handle, 'hearing-decision', { outcome: 'drop', reason: 'zu spät' }).catch((e: unknown) => e)).toBeInstanceOf(WorkflowNotFoundError);
      expect(await auditOf(registration.ticketNumber)).toContain('task.cancelled:system');
    });
  });

  it('when the caseworker drops the case, then a reason is required and the case ends as dropped', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, observedAt } = await startTicket(taskQueue, 'HA-AB 123');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer({ facts: 'other_driver', driver: { name: 'Eva Fahrer', street: 'Weg 1', postalCode: '58095', city: 'Hagen' } }));
      // Another driver named: no fine notice to the person who answered.
      const task = (await db.model.tasks.findById(taskIdIn(handle, 'hearing-decision')).lean())!;
      expect(Object.keys(task.outcomes as object)).toEqual(['drop', 'cost_notice']);
      expect(task.caseData).toMatchObject({ answer: { driver: { name: 'Eva Fahrer' } } });
      expect(await failureType(decide(handle, 'hearing-decision', { outcome: 'fine_notice' }))).toBe('InvalidDecision');
      expect(await failureType(decide(handle, 'hearing-decision', { outcome: 'drop' }))).toBe('InvalidDecision');
      await decide(handle, 'hearing-decision', { outcome: 'drop', reason: 'Geringfügigkeit (§ 47 OWiG)' });
      expect((await handle.result()).status).toBe('dropped');
    });
  });

  it('when the holder is unknown, then the hearing is still open to the code on the windscreen card, and without an answer only dropping is offered', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, observedAt } = await startTicket(taskQueue, 'HA-ZZ 999');
      const { letterDeadline } = await toHearing(handle, observedAt, 'holder_unknown');
      expect((await caseState(handle)).hearing).toBe('open');
      await env.sleep(Date.parse(letterDeadline!) + 60_000 - (await env.currentTimeMs()));
      await statusIs(handle, 'decision_pending');
      const task = (await db.model.tasks.findById(taskIdIn(handle, 'hearing-decision')).lean())!;
      expect(Object.keys(task.outcomes as object)).toEqual(['drop']);
      expect(await failureType(decide(handle, 'hearing-decision', { outcome: 'fine_notice' }))).toBe('InvalidDecision');
      await decide(handle, 'hearing-decision', { outcome: 'drop', reason: 'Halter nicht ermittelbar' });
      expect((await handle.result()).status).toBe('dropped');
    });
  });

  it('when withdrawal is requested, then the traffic department decides: keep continues, a second open request is refused, withdraw closes the case', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-LP 2025');
      expect(await failureType(handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: '', by: 'warden-test', source: 'staff' }] }))).toBe('InvalidWithdrawal');
      const first = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Kennzeichen falsch notiert', by: 'warden-test', source: 'staff' }] });
      expect(first.taskId).toBe(taskIdOf(handle.workflowId, 'withdrawal-1'));
      expect(await db.model.tasks.findById(first.taskId).lean()).toMatchObject({ type: 'parking-ticket.withdrawal', department: 'traffic', status: 'open' });
      expect(await failureType(handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Bewohnerparkausweis lag aus', by: 'citizen', source: 'citizen' }] }))).toBe('WithdrawalPending');
      expect(await failureType(decide(handle, 'withdrawal-1', { outcome: 'keep' }))).toBe('InvalidDecision');
      await decide(handle, 'withdrawal-1', { outcome: 'keep', reason: 'Foto zeigt das richtige Kennzeichen' });
      await eventually(async () => (await handle.query(ticketStateQuery)).withdrawalTaskId === undefined, 'the kept ticket');
      expect((await caseState(handle)).status).toBe('open');

      await toHearing(handle, observedAt);
      const second = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Bewohnerparkausweis lag aus', by: 'citizen', source: 'citizen' }] });
      expect(second.taskId).toBe(taskIdOf(handle.workflowId, 'withdrawal-2'));
      await decide(handle, 'withdrawal-2', { outcome: 'withdraw', reason: 'Gültiger Ausweis nachgewiesen' }, 'traffic-1');
      expect((await handle.result()).status).toBe('withdrawn');
      expect((await db.model.outbox.findOne({ caseNumber: registration.ticketNumber }).lean())?.status).toBe('cancelled');
      const actions = await auditOf(registration.ticketNumber);
      expect(actions).toEqual(expect.arrayContaining(['parking-ticket.withdrawal-requested:warden-test', 'parking-ticket.withdrawal-requested:citizen', 'parking-ticket.withdrawn:traffic-1']));
    });
  });

  it('when a withdrawal decision is still being recorded as the fine office decides on a notice, then the withdrawal is booked first and no notice is issued', async () => {
    // The traffic department's decision is accepted, but its recording waits for the test.
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let recording = false;
    const gated = (deps: Parameters<typeof createActivities>[0]) => {
      const real = createActivities(deps);
      return { ...real, async closeTask(args: Parameters<typeof real.closeTask>[0]) {
        if (args.taskId.endsWith('~withdrawal-1') && args.status === 'completed') { recording = true; await released; }
        return real.closeTask(args);
      } };
    };
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-MM 4711');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer());
      const { taskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag aus', by: 'warden-test', source: 'staff' }] });
      const withdrawing = handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'withdraw', reason: 'Ausweis nachgewiesen' }, by: 'traffic-1' }] });
      await eventually(async () => recording, 'the withdrawal being recorded');
      await decide(handle, 'hearing-decision', { outcome: 'fine_notice' });
      // The notice waits for the withdrawal's record.
      await new Promise((r) => setTimeout(r, 1500));
      expect(await db.model.outbox.countDocuments({ caseNumber: registration.ticketNumber, kind: 'fine_notice' })).toBe(0);
      release();
      await withdrawing;
      expect((await handle.result()).status).toBe('withdrawn');
      expect(await proceedingsOf(handle).result()).toEqual({ outcome: 'settled' });
      expect(await db.model.outbox.countDocuments({ caseNumber: registration.ticketNumber, kind: 'fine_notice' })).toBe(0);
      expect((await fineCases(db.conn).findById(registration.ticketNumber).lean())?.notice).toBeUndefined();
      const actions = await auditOf(registration.ticketNumber);
      expect(actions.filter((a) => a.startsWith('fine-proceedings.fine-notice-issued'))).toEqual([]);
      expect(actions.at(-1)).toBe('parking-ticket.withdrawn:traffic-1');
    }, gated);
  });

  it('when a Verwarnungsgeld booked on day 7 (23:59) is reported after a fine notice, then the case closes as paid at the original amount; one booked on day 8 (00:01) is only a part of the notice', async () => {
    await ts.withWorker(async (taskQueue) => {
      const [inTime, late] = await Promise.all([startTicket(taskQueue, 'HA-MM 4711'), startTicket(taskQueue, 'HA-XY 42')]);
      const weekEnds = paymentDeadline(inTime.observedAt, 7).getTime();
      expect(Date.parse(inTime.registration.paymentDeadline)).toBe(weekEnds);
      await toHearing(inTime.handle, inTime.observedAt);
      await statusIs(late.handle, 'letter_sent');
      for (const { handle } of [inTime, late]) {
        await answerHearing(handle, answer());
        await decide(handle, 'hearing-decision', { outcome: 'fine_notice' });
        await statusIs(handle, 'fine_notice_sent');
      }
      // The bank statements arrive after the notices: one transfer booked a minute before the week ended, one a minute after.
      await inTime.handle.signal(paymentBookedSignal, { paymentId: `camt-day7-${taskQueue}`, amountCents: 2500, bookedAt: new Date(weekEnds - MINUTE).toISOString(), channel: 'bank_transfer' });
      await late.handle.signal(paymentBookedSignal, { paymentId: `camt-day8-${taskQueue}`, amountCents: 2500, bookedAt: new Date(weekEnds + MINUTE).toISOString(), channel: 'bank_transfer' });

      const paid = await eventually(async () => { const s = await inTime.handle.query(ticketStateQuery); return s.status === 'paid' && s; }, 'paid at the original amount');
      expect(paid.paidCents).toBe(2500);
      expect(await proceedingsOf(inTime.handle).result()).toMatchObject({ outcome: 'settled' });
      const closed = (await db.model.tickets.findOne({ ticketNumber: inTime.registration.ticketNumber }).lean())!;
      expect(closed).toMatchObject({ status: 'paid', paidCents: 2500, overpaidCents: 0 });
      expect(await auditOf(inTime.registration.ticketNumber)).toEqual(expect.arrayContaining(['parking-ticket.payment-booked:payment:bank_transfer', 'parking-ticket.paid:system']));

      await eventually(async () => (await late.handle.query(ticketStateQuery)).paidCents === 2500, 'the late payment booked');
      expect((await caseState(late.handle)).status).toBe('fine_notice_sent');
      const lateActions = await auditOf(late.registration.ticketNumber);
      expect(lateActions).toContain('parking-ticket.payment-partial:payment:bank_transfer');
      expect(lateActions).not.toContain('parking-ticket.paid:system');
      // The rest of the notice (53.50 € − 25 €) closes it.
      await late.handle.signal(paymentBookedSignal, { paymentId: `rest-${taskQueue}`, amountCents: 2850, bookedAt: await envNow(), channel: 'card' });
      expect((await late.handle.result()).status).toBe('paid');
    });
  });

  it('when the fee table differs from tariff.json, then the notice\'s amounts and deadline are those the activity computed and its total settles the case', async () => {
    // Another fee table given to the activities only: workflow code that recomputed from tariff.json would disagree.
    const tariff = { ...fineTariff, fineNotice: { ...fineTariff.fineNotice, postageCents: 411 }, paymentDays: 21 };
    await ts.withWorker(async (taskQueue) => {
      const { handle, observedAt } = await startTicket(taskQueue, 'HA-XY 42');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer());
      const task = (await db.model.tasks.findById(taskIdIn(handle, 'hearing-decision')).lean())!;
      expect(task.caseData).toMatchObject({ amounts: { fineNotice: { postageCents: 411, totalCents: 2500 + 2500 + 411 } } });
      await decide(handle, 'hearing-decision', { outcome: 'fine_notice', fineEuros: 30 });
      const sent = await statusIs(handle, 'fine_notice_sent');
      const decidedAt = await env.currentTimeMs();
      expect(sent.notice!.amounts).toEqual({ fineCents: 3000, feeCents: 2500, postageCents: 411, totalCents: 5911 });
      expect(sent.notice!.deadline).toBe(paymentDeadline(new Date(decidedAt), 21).toISOString());
      expect((await handle.query(ticketStateQuery)).amountDueCents).toBe(5911);
      // Not final after tariff.json's 14 days: the notice's own 21 days count.
      await env.sleep(15 * DAY);
      expect((await caseState(handle)).status).toBe('fine_notice_sent');
      await handle.signal(paymentBookedSignal, { paymentId: `tariff-${taskQueue}`, amountCents: 5911, bookedAt: await envNow(), channel: 'card' });
      expect((await handle.result()).status).toBe('paid');
    }, (deps) => createActivities({ ...deps, fineTariff: tariff }));
  });

  it('when a payment is reported while the fine notice becomes final (fine_final), then it is booked before the run ends (not dropped) and the case stays final', async () => {
    // The proceedings' "final" status write waits for the test: the payment arrives while the case ends its steps.
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let reached = false;
    const gated = (deps: Parameters<typeof createActivities>[0]) => {
      const real = createActivities(deps);
      return { ...real, async recordProceedingsStatus(args: Parameters<typeof real.recordProceedingsStatus>[0]) {
        if (args.status === 'fine_final') { reached = true; await released; }
        return real.recordProceedingsStatus(args);
      } };
    };
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-XY 42');
      await toHearing(handle, observedAt);
      await answerHearing(handle, answer());
      await decide(handle, 'hearing-decision', { outcome: 'fine_notice', fineEuros: 30 });
      const sent = await statusIs(handle, 'fine_notice_sent');
      await env.sleep(Date.parse(sent.notice!.deadline) - (await env.currentTimeMs()) + MINUTE);
      await eventually(async () => reached, 'the fine_final status write');
      const total = sent.notice!.amounts.totalCents;
      await handle.signal(paymentBookedSignal, { paymentId: `final-${taskQueue}`, amountCents: total, bookedAt: await envNow(), channel: 'bank_transfer' });
      release();
      const final = await handle.result();
      expect(final.status).toBe('fine_final');
      expect(final.paidCents).toBe(total);
      // The notice's total was owed: nothing over-paid.
      expect((await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean())?.overpaidCents).toBe(0);
      expect(await db.model.payments.countDocuments({ caseNumber: registration.ticketNumber })).toBe(1);
      expect(await auditOf(registration.ticketNumber)).toEqual(expect.arrayContaining(['fine-proceedings.fine-notice-final:system', 'parking-ticket.payment-booked:payment:bank_transfer']));
    }, gated);
  });
});
