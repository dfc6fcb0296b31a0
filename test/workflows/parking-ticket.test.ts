/**
 * The ParkingTicket workflow at its real durations (7 days, 14 days) on Temporal's
 * time-skipping test server, with the real activities against the embedded database.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { paymentDeadline } from '../../domain/berlin-time';
import {
  ERROR_TYPES, paymentBookedSignal, registrationUpdate, ticketStateQuery, withdrawalRequestUpdate, type ParkingTicketInput,
} from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import type { ActivityEnv } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';
import { documentBytes } from '../../store/documents';
import { completeTaskUpdate, taskIdOf } from '../../workflows/tasks/shared';
import { createActivities } from '../../activities';
import { fineProceedingsWorkflowId, proceedingsStateQuery } from '../../workflows/fine-proceedings/shared';

const ts = useTimeSkippingEnv('workflow_parking_ticket');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

/** The type of the refusal an Update got (it must be refused by the workflow's validator, not fail otherwise). */
async function refusalType(p: Promise<unknown>): Promise<string | undefined> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((error as WorkflowUpdateFailedError).cause as { type?: string }).type;
}

function ticketInput(plate: string, observedAt: Date): ParkingTicketInput {
  return {
    requestFingerprint: `fp-${plate}`,
    offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
    plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: observedAt.toISOString(), recordedBy: 'warden-test',
  };
}

const withWorker = <T>(fn: (taskQueue: string) => Promise<T>): Promise<T> => ts.withWorker(fn);

async function startTicket(taskQueue: string, plate: string) {
  const observedAt = new Date(await env.currentTimeMs());
  const handle = await env.client.workflow.start(parkingTicketWorkflow, {
    taskQueue, workflowId: `parking-ticket-test-${randomUUID()}`, args: [ticketInput(plate, observedAt)],
  });
  const registration = await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: `fp-${plate}` }] });
  return { handle, registration, observedAt };
}


