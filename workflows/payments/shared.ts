/**
 * The contract of online payments, shared by every procedure that takes them: the case's
 * workflow handles a signal named `paymentBooked` carrying a PaymentBooked and counts each
 * payment ID once (webhook, return page and reconciliation may all report the same payment).
 */
import { defineSignal } from '@temporalio/workflow';

export type PaymentChannel = 'card' | 'paypal' | 'bank_transfer';

export interface PaymentBooked {
  /** The provider's (or bank statement's) id: the same payment reported twice counts once. */
  paymentId: string;
  amountCents: number;
  bookedAt: string;
  channel: PaymentChannel;
  receiptEmail?: string;
}

/** Same name as each procedure's own definition (e.g. workflows/parking-ticket/shared.ts). */
export const paymentBookedSignal = defineSignal<[PaymentBooked]>('paymentBooked');

/**
 * "Look at the checkout now": sent (with signal-with-start) by whoever learns that a checkout
 * was paid but could not hand the payment to its case because the case is closed, so the
 * reconciliation refunds it at once instead of at its next poll.
 */
export const checkCheckoutNowSignal = defineSignal('checkCheckoutNow');

/** A provider checkout nobody paid is given up after this long (a real PSP's checkouts live minutes to hours). */
export const CHECKOUT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface PaymentReconciliationInput {
  checkoutId: string;
  /** The case's workflow the payment is signalled to. */
  caseWorkflowId: string;
  /** ISO time after which an unpaid checkout counts as expired; polling stops there. */
  expiresAt: string;
  /** First pause between polls; each next pause doubles, up to `maxPollIntervalMs`. */
  firstPollIntervalMs?: number;
  maxPollIntervalMs?: number;
}

/** `refunded`: the case was closed when the payment arrived, so it was paid back; `refund_pending`: the provider refused the refund, the record waits for staff. */
export type PaymentReconciliationOutcome = 'booked' | 'refunded' | 'refund_pending' | 'failed' | 'expired' | 'unknown';

/** One reconciliation per checkout: a second start for the same checkout finds the first. */
export const paymentReconciliationWorkflowId = (checkoutId: string) => `payment-reconciliation:${checkoutId}`;

/** What the provider says about a checkout, as far as the reconciliation needs it. */
export type CheckoutState =
  | { state: 'open' | 'cancelled' | 'unknown' | 'booked' }
  | { state: 'paid'; payment: PaymentBooked };
