/**
 * Online-Knöllchen (procedure 1): a warden records a parking offence; the person has one week
 * (7 calendar days, Europe/Berlin, a payment booked on day 7 counts) to pay the
 * Verwarnungsgeld online or by bank transfer. Unpaid, the vehicle holder is looked up and the
 * written Verwarnung/Anhörung goes to the postal outbox with a new 14-day deadline. A
 * caseworker may withdraw the ticket at any time.
 */
import {
  ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { createParkingTicketActivities } from '../../activities/parking-ticket';
import { paymentDeadline } from '../../domain/berlin-time';
import {
  ERROR_TYPES, paymentBookedSignal, registrationUpdate, ticketStateQuery, withdrawUpdate,
  type ParkingTicketInput, type PaymentBooked, type TicketRegistration, type TicketState, type TicketStatus,
  type Withdrawal,
} from './shared';

const LETTER_DEADLINE_DAYS = 14;

const act = proxyActivities<ReturnType<typeof createParkingTicketActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

export async function parkingTicketWorkflow(input: ParkingTicketInput): Promise<TicketState> {
  const { workflowId, runId } = workflowInfo();
  const state: TicketState = { status: 'registering', paidCents: 0, paymentIds: [] };
  let registration: TicketRegistration | undefined;
  let withdrawal: Withdrawal | undefined;
  const unprocessed: PaymentBooked[] = [];
  const closed = (): boolean => ['paid', 'withdrawn', 'handed_to_fine_office'].includes(state.status);

  setHandler(ticketStateQuery, () => state);
  setHandler(paymentBookedSignal, (payment) => {
    if (state.paymentIds.includes(payment.paymentId)) return; // reported twice, booked once
    state.paymentIds.push(payment.paymentId);
    unprocessed.push(payment);
  });
  setHandler(registrationUpdate, async () => {
    await condition(() => registration !== undefined);
    return registration!;
  }, {
    validator: ({ requestFingerprint }) => {
      if (requestFingerprint !== input.requestFingerprint) {
        throw ApplicationFailure.create({ type: ERROR_TYPES.idempotencyKeyReused, nonRetryable: true,
          message: 'This idempotency key was already used for a different ticket' });
      }
    },
  });
  setHandler(withdrawUpdate, async (request) => {
    withdrawal = request;
    // The main loop books the withdrawal; a ticket closed meanwhile answers with its final state.
    await condition(() => state.status === 'withdrawn' || closed());
    return { status: state.status };
  }, {
    validator: ({ reason }) => {
      if (!reason || reason.trim().length < 3) {
        throw ApplicationFailure.create({ type: ERROR_TYPES.invalidWithdrawal, nonRetryable: true, message: 'A reason is required' });
      }
      if (closed() || withdrawal) {
        throw ApplicationFailure.create({ type: ERROR_TYPES.ticketClosed, nonRetryable: true, message: `The ticket is already ${state.status}` });
      }
    },
  });

  const setStatus = async (status: TicketStatus, action: string, details: Record<string, unknown> = {}, actor = 'system') => {
    await act.recordTicketStatus({ ticketNumber: state.ticketNumber!, status, action, actor, details, workflowId, runId });
    // Set after the read model has it: an update waiting for this status answers only then.
    state.status = status;
    upsertSearchAttributes({ AmtswegStatus: [status] });
  };

  /** Books every reported payment; true once the amount due is covered. */
  const bookPayments = async (): Promise<boolean> => {
    while (unprocessed.length > 0) {
      const payment = unprocessed.shift()!;
      const booked = await act.recordTicketPayment({ ticketNumber: state.ticketNumber!, payment, amountDueCents: input.offence.amountCents, workflowId, runId });
      state.paidCents = booked.paidTotalCents;
      if (state.paidCents >= input.offence.amountCents) {
        await setStatus('paid', 'ticket.paid', { overpaidCents: state.paidCents - input.offence.amountCents, late: state.letterDeadline !== undefined });
        if (payment.receiptEmail) {
          await act.sendPaymentReceipt({ ticketNumber: state.ticketNumber!, paymentId: payment.paymentId, email: payment.receiptEmail });
        }
        return true;
      }
    }
    return false;
  };

  /** Waits until paid, withdrawn or the deadline; answers true when the case is settled. */
  const waitForSettlement = async (deadline: string): Promise<boolean> => {
    for (;;) {
      const remaining = Date.parse(deadline) - Date.now();
      const woke = await condition(() => unprocessed.length > 0 || withdrawal !== undefined, Math.max(remaining, 1));
      if (!woke) return false;
      if (withdrawal) {
        await setStatus('withdrawn', 'ticket.withdrawn', { reason: withdrawal.reason }, withdrawal.by);
        return true;
      }
      if (await bookPayments()) return true;
    }
  };

  registration = await act.registerParkingTicket({ workflowId, runId, input });
  state.ticketNumber = registration.ticketNumber;
  state.paymentDeadline = registration.paymentDeadline;
  state.status = 'open';
  upsertSearchAttributes({ AmtswegCaseNumber: [registration.ticketNumber], AmtswegStatus: ['open'] });

  if (!(await waitForSettlement(registration.paymentDeadline))) {
    const holder = await act.lookUpVehicleHolder({ ticketNumber: registration.ticketNumber });
    state.letterDeadline = paymentDeadline(new Date(Date.now()), LETTER_DEADLINE_DAYS).toISOString();
    if (holder) {
      await act.createWarningLetter({ ticketNumber: registration.ticketNumber, holder, letterDeadline: state.letterDeadline, workflowId, runId });
      await setStatus('letter_sent', 'letter.queued', { letterDeadline: state.letterDeadline });
    } else {
      await setStatus('holder_unknown', 'holder.not_found');
    }
    if (!(await waitForSettlement(state.letterDeadline))) {
      // The Bußgeldverfahren (hearing, fine notice) takes over from here.
      await setStatus('handed_to_fine_office', 'ticket.handed_to_fine_office');
    }
  }
  await condition(allHandlersFinished);
  return state;
}
