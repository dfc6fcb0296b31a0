/**
 * Payments reported to the ticket (provider webhook, return page, bank statement) arrive as a
 * signal; the same payment reported twice counts once. They are booked by the workflow's main
 * flow, never inside the signal handler, so booking and the case's next step cannot interleave.
 */
import { proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ParkingTicketActivities } from '../../activities/parking-ticket';
import { standard } from '../activity-options';
import { paymentBookedSignal, type PaymentBooked } from './shared';
import type { TicketCase } from './ticket-case';

const act = proxyActivities<ParkingTicketActivities>(standard);

export interface Payments {
  /** Reported, not yet booked. */
  waiting(): boolean;
  /**
   * Books what was reported, in order; returns the payment that covered the amount due, if one
   * did. `dueCents`: what the case is owed instead of `dueCents()` (nothing, once withdrawn).
   */
  book(dueCents?: number): Promise<PaymentBooked | undefined>;
  /**
   * What settles the case now: the amount due (a notice's total once one is issued) — or the
   * Verwarnungsgeld, when payments booked within the week cover it, however late they were reported.
   */
  dueCents(): number;
  /** Whether payments booked within the week cover the Verwarnungsgeld (the bank's booking date counts). */
  coveredInTime(): boolean;
}

export function acceptPayments(ticket: TicketCase): Payments {
  const { workflowId, runId } = workflowInfo();
  const { state } = ticket;
  const unbooked: PaymentBooked[] = [];
  /** Booked before the week's deadline (exclusive): the bank's booking date counts, not when the statement arrived. */
  let paidInTimeCents = 0;
  const inTime = (payment: PaymentBooked) => state.paymentDeadline !== undefined && Date.parse(payment.bookedAt) < Date.parse(state.paymentDeadline);
  const coveredInTime = () => paidInTimeCents >= ticket.input.offence.amountCents;
  const dueCents = () => (coveredInTime() ? ticket.input.offence.amountCents : ticket.amountDueCents());
  setHandler(paymentBookedSignal, (payment) => {
    if (state.paymentIds.includes(payment.paymentId)) return; // reported twice, booked once
    state.paymentIds.push(payment.paymentId);
    unbooked.push(payment);
  });
  return {
    waiting: () => unbooked.length > 0,
    dueCents,
    coveredInTime,
    async book(owed) {
      while (unbooked.length > 0) {
        const payment = unbooked.shift()!;
        if (inTime(payment)) paidInTimeCents += payment.amountCents;
        const amountDueCents = owed ?? dueCents();
        const booked = await act.recordTicketPayment({ ticketNumber: state.ticketNumber!, payment, amountDueCents, workflowId, runId });
        state.paidCents = booked.paidTotalCents;
        if (state.paidCents >= amountDueCents) return payment;
      }
      return undefined;
    },
  };
}
