/**
 * What settles a ticket before its procedure runs out: the amount due paid, or a withdrawal
 * decided. Both are booked by the main flow in the order they happened, and the case closes
 * with its open tasks cancelled and the status written last.
 */
import { condition, proxyActivities } from '@temporalio/workflow';
import type { ParkingTicketActivities } from '../../activities/parking-ticket';
import { standard } from '../activity-options';
import type { HumanTasks } from '../tasks/human-task';
import type { Payments } from './payments';
import { PARKING_TICKET_ACTIONS, type PaymentBooked, type Withdrawal } from './shared';
import type { TicketCase } from './ticket-case';
import type { Withdrawals } from './withdrawals';

const act = proxyActivities<ParkingTicketActivities>(standard);

export type Settled = { status: 'paid'; payment: PaymentBooked } | { status: 'withdrawn'; withdrawal: Withdrawal };

export interface Settlement {
  /** A payment to book or a withdrawal decided: something that may settle the case. */
  reported(): boolean;
  /** Books a decided withdrawal or the reported payments; how the case settled, if it did. */
  settle(): Promise<Settled | undefined>;
  /** Waits until the deadline for what settles the case; undefined when the deadline passed. */
  waitUntil(deadline: string): Promise<Settled | undefined>;
  /** Closes the case as paid or withdrawn: tasks the case no longer needs leave the inbox, then the status. */
  close(settled: Settled): Promise<void>;
}

export function settlementOf(ticket: TicketCase, payments: Payments, withdrawals: Withdrawals, tasks: HumanTasks): Settlement {
  const { state } = ticket;
  const reported = () => payments.waiting() || withdrawals.decided() !== undefined;
  const settle = async (): Promise<Settled | undefined> => {
    const withdrawal = withdrawals.decided();
    if (withdrawal) return { status: 'withdrawn', withdrawal };
    const payment = await payments.book();
    return payment ? { status: 'paid', payment } : undefined;
  };
  return {
    reported,
    settle,
    async waitUntil(deadline) {
      for (;;) {
        if (!(await condition(reported, Math.max(Date.parse(deadline) - Date.now(), 1)))) return undefined;
        const settled = await settle();
        if (settled) return settled;
      }
    },
    async close(settled) {
      await tasks.cancelAll(settled.status);
      if (settled.status === 'withdrawn') {
        await ticket.setStatus('withdrawn', PARKING_TICKET_ACTIONS.withdrawn, { reason: settled.withdrawal.reason }, settled.withdrawal.by);
        return;
      }
      const due = payments.dueCents(); // the Verwarnungsgeld when it was booked within the week, even after a notice
      await ticket.setStatus('paid', PARKING_TICKET_ACTIONS.paid, {
        overpaidCents: state.paidCents - due, late: !payments.coveredInTime(), ...(state.notice ? { notice: state.notice.kind } : {}),
      });
      const { payment } = settled;
      if (payment.receiptEmail) await act.sendPaymentReceipt({ ticketNumber: state.ticketNumber!, paymentId: payment.paymentId, email: payment.receiptEmail });
    },
  };
}
