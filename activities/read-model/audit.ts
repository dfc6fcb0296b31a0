import type { ReadModel } from './models';

export interface AuditEventInput {
  /** One key per state change: a retried activity appends nothing twice. */
  key: string;
  actor: string;
  action: string;
  caseType: string;
  caseNumber: string;
  workflowId?: string;
  runId?: string;
  details?: Record<string, unknown>;
}

export async function appendAuditEvent(model: ReadModel, event: AuditEventInput): Promise<void> {
  await model.audit.updateOne({ key: event.key }, { $setOnInsert: { ...event, at: new Date() } }, { upsert: true });
}
