/**
 * Activities of the payment reconciliation (workflows/payments), shared by every procedure:
 * what the provider says about a checkout, and the note that its payment reached the case.
 */
import type { Connection } from 'mongoose';
import type { PaymentProvider } from '../../adapters/payments/payment-provider';
import { findCheckoutIntent, markCheckoutBooked } from '../../store/payments/checkout-intents';
import type { CheckoutState } from '../../workflows/payments/shared';

export interface PaymentActivityDeps { conn: Connection; paymentProvider: PaymentProvider }

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

    async markCheckoutBooked({ checkoutId }: { checkoutId: string }): Promise<void> {
      await markCheckoutBooked(deps.conn, checkoutId);
    },
  };
}
export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
