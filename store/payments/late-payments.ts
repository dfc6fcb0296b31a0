/**
 * Payments that reached a closed case (paid by transfer meanwhile, withdrawn, its workflow
 * ended): the city received money it has no claim to, so each is recorded here as "to be
 * refunded" before anything else happens, then refunded through the provider. One record per
 * payment: the insert against the unique `_id` (the provider's payment id) is where concurrent
 * reporters (webhook, return page, reconciliation) meet — FerretDB v1 has no atomic
 * conditional update, an insert is the one write that decides.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';

export interface LatePayment {
  /** The provider's payment id. */
  _id: string;
  checkoutId: string;
  caseNumber: string;
  amountCents: number;
  bookedAt: Date;
  status: 'to_refund' | 'refunded';
  /** Kept only until the citizen is told (data minimisation). */
  receiptEmail?: string | null;
  refundId?: string | null;
  refundedAt?: Date | null;
}

const schema = new Schema<LatePayment>({
  _id: { type: String, required: true },
  checkoutId: { type: String, required: true },
  caseNumber: { type: String, required: true, index: true },
  amountCents: { type: Number, required: true },
  bookedAt: { type: Date, required: true },
  status: { type: String, required: true, enum: ['to_refund', 'refunded'] },
  receiptEmail: String,
  refundId: String,
  refundedAt: Date,
}, { collection: 'late_payments', timestamps: true, versionKey: false });

export function latePayments(conn: Connection): Model<LatePayment> {
  return (conn.models.LatePayment as Model<LatePayment> | undefined) ?? conn.model<LatePayment>('LatePayment', schema);
}

/** Records the payment as "to be refunded" once; a repeat (or a concurrent caller) gets the first record. */
export async function recordLatePayment(conn: Connection, p: Omit<LatePayment, 'status' | 'refundId' | 'refundedAt'>): Promise<LatePayment> {
  try {
    return (await latePayments(conn).create({ ...p, status: 'to_refund' })).toObject();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const first = await findLatePayment(conn, p._id);
  if (!first) throw new Error(`late payment ${p._id} vanished`);
  return first;
}

export async function findLatePayment(conn: Connection, paymentId: string): Promise<LatePayment | null> {
  return latePayments(conn).findById(paymentId).lean<LatePayment>();
}

/** The provider paid it back; writing the same values twice is harmless. */
export async function markLatePaymentRefunded(conn: Connection, paymentId: string, refund: { refundId: string; refundedAt: Date }): Promise<void> {
  await latePayments(conn).updateOne({ _id: paymentId }, { $set: { status: 'refunded', ...refund } });
}

/** The citizen was told (or could not be): the address is no longer needed. */
export async function forgetLatePaymentEmail(conn: Connection, paymentId: string): Promise<void> {
  await latePayments(conn).updateOne({ _id: paymentId }, { $unset: { receiptEmail: 1 } });
}
