/**
 * A saved form draft: e-mail the resume link once, then wait 7 days on a durable timer and
 * delete the draft — or delete it as soon as the API signals that the form was submitted or the
 * draft discarded. The API already deleted the document then; deleting again is idempotent and
 * keeps the workflow the one place that guarantees nothing outlives its 7 days.
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DraftActivities } from '../../activities/drafts';
import { DRAFT_LIFETIME_MS, draftEndedSignal, type DraftEndReason, type DraftExpiryInput, type DraftOutcome } from './shared';
import { standard } from '../activity-options';

const act = proxyActivities<DraftActivities>(standard);

export async function draftExpiryWorkflow(input: DraftExpiryInput): Promise<{ outcome: DraftOutcome }> {
  let ended: DraftEndReason | undefined;
  setHandler(draftEndedSignal, ({ reason }) => { ended ??= reason; });

  // A draft submitted before the first task ran needs no link any more.
  if (ended === undefined) await act.sendDraftLink(input);
  // The timer runs to the expiry the citizen was told (not 7 days after the mail went out: SMTP
  // retries must not stretch it); workflow time is deterministic, so replay computes the same.
  const until = Date.parse(input.expiresAt);
  const remaining = Number.isFinite(until) ? Math.min(DRAFT_LIFETIME_MS, Math.max(0, until - Date.now())) : DRAFT_LIFETIME_MS;
  const endedEarly = remaining > 0 ? await condition(() => ended !== undefined, remaining) : ended !== undefined;
  await act.deleteDraft({ draftId: input.draftId });
  return { outcome: endedEarly ? ended! : 'expired' };
}