describe('ParkingTicket workflow (time skipping)', () => {
  it('when paid on day 7 (23:00 Berlin), then the ticket closes as paid and no letter is written', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-AB 123');
      const deadline = paymentDeadline(observedAt, 7);
      expect(registration.paymentDeadline).toBe(deadline.toISOString());
      await env.sleep(deadline.getTime() - HOUR - (await env.currentTimeMs()));
      await handle.signal(paymentBookedSignal, { paymentId: 'pay-day7', amountCents: 2500, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'card' });
      const final = await handle.result();
      expect(final.status).toBe('paid');
      expect(await db.model.outbox.countDocuments({ caseNumber: registration.ticketNumber })).toBe(0);
      const ticket = await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean();
      expect(ticket?.status).toBe('paid');
      expect(ticket?.paidCents).toBe(2500);
    });
  });

  it('when nothing is paid, then the letter is queued on day 8 and not before, with a 14-day deadline', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-MM 4711');
      const deadline = paymentDeadline(observedAt, 7);
      await env.sleep(deadline.getTime() - 60_000 - (await env.currentTimeMs()));
      expect((await handle.query(ticketStateQuery)).status).toBe('open');
      expect(await db.model.outbox.countDocuments({ caseNumber: registration.ticketNumber })).toBe(0);
      await env.sleep(2 * 60_000); // into day 8
      const letter = await eventually(() => db.model.outbox.findOne({ caseNumber: registration.ticketNumber }).lean(), 'the letter');
      expect(letter.recipientName).toBe('Max Mustermann');
      expect(letter.status).toBe('queued');
      const state = await eventually(async () => { const s = await handle.query(ticketStateQuery); return s.status === 'letter_sent' && s; }, 'letter_sent');
      expect(state.letterDeadline).toBe(paymentDeadline(new Date(deadline.getTime()), 14).toISOString());
      const doc = await db.model.documents.findById(letter.documentId).lean();
      expect(documentBytes(doc!.data).subarray(0, 5).toString()).toBe('%PDF-');
      // Unpaid and unanswered after the letter's 14 days, the fine office decides (test/workflows/fine-proceedings.test.ts).
      await env.sleep(Date.parse(state.letterDeadline!) - 60_000 - (await env.currentTimeMs()));
      expect((await handle.query(ticketStateQuery)).status).toBe('letter_sent');
      await env.sleep(2 * 60_000);
      // The Bußgeldverfahren runs as the ticket's child workflow: its state and its decision task.
      const proceedings = env.client.workflow.getHandle(fineProceedingsWorkflowId(handle.workflowId));
      await eventually(async () => (await proceedings.query(proceedingsStateQuery).catch(() => undefined))?.status === 'decision_pending', 'decision_pending');
      const taskId = taskIdOf(proceedings.workflowId, 'hearing-decision');
      expect((await db.model.tasks.findById(taskId).lean())?.caseData).toMatchObject({ answered: false });
      await proceedings.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'drop', reason: 'Testende' }, by: 'caseworker-1' }] });
      expect((await handle.result()).status).toBe('dropped');
    });
  });

  it('when a transfer booked on day 7 is reported on day 9, then the ticket closes as paid, the queued letter is cancelled and an over-payment is recorded', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-FW 300');
      const deadline = paymentDeadline(observedAt, 7);
      await env.sleep(deadline.getTime() + 2 * 24 * HOUR - (await env.currentTimeMs()));
      await eventually(() => db.model.outbox.findOne({ caseNumber: registration.ticketNumber, status: 'queued' }).lean(), 'the queued letter');
      // The bank statement (camt.053) arrives late; the booking date lies inside the window.
      // 30 € for a 25 € ticket: closes it, and the 5 € too much are recorded for a refund.
      await handle.signal(paymentBookedSignal, { paymentId: 'camt-late-1', amountCents: 3000, bookedAt: new Date(deadline.getTime() - 3 * HOUR).toISOString(), channel: 'bank_transfer' });
      expect((await handle.result()).status).toBe('paid');
      const letter = await db.model.outbox.findOne({ caseNumber: registration.ticketNumber }).lean();
      expect(letter?.status).toBe('cancelled');
      expect((await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean())?.overpaidCents).toBe(500);
    });
  });

  it('when the traffic department withdraws the ticket, then it closes as withdrawn and a second withdrawal is refused', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration } = await startTicket(taskQueue, 'HA-XY 42');
      await env.sleep(2 * 24 * HOUR);
      expect(await refusalType(handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: '', by: 'caseworker-1', source: 'staff' }] }))).toBe(ERROR_TYPES.invalidWithdrawal);
      const { taskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag sichtbar aus', by: 'caseworker-1', source: 'staff' }] });
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'withdraw', reason: 'Parkausweis lag sichtbar aus' }, by: 'caseworker-1' }] });
      expect((await handle.result()).status).toBe('withdrawn');
      // The case has ended: the request finds no running workflow (the API answers 409 from the read model before it asks).
      expect(await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'noch einmal', by: 'caseworker-2', source: 'staff' }] }).catch((e: unknown) => e))
        .toBeInstanceOf(WorkflowNotFoundError);
      const audit = await db.model.audit.find({ caseNumber: registration.ticketNumber }).sort({ at: 1 }).lean();
      expect(audit.map((a) => a.action)).toEqual(['parking-ticket.recorded', 'task.opened', 'parking-ticket.withdrawal-requested', 'task.completed', 'parking-ticket.withdrawn']);
      expect(audit.at(-1)!.actor).toBe('caseworker-1');
    });
  });

  it('when a part-paid ticket is withdrawn, then what was paid is recorded as due to be paid back', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration } = await startTicket(taskQueue, 'HA-XY 42');
      await handle.signal(paymentBookedSignal, { paymentId: 'part-then-withdrawn', amountCents: 1000, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'bank_transfer' });
      await eventually(async () => (await handle.query(ticketStateQuery)).paidCents === 1000, 'the part payment');
      const { taskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag aus', by: 'caseworker-1', source: 'staff' }] });
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'withdraw', reason: 'Parkausweis nachgewiesen' }, by: 'caseworker-1' }] });
      expect((await handle.result()).status).toBe('withdrawn');
      expect(await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean()).toMatchObject({ status: 'withdrawn', paidCents: 1000, overpaidCents: 1000 });
      const audit = await db.model.audit.find({ caseNumber: registration.ticketNumber }).sort({ at: 1 }).lean();
      expect(audit.map((a) => a.action).slice(-2)).toEqual(['parking-ticket.withdrawn', 'parking-ticket.refund-due']);
      expect(audit.at(-1)!.details).toEqual({ overpaidCents: 1000 });
    });
  });

  it('when part-paid proceedings are dropped, then what was paid is due to be paid back', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration, observedAt } = await startTicket(taskQueue, 'HA-MM 4711');
      await env.sleep(paymentDeadline(observedAt, 7).getTime() + MINUTE - (await env.currentTimeMs()));
      const state = await eventually(async () => { const s = await handle.query(ticketStateQuery); return s.status === 'letter_sent' && s; }, 'letter_sent');
      // Booked after the week: 10 € do not cover the Verwarnungsgeld.
      await handle.signal(paymentBookedSignal, { paymentId: 'part-then-dropped', amountCents: 1000, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'bank_transfer' });
      await eventually(async () => (await handle.query(ticketStateQuery)).paidCents === 1000, 'the part payment');
      await env.sleep(Date.parse(state.letterDeadline!) + MINUTE - (await env.currentTimeMs()));
      const proceedings = env.client.workflow.getHandle(fineProceedingsWorkflowId(handle.workflowId));
      await eventually(async () => (await proceedings.query(proceedingsStateQuery).catch(() => undefined))?.status === 'decision_pending', 'decision_pending');
      await proceedings.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(proceedings.workflowId, 'hearing-decision'), decision: { outcome: 'drop', reason: 'Halter nicht Fahrer' }, by: 'caseworker-1' }] });
      expect((await handle.result()).status).toBe('dropped');
      expect(await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean()).toMatchObject({ status: 'dropped', paidCents: 1000, overpaidCents: 1000 });
      const refund = await db.model.audit.findOne({ caseNumber: registration.ticketNumber, action: 'parking-ticket.refund-due' }).lean();
      expect(refund?.details).toEqual({ overpaidCents: 1000 });
    });
  });

  it('when a withdrawal request stays undecided, then its task escalates 7 days after the request and not a minute before', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration } = await startTicket(taskQueue, 'HA-K 7');
      await env.sleep(DAY);
      const requestedAt = await env.currentTimeMs();
      const { taskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Parkausweis lag aus', by: 'warden-test', source: 'staff' }] });
      const dueAt = requestedAt + 7 * DAY;
      expect(Math.abs(Date.parse(String((await db.model.tasks.findById(taskId).lean())!.dueAt)) - dueAt)).toBeLessThan(MINUTE);
      await env.sleep(dueAt - MINUTE - (await env.currentTimeMs()));
      expect((await db.model.tasks.findById(taskId).lean())).toMatchObject({ status: 'open', overdue: false });
      expect(await db.model.audit.countDocuments({ caseNumber: registration.ticketNumber, action: 'task.escalated' })).toBe(0);
      await env.sleep(dueAt + MINUTE - (await env.currentTimeMs()));
      await eventually(async () => (await db.model.tasks.findById(taskId).lean())?.overdue === true, 'the withdrawal task overdue');
      expect(await eventually(() => db.model.audit.findOne({ caseNumber: registration.ticketNumber, action: 'task.escalated' }).lean(), 'the escalation event')).toMatchObject({ actor: 'system' });
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'withdraw', reason: 'Parkausweis nachgewiesen' }, by: 'traffic-1' }] });
      expect((await handle.result()).status).toBe('withdrawn');
    });
  });

  it('when a payment is reported while the case is closing, then it is booked before the run ends (not dropped) and, the ticket being withdrawn, recorded as over-paid in full', async () => {
    // The status write of the withdrawal waits for the test: the payment arrives while the case is closing.
    let closing!: () => void;
    const closed = new Promise<void>((resolve) => { closing = resolve; });
    let reached = false;
    const gated = (deps: Parameters<typeof createActivities>[0]) => {
      const real = createActivities(deps);
      return { ...real, async recordTicketStatus(args: Parameters<typeof real.recordTicketStatus>[0]) {
        if (args.status === 'withdrawn') { reached = true; await closed; }
        return real.recordTicketStatus(args);
      } };
    };
    await ts.withWorker(async (taskQueue) => {
      const { handle, registration } = await startTicket(taskQueue, 'HA-LP 2025');
      const { taskId } = await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Kennzeichen falsch notiert', by: 'warden-test', source: 'staff' }] });
      await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: { outcome: 'withdraw', reason: 'Foto zeigt anderes Kennzeichen' }, by: 'traffic-1' }] });
      await eventually(async () => reached, 'the closing status write');
      await handle.signal(paymentBookedSignal, { paymentId: 'pay-while-closing', amountCents: 2500, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'bank_transfer' });
      closing();
      const final = await handle.result();
      expect(final.status).toBe('withdrawn');
      expect(final.paidCents).toBe(2500);
      expect(await db.model.payments.countDocuments({ caseNumber: registration.ticketNumber })).toBe(1);
      const booked = await db.model.audit.findOne({ caseNumber: registration.ticketNumber, action: 'parking-ticket.payment-booked' }).lean();
      expect(booked?.details).toMatchObject({ paymentId: 'pay-while-closing', paidTotalCents: 2500, overpaidCents: 2500 });
      // Nothing is owed on a withdrawn ticket: the cash office pays all of it back.
      expect(await db.model.tickets.findOne({ ticketNumber: registration.ticketNumber }).lean()).toMatchObject({ status: 'withdrawn', paidCents: 2500, overpaidCents: 2500 });
    }, gated);
  });

  it('when the same payment is reported twice, then it is booked once', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, registration } = await startTicket(taskQueue, 'HA-K 7');
      const partial = { paymentId: 'pay-dup', amountCents: 2000, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'bank_transfer' as const };
      await handle.signal(paymentBookedSignal, partial);
      await handle.signal(paymentBookedSignal, partial);
      const state = await eventually(async () => { const s = await handle.query(ticketStateQuery); return s.paidCents === 2000 && s; }, 'the partial payment');
      expect(state.paymentIds).toEqual(['pay-dup']);
      expect(state.status).toBe('open'); // 20 € of 25 € do not close the ticket
      expect(await db.model.payments.countDocuments({ caseNumber: registration.ticketNumber })).toBe(1);
      await handle.signal(paymentBookedSignal, { ...partial, paymentId: 'pay-rest', amountCents: 500 });
      expect((await handle.result()).status).toBe('paid');
    });
  });

  it('when the idempotency key is reused with other data, then the registration update is refused', async () => {
    await withWorker(async (taskQueue) => {
      const { handle } = await startTicket(taskQueue, 'HA-LP 2025');
      const refused = await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'different' }] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'IdempotencyKeyReused' });
      // The original request still gets its registration.
      expect((await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp-HA-LP 2025' }] })).ticketNumber).toMatch(/^VG-\d{4}-\d{6}$/);
      await handle.terminate('Testende');
    });
  });
});
