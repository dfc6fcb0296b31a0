/**
 * The audit trail: one event per state change and per staff action — who, when, what, which
 * case and workflow run. Append-only: events are inserted, never updated or deleted (the
 * model refuses update and delete operations, see models.ts), and no API route writes them.
 */
import type { ReadModel } from './models';
import { isDuplicateKey } from './duplicate-key';

export interface AuditEventInput {
  /** One key per state change: a retried activity appends nothing twice. */
  key: string;
  /** A staff account id, 'citizen', or 'system' (timers and automatic steps). */
  actor: string;
  action: string;
  caseType: string;
  caseNumber: string;
  workflowId?: string;
  runId?: string;
  details?: Record<string, unknown>;
}


export async function appendAuditEvent(model: ReadModel, event: AuditEventInput): Promise<void> {
  try {
    await model.audit.create({ ...event, at: new Date() });
  } catch (error) {
    // The same key again is a retry of a step already recorded: the first event stands.
    if (!isDuplicateKey(error)) throw error;
  }
}

export interface AuditEvent extends Omit<AuditEventInput, 'details'> { at: Date; details?: Record<string, unknown> | null }

/** A case's audit trail, oldest first (events of the same instant in the order they were written). */
export async function auditTrailOf(model: ReadModel, caseNumber: string): Promise<AuditEvent[]> {
  return model.audit.find({ caseNumber }).sort({ at: 1, _id: 1 }).lean<AuditEvent[]>();
}
