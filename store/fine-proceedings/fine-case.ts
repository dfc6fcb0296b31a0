/**
 * The Bußgeldverfahren's read model: one document per ticket, `_id` = ticket number (FerretDB
 * pushes down only `_id` lookups). Holds the hearing answer (personal data for the caseworker)
 * and the issued notice the portal shows and the checkout charges.
 */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const fineCaseSchema = new Schema({
  _id: { type: String, required: true },
  workflowId: { type: String, required: true },
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
