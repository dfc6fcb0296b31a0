/**
 * The draft-expiry runs whose histories the replay test keeps: a draft that expires after its
 * 7 days, and one ended early because the form was submitted.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { temporal } from '@temporalio/proto';
import { DRAFT_LIFETIME_MS, draftEndedSignal } from '../../workflows/drafts/shared';
import { draftExpiryWorkflow } from '../../workflows/drafts/draft-expiry';

type History = temporal.api.history.v1.IHistory;

export async function recordDraftHistories(env: TestWorkflowEnvironment, taskQueue: string, wanted: (name: string) => boolean,
  save: (name: string, history: History) => void): Promise<void> {
  for (const [name, submit] of [['form-draft-expired', false], ['form-draft-submitted', true]] as const) {
    if (!wanted(name)) continue;
    const expiresAt = new Date((await env.currentTimeMs()) + DRAFT_LIFETIME_MS).toISOString();
    const handle = await env.client.workflow.start(draftExpiryWorkflow, { taskQueue, workflowId: name, args: [{
      draftId: name, formId: 'dog-tax-registration', formVersion: 1, email: 'anna@example.org', expiresAt }] });
    if (submit) {
      await env.sleep('1 hour');
      await handle.signal(draftEndedSignal, { reason: 'submitted' });
    }
    await handle.result();
    save(name, await handle.fetchHistory());
  }
}
