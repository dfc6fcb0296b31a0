/**
 * Which ticket a provider checkout pays for, and where the receipt goes. The e-mail address is
 * kept only until the payment is handed to the workflow (data minimisation).
 */
import { Schema, type Connection, type Model } from 'mongoose';

interface CheckoutIntent { checkoutId: string; caseNumber: string; receiptEmail?: string | null; bookedAt?: Date | null }

const schema = new Schema<CheckoutIntent>({
  checkoutId: { type: String, required: true, unique: true },
  caseNumber: { type: String, required: true, index: true },
  receiptEmail: String,
  bookedAt: Date,
}, { collection: 'portal_checkouts', timestamps: true });

export function checkoutIntents(conn: Connection): Model<CheckoutIntent> {
  return (conn.models.CheckoutIntent as Model<CheckoutIntent> | undefined) ?? conn.model<CheckoutIntent>('CheckoutIntent', schema);
}
