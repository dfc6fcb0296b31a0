/**
 * Refunds at the sandbox provider: a paid checkout's payment is paid back in full, at most once.
 * The refund is an insert keyed by the payment id, so two refund requests at once (a retried
 * activity, two processes) meet at the unique `_id` and the loser answers the winner's refund —
 * the one write that is atomic under concurrency on FerretDB v1 (see SandboxOutcomeDoc).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Refund } from '../../adapters/payments/payment-provider';
import { isDuplicateKey } from '../../store/duplicate-key';
import type { SandboxCheckoutDoc } from './checkout-model';
import { newId } from './settle-checkout';

/** The sandbox provider's own record of a refund (collection sandbox_payment_refunds). */
export interface SandboxRefundDoc {
  /** The refunded payment's id: one refund per payment. */
  _id: string;
  refundId: string;
  checkoutId: string;
  amountCents: number;
  currency: 'EUR';
  reason: string;
  /** Who asked for it ('key' or 'admin:<id>'). */
  requestedBy: string;
  refundedAt: Date;
}

const refundSchema = new Schema<SandboxRefundDoc>({
  _id: { type: String, required: true },
  refundId: { type: String, required: true },
  checkoutId: { type: String, required: true, index: true },
  amountCents: { type: Number, required: true },
  currency: { type: String, required: true },
  reason: { type: String, required: true },
  requestedBy: { type: String, required: true },
  refundedAt: { type: Date, required: true },
}, { collection: 'sandbox_payment_refunds', versionKey: false });

export type SandboxRefundModel = Model<SandboxRefundDoc>;

export function sandboxRefundModel(conn: Connection): SandboxRefundModel {
  return (conn.models.SandboxPaymentRefund as SandboxRefundModel | undefined) ?? conn.model<SandboxRefundDoc>('SandboxPaymentRefund', refundSchema);
}

export function toRefund(doc: SandboxRefundDoc): Refund {
  return { id: doc.refundId, paymentId: doc._id, checkoutId: doc.checkoutId, amountCents: doc.amountCents, currency: doc.currency, status: 'refunded', refundedAt: doc.refundedAt.toISOString() };
}

/** Refunds a paid checkout's payment in full; `created: false` when it was refunded before (the first refund is answered). */
export async function refundCheckout(Refunds: SandboxRefundModel, checkout: SandboxCheckoutDoc & { paymentId: string }, reason: string, requestedBy: string):
Promise<{ refund: SandboxRefundDoc; created: boolean }> {
  const proposed: SandboxRefundDoc = {
    _id: checkout.paymentId, refundId: newId('ref'), checkoutId: checkout._id, amountCents: checkout.amountCents, currency: checkout.currency,
    reason, requestedBy, refundedAt: new Date(),
  };
  try {
    await Refunds.create(proposed);
    return { refund: proposed, created: true };
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
  const first = await Refunds.findById(checkout.paymentId).lean<SandboxRefundDoc>();
  if (!first) throw new Error(`refund of payment ${checkout.paymentId} vanished`);
  return { refund: first, created: false };
}
