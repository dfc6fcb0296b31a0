/**
 * Activities of the payment reconciliation (workflows/payments), shared by every procedure:
 * what the provider says about a checkout, and the note that its payment reached the case.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Connection } from 'mongoose';
import type { Mailer } from '../../adapters/mail/mailer';
import { PaymentProviderError, type PaymentProvider } from '../../adapters/payments/payment-provider';
import { appendAuditEvent } from '../../store/audit';
import type { ReadModel } from '../../store/models';
import { findCheckoutIntent, markCheckoutBooked } from '../../store/payments/checkout-intents';
import { findLatePayment, forgetLatePaymentEmail, markLatePaymentRefunded, recordLatePayment } from '../../store/payments/late-payments';
import { PARKING_TICKET_ACTIONS, PARKING_TICKET_PROCEDURE } from '../../workflows/parking-ticket/shared';
import type { CheckoutState, PaymentBooked } from '../../workflows/payments/shared';
import { sendCaseMail } from '../mail/send-case-mail';
import { lateRefundMail } from './refund-mail';

export interface PaymentActivityDeps { conn: Connection; paymentProvider: PaymentProvider; model: ReadModel; mailer: Mailer }

/** The provider refused the refund for good (e.g. the checkout is unknown to it): the record stays "to be refunded" for staff. */
export const REFUND_REFUSED = 'RefundRefused';

export function createPaymentActivities(deps: PaymentActivityDeps) {
  return {
    /** A provider that is down fails the attempt (retried); an unknown checkout ends the reconciliation. */
    async checkCheckout({ checkoutId }: { checkoutId: string }): Promise<CheckoutState> {
      const intent = await findCheckoutIntent(deps.conn, checkoutId);
      if (!intent) return { state: 'unknown' };
      if (intent.bookedAt) return { state: 'booked' };
      const checkout = await deps.paymentProvider.getCheckout(checkoutId);
      if (!checkout) return { state: 'unknown' };
      if (checkout.status === 'cancelled') return { state: 'cancelled' };
      if (checkout.status !== 'paid' || !checkout.paymentId) return { state: 'open' };
      return { state: 'paid', payment: {
        paymentId: checkout.paymentId, amountCents: checkout.amountCents, bookedAt: checkout.paidAt ?? new Date().toISOString(),
        channel: checkout.method ?? 'card', ...(intent.receiptEmail ? { receiptEmail: intent.receiptEmail } : {}),
      } };
    },

    /**
     * A payment that reached a closed case: recorded as "to be refunded" (one record per payment
     * id), paid back through the provider (which refunds a payment once), then noted in the
     * case's audit trail under a key of its own. Every step is idempotent, so a retry, a second
     * reconciliation run or a concurrent one ends with one record, one refund, one event.
     */
    async refundLatePayment({ checkoutId, payment }: { checkoutId: string; payment: PaymentBooked }): Promise<{ refunded: boolean }> {
      const intent = await findCheckoutIntent(deps.conn, checkoutId);
      if (!intent) throw ApplicationFailure.nonRetryable(`checkout ${checkoutId} has no case`, REFUND_REFUSED);
      const record = await recordLatePayment(deps.conn, {
        _id: payment.paymentId, checkoutId, caseNumber: intent.caseNumber, amountCents: payment.amountCents, bookedAt: new Date(payment.bookedAt),
        ...(payment.receiptEmail ?? intent.receiptEmail ? { receiptEmail: payment.receiptEmail ?? intent.receiptEmail } : {}),
      });
      let refund;
      try {
        refund = await deps.paymentProvider.refundCheckout(checkoutId, `case ${record.caseNumber} closed before the payment arrived`);
      } catch (error) {
        if (error instanceof PaymentProviderError && !error.retryable) throw ApplicationFailure.nonRetryable(error.message, REFUND_REFUSED);
        throw error;
      }
      if (!refund) throw ApplicationFailure.nonRetryable(`the provider does not know checkout ${checkoutId}`, REFUND_REFUSED);
      await markLatePaymentRefunded(deps.conn, record._id, { refundId: refund.id, refundedAt: new Date(refund.refundedAt) });
      const { workflowId, runId } = Context.current().info.workflowExecution ?? {};
      await appendAuditEvent(deps.model, {
        key: `late-payment-refunded:${record._id}`, actor: 'system', action: PARKING_TICKET_ACTIONS.latePaymentRefunded,
        caseType: PARKING_TICKET_PROCEDURE, caseNumber: record.caseNumber, workflowId, runId,
        details: { amountCents: record.amountCents, paymentId: record._id, refundId: refund.id },
      });
      return { refunded: true };
    },

    /** Tells the payer (if an address is known) that the payment came after the case was closed and is refunded; sent once. */
    async sendLateRefundMail({ paymentId }: { paymentId: string }): Promise<void> {
      const record = await findLatePayment(deps.conn, paymentId);
      if (!record?.receiptEmail) return;
      await sendCaseMail(deps.model, deps.mailer, {
        key: `late-refund:${paymentId}`, caseType: PARKING_TICKET_PROCEDURE, caseNumber: record.caseNumber,
        undeliverableAction: PARKING_TICKET_ACTIONS.mailUndeliverable,
        message: lateRefundMail({ to: record.receiptEmail, caseNumber: record.caseNumber, amountCents: record.amountCents, bookedAt: record.bookedAt.toISOString() }),
      });
      await forgetLatePaymentEmail(deps.conn, paymentId);
    },

    async markCheckoutBooked({ checkoutId }: { checkoutId: string }): Promise<void> {
      await markCheckoutBooked(deps.conn, checkoutId);
    },
  };
}
export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
