import { Schema, type Connection, type Model } from 'mongoose';
import type { Checkout, CheckoutStatus, PaymentMethod } from '../../adapters/payments/payment-provider';

/** The sandbox provider's own record of a checkout (collection sandbox_payment_checkouts). */
export interface SandboxCheckoutDoc {
  _id: string;
  /** `<createdBy>:<the caller's key>`: one caller cannot take another's key. */
  idempotencyKey: string;
  /** Who created it ('key' = the sandbox key holder, 'admin:<id>'): the only one who may cancel it. */
  createdBy?: string;
  amountCents: number;
  currency: 'EUR';
  reference: string;
  description: string;
  returnUrl: string;
  webhookUrl: string;
  redirectUrl: string;
  status: CheckoutStatus;
  method?: PaymentMethod;
  paymentId?: string;
  paidAt?: Date;
  cancelledAt?: Date;
  createdAt: Date;
}

/**
 * The one final decision about a checkout (paid or cancelled), keyed by the checkout id.
 * It lives in its own collection because an insert with a unique _id is the only write that
 * is atomic under concurrency on FerretDB v1: its SQLite handler applies even conditional
 * updates (findOneAndUpdate with a status filter) as read-then-write, so two concurrent
 * "pay" requests could both see `open` and both capture (FerretDB issue #3040).
 */
export interface SandboxOutcomeDoc {
  _id: string;
  status: 'paid' | 'cancelled';
  method?: PaymentMethod;
  paymentId?: string;
  at: Date;
}

const checkoutSchema = new Schema<SandboxCheckoutDoc>(
  {
    _id: { type: String, required: true },
    // Not indexed: the _id is derived from it (checkoutIdOf), and the unique _id is where
    // concurrent creates with one key meet.
    idempotencyKey: { type: String, required: true },
    createdBy: String,
    amountCents: { type: Number, required: true },
    currency: { type: String, required: true },
    reference: { type: String, required: true, index: true },
    description: { type: String, required: true },
    returnUrl: { type: String, required: true },
    webhookUrl: { type: String, required: true },
    redirectUrl: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'paid', 'cancelled'] },
    method: { type: String, enum: ['card', 'paypal'] },
    paymentId: String,
    paidAt: Date,
    cancelledAt: Date,
    createdAt: { type: Date, required: true },
  },
  { collection: 'sandbox_payment_checkouts', versionKey: false },
);

const outcomeSchema = new Schema<SandboxOutcomeDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true, enum: ['paid', 'cancelled'] },
    method: { type: String, enum: ['card', 'paypal'] },
    paymentId: String,
    at: { type: Date, required: true },
  },
  { collection: 'sandbox_payment_outcomes', versionKey: false },
);

export type SandboxCheckoutModel = Model<SandboxCheckoutDoc>;

export function sandboxCheckoutModel(conn: Connection): SandboxCheckoutModel {
  return (
    (conn.models.SandboxPaymentCheckout as SandboxCheckoutModel | undefined) ??
    conn.model<SandboxCheckoutDoc>('SandboxPaymentCheckout', checkoutSchema)
  );
}

export type SandboxOutcomeModel = Model<SandboxOutcomeDoc>;

export function sandboxOutcomeModel(conn: Connection): SandboxOutcomeModel {
  return (
    (conn.models.SandboxPaymentOutcome as SandboxOutcomeModel | undefined) ??
    conn.model<SandboxOutcomeDoc>('SandboxPaymentOutcome', outcomeSchema)
  );
}

/** The public shape of a checkout, as the provider's API returns it. */
export function toCheckout(doc: SandboxCheckoutDoc): Checkout {
  return {
    id: doc._id,
    status: doc.status,
    amountCents: doc.amountCents,
    currency: doc.currency,
    reference: doc.reference,
    redirectUrl: doc.redirectUrl,
    ...(doc.method ? { method: doc.method } : {}),
    ...(doc.paymentId ? { paymentId: doc.paymentId } : {}),
    ...(doc.paidAt ? { paidAt: doc.paidAt.toISOString() } : {}),
  };
}
