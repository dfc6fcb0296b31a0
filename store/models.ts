/**
 * The read model: what the citizen portal, the staff pages and operators read. Written by
 * activities only (the workflow is the single writer of a case), read by the API. Every write
 * is a single-document atomic operation guarded by a unique index, which both FerretDB (the
 * embedded database) and a MongoDB replica set do well — no multi-document transactions.
 */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { dogTaxCaseSchema } from './dog-tax/case-model';
import { taskReadModels } from './tasks/task-model';
import { retireQueueShards } from './tasks/task-queues';
import { ensureStaffLists } from './staff-lists';
import { prepareSessionSweep } from './accounts/session-sweep';
import { ticketListsFromScratch } from './parking-ticket/ticket-store';
import { dogTaxListsFromScratch } from './dog-tax/case-store';

/** A letter in the postal outbox: queued by the workflow, dispatched by the print shop, cancelled when the case closed first. */
export const OUTBOX_LETTER_STATES = ['queued', 'dispatched', 'cancelled'] as const;

/** `_id` = the ticket number; its workflow ID and access-code hash are lookup keys (store/lookup-keys.ts). */
const ticketSchema = new Schema({
  _id: { type: String, required: true },
  workflowId: { type: String, required: true, unique: true },
  ticketNumber: { type: String, required: true, unique: true },
  reference: { type: String, required: true, unique: true },
  accessCodeHash: { type: String, required: true, unique: true },
  status: { type: String, required: true, index: true },
  offence: { code: String, titleDe: String, titleEn: String, amountCents: Number },
  plate: { type: String, required: true },
  place: { type: String, required: true },
  observedAt: { type: Date, required: true },
  recordedBy: String,
  paymentDeadline: { type: Date, required: true },
  letterDeadline: Date,
  paidCents: { type: Number, default: 0 },
  paidAt: Date,
  overpaidCents: { type: Number, default: 0 },
  noticeCardDocumentId: String,
  withdrawnReason: String,
  formId: String,
  formVersion: Number,
  /** Hash of the recorded data: after the run ended, the same Idempotency-Key with other data is still refused. */
  requestFingerprint: String,
}, { timestamps: true, collection: 'parking_tickets' });
ticketSchema.index({ createdAt: -1 });

/** `_id` = the payment ID; a case's payments are a case list (store/case-lists.ts). */
const paymentSchema = new Schema({
  _id: { type: String, required: true },
  paymentId: { type: String, required: true, unique: true },
  caseType: { type: String, required: true },
  caseNumber: { type: String, required: true, index: true },
  amountCents: { type: Number, required: true },
  channel: { type: String, required: true },
  bookedAt: { type: Date, required: true },
}, { timestamps: true, collection: 'payments' });

/** `_id` = the key "<ticket number>:<letter kind>". */
const outboxSchema = new Schema({
  _id: { type: String, required: true },
  key: { type: String, required: true, unique: true },
  caseNumber: { type: String, required: true, index: true },
  kind: { type: String, required: true },
  recipientName: { type: String, required: true },
  recipientAddress: { type: String, required: true },
  documentId: { type: String, required: true },
  status: { type: String, required: true, enum: [...OUTBOX_LETTER_STATES], index: true },
  dispatchedAt: Date,
}, { timestamps: true, collection: 'postal_outbox' });

const documentSchema = new Schema({
  _id: { type: String, required: true },
  caseNumber: { type: String, index: true },
  kind: { type: String, required: true },
  filename: { type: String, required: true },
  contentType: { type: String, required: true },
  sha256: { type: String, required: true },
  data: { type: Buffer, required: true },
}, { timestamps: true, collection: 'documents' });

/** Append-only: no code path updates or deletes an audit event. */
const auditSchema = new Schema({
  /** `_id` = the event's key: appending it again is a duplicate-key insert (nothing twice), reading it an `_id` look-up. */
  _id: { type: String, required: true },
  key: { type: String, required: true, unique: true },
  at: { type: Date, required: true },
  actor: { type: String, required: true },
  action: { type: String, required: true },
  caseType: { type: String, required: true },
  caseNumber: { type: String, required: true, index: true },
  workflowId: String,
  runId: String,
  details: { type: Schema.Types.Mixed },
}, { collection: 'audit_events', versionKey: false });
auditSchema.index({ caseNumber: 1, at: 1 });
// Append-only, enforced where every write passes: any update, replace or delete is refused.
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  auditSchema.pre(op, function refuse() {
    throw new Error(`audit events are append-only: ${op} is not allowed`);
  });
}

/** One document per issued number: claimed by insert, so no two owners ever share one. */
const serialClaimSchema = new Schema({
  _id: { type: String, required: true },
  sequence: { type: String, required: true },
  value: { type: Number, required: true },
  owner: { type: String, required: true },
}, { collection: 'serial_claims', versionKey: false });
serialClaimSchema.index({ sequence: 1, value: 1 }, { unique: true });
serialClaimSchema.index({ sequence: 1, owner: 1 }, { unique: true });

/** `_id` = the idempotency key: the send is claimed by inserting it. */
const sentMailSchema = new Schema({
  _id: { type: String, required: true },
  key: { type: String, required: true },
  status: { type: String, required: true, enum: ['sending', 'sent'] },
  claimedAt: Date,
  messageId: String,
  sentAt: Date,
}, { timestamps: true, collection: 'sent_mails' });

function model<T extends Schema>(conn: Connection, name: string, schema: T): Model<InferSchemaType<T>> {
  return ((conn.models[name] as unknown) ?? conn.model(name, schema)) as Model<InferSchemaType<T>>;
}

export function readModel(conn: Connection) {
  return {
    tickets: model(conn, 'ParkingTicket', ticketSchema),
    payments: model(conn, 'Payment', paymentSchema),
    outbox: model(conn, 'OutboxItem', outboxSchema),
    documents: model(conn, 'StoredDocument', documentSchema),
    audit: model(conn, 'AuditEvent', auditSchema),
    serialClaims: model(conn, 'SerialClaim', serialClaimSchema),
    sentMails: model(conn, 'SentMail', sentMailSchema),
    dogTaxCases: model(conn, 'DogTaxCase', dogTaxCaseSchema),
    ...taskReadModels(conn),
  };
}
export type ReadModel = ReturnType<typeof readModel>;

/**
 * Creates the indexes up front (a unique index that is missing would silently allow
 * duplicates) and brings data written by an older layout up to date.
 */
export async function ensureReadModelIndexes(conn: Connection): Promise<void> {
  const model = readModel(conn);
  await Promise.all(Object.values(model).map((m) => (m as unknown as Model<unknown>).createIndexes()));
  await retireQueueShards(model);
  await prepareSessionSweep(conn);
  await ensureStaffLists(conn, async (putMany) => {
    await ticketListsFromScratch(model, putMany);
    await dogTaxListsFromScratch(model, putMany);
  });
}
