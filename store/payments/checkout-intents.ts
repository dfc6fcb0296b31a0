/**
 * Which ticket a provider checkout pays for, and where the receipt goes. The e-mail address is
 * kept only until the payment is handed to the workflow (data minimisation).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { racingUpsert } from '../racing-upsert';

interface CheckoutIntent { _id: string; checkoutId: string; caseNumber: string; receiptEmail?: string | null; bookedAt?: Date | null }

// `_id` is the provider's checkout id: every per-request read and write goes by `_id`, the one
// filter FerretDB v1 answers without decoding the whole collection.
const schema = new Schema<CheckoutIntent>({
  _id: { type: String, required: true },
  checkoutId: { type: String, required: true, unique: true },
  caseNumber: { type: String, required: true, index: true },
  receiptEmail: String,
  bookedAt: Date,
}, { collection: 'portal_checkouts', timestamps: true });

export function checkoutIntents(conn: Connection): Model<CheckoutIntent> {
  return (conn.models.CheckoutIntent as Model<CheckoutIntent> | undefined) ?? conn.model<CheckoutIntent>('CheckoutIntent', schema);
}

export async function findCheckoutIntent(conn: Connection, checkoutId: string): Promise<CheckoutIntent | null> {
  return checkoutIntents(conn).findById(checkoutId).lean<CheckoutIntent>();
}

/** Remembers (or updates) which ticket a checkout pays for and where its receipt goes. */
export async function recordCheckoutIntent(conn: Connection, checkoutId: string, intent: { caseNumber: string; receiptEmail?: string }): Promise<void> {
  await racingUpsert(checkoutIntents(conn), { _id: checkoutId }, {
    $set: { caseNumber: intent.caseNumber, ...(intent.receiptEmail ? { receiptEmail: intent.receiptEmail } : {}) },
    $setOnInsert: { checkoutId },
  });
}

/** The payment reached the workflow: the receipt address is no longer needed. */
export async function markCheckoutBooked(conn: Connection, checkoutId: string): Promise<void> {
  await checkoutIntents(conn).updateOne({ _id: checkoutId }, { $set: { bookedAt: new Date() }, $unset: { receiptEmail: 1 } });
}
