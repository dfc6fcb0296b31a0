/**
 * The audit trail: one event per state change and per staff action — who, when, what, which
 * case and workflow run. Append-only: events are inserted, never updated or deleted (the
 * model refuses update and delete operations, see models.ts), and no API route writes them.
 */
import type { ReadModel } from './models';
import { isDuplicateKey } from './duplicate-key';
import { appendToCaseList, caseList, startCaseList } from './case-lists';

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


/**
 * Appends the event: first its key to the case's `_id`-keyed list (store/case-lists.ts), then
 * the event under `_id` = key. A crash between the two leaves a list entry without an event
 * (skipped when read); the retry lists the key again (repeats are dropped when read).
 */
export async function appendAuditEvent(model: ReadModel, event: AuditEventInput, opts: { firstOfCase?: boolean } = {}): Promise<void> {
  if (opts.firstOfCase) {
    // The event that opens a case (its registration): the case's list starts with it, one
    // insert; a retry finds its own key in slot 1. Two writes instead of five per new case.
    await startCaseList(model.audit.db, 'audit', event.caseNumber, event.key);
  } else {
    if (await model.audit.exists({ _id: event.key })) return;
    await appendToCaseList(model.audit.db, 'audit', event.caseNumber, event.key);
  }
  try {
    await model.audit.create({ _id: event.key, ...event, at: new Date() });
  } catch (error) {
    // The same key again is a retry of a step already recorded: the first event stands.
    if (!isDuplicateKey(error)) throw error;
  }
}

export interface AuditEvent extends Omit<AuditEventInput, 'details'> { at: Date; details?: Record<string, unknown> | null }

/** A case's audit trail, oldest first (events of the same instant in the order they were written). */
export async function auditTrailOf(model: ReadModel, caseNumber: string): Promise<AuditEvent[]> {
  const keys = await caseList(model.audit.db, 'audit', caseNumber);
  const events = (await Promise.all(keys.map((key) => model.audit.findById(key).lean<AuditEvent>())))
    .filter((e): e is AuditEvent => e !== null && e.caseNumber === caseNumber);
  // Sorted by time; events of the same instant keep the order they were listed in (a stable sort).
  return events.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}
