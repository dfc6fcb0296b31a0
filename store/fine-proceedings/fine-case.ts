/**
 * The Bußgeldverfahren's read model: one document per ticket, `_id` = ticket number (FerretDB
 * pushes down only `_id` lookups). Holds the hearing answer (personal data for the caseworker)
 * and the issued notice the portal shows and the checkout charges.
 */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { openField, sealField } from '../sealed-box';

const fineCaseSchema = new Schema({
  _id: { type: String, required: true },
  workflowId: { type: String, required: true },
  /** The hearing answer (name, birth date, address, e-mail, reasons): sealed at rest (store/sealed-box.ts), bound to the ticket. */
  answer: { type: Schema.Types.Mixed },
  answeredAt: Date,
  notice: {
    kind: String, reference: String, fineCents: Number, feeCents: Number, postageCents: Number, totalCents: Number,
    deadline: Date, documentId: String, issuedAt: Date, recipientName: String,
  },
}, { timestamps: true, collection: 'fine_cases', versionKey: false });

export type FineCase = InferSchemaType<typeof fineCaseSchema>;

export function fineCases(conn: Connection): Model<FineCase> {
  return (conn.models.FineCase as Model<FineCase> | undefined) ?? conn.model<FineCase>('FineCase', fineCaseSchema);
}

const answerContext = (ticketNumber: string) => `fine-case:${ticketNumber}:answer`;

/** The answer as it is stored: sealed when the connection has the read model's key. */
export const sealedAnswer = (conn: Connection, ticketNumber: string, answer: unknown): unknown => sealField(conn, answer, answerContext(ticketNumber));

/** The stored answer opened (plain ones, from before sealing, as they are). */
export const answerOf = <T>(conn: Connection, ticketNumber: string, stored: unknown): T | undefined =>
  (stored === undefined || stored === null ? undefined : openField<T>(conn, stored, answerContext(ticketNumber)));
