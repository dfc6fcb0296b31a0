/**
 * Read model of procedure 3 (Hundesteuer): one document per case (`dog_tax_cases`). A
 * registration case is also the dog's tax record: deregistration and exemption cases find it
 * by tag number and note their outcome on it (the registration workflow has ended by then, so
 * each record still has one writer at a time).
 */
import { Schema } from 'mongoose';

/** `_id` = the case number; the workflow ID and a registration's tag number are lookup keys (store/lookup-keys.ts). */
export const dogTaxCaseSchema = new Schema({
  _id: { type: String, required: true },
  workflowId: { type: String, required: true, unique: true },
  caseNumber: { type: String, required: true, unique: true },
  procedure: { type: String, required: true, enum: ['dog-tax-registration', 'dog-tax-deregistration', 'dog-tax-exemption'] },
  status: { type: String, required: true, index: true },
  /** The form version the case was started with: kept, whatever is published later. */
  formId: { type: String, required: true },
  formVersion: { type: Number, required: true },
  submission: { type: Schema.Types.Mixed, required: true },
  /** Registration: the resident the holder was matched to (counts the household's dogs). */
  residentId: { type: String, index: true },
  tagNumber: { type: String, index: true },
  /** Deregistration and exemption: the registration case they refer to. */
  registrationCaseNumber: String,
  assessment: { type: Schema.Types.Mixed },
  liableFrom: String,
  liableUntil: String,
  settlement: { type: Schema.Types.Mixed },
  decision: { type: Schema.Types.Mixed },
  /** On the registration record: an exemption decision and the yearly tax it leaves. */
  exemption: { type: Schema.Types.Mixed },
  noticeDocumentId: String,
}, { timestamps: true, collection: 'dog_tax_cases' });
dogTaxCaseSchema.index({ procedure: 1, tagNumber: 1 });
