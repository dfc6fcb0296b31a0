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
  /** Books what was reported, in order; returns the payment that covered the amount due, if one did. */
  book(): Promise<PaymentBooked | undefined>;
}

export function acceptPayments(ticket: TicketCase): Payments {
  const { workflowId, runId } = workflowInfo();
  const { state } = ticket;
  const unbooked: PaymentBooked[] = [];
  setHandler(paymentBookedSignal, (payment) => {
    if (state.paymentIds.includes(payment.paymentId)) return; // reported twice, booked once
    state.paymentIds.push(payment.paymentId);
    unbooked.push(payment);
  });
  return {
    waiting: () => unbooked.length > 0,
    async book() {
      while (unbooked.length > 0) {
        const payment = unbooked.shift()!;
        const booked = await act.recordTicketPayment({ ticketNumber: state.ticketNumber!, payment, amountDueCents: ticket.amountDueCents(), workflowId, runId });
        state.paidCents = booked.paidTotalCents;
        if (state.paidCents >= ticket.amountDueCents()) return payment;
      }
      return undefined;
    },
  };
}
