/**
 * The draft-expiry workflow on Temporal's time-skipping test server at its real duration, with
 * the real activities against the embedded database and MailDev: a saved draft lives exactly
 * 7 days, ends early when the form is submitted or the draft discarded, and its link is e-mailed once.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { createActivities } from '../../activities';
import { draftExpiryWorkflow } from '../../workflows/drafts/draft-expiry';
import { DRAFT_LIFETIME_MS, draftEndedSignal, draftWorkflowId, type DraftEndReason } from '../../workflows/drafts/shared';
import { deriveDraftToken } from '../../domain/drafts/draft-link';
import { mailsTo, type ActivityEnv } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_drafts');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const withWorker = <T>(fn: (taskQueue: string) => Promise<T>): Promise<T> => ts.withWorker(fn);

/** What the API does on save: store the draft, then start its workflow. */
async function saveDraft(taskQueue: string) {
  const draftId = randomUUID();
  const email = `draft-${draftId.slice(0, 8)}@example.org`;
  const expiresAt = new Date((await env.currentTimeMs()) + DRAFT_LIFETIME_MS);
  await db.deps.drafts.create({ draftId, formId: 'dog-tax-registration', formVersion: 1, data: { dog: { name: 'Bello' } }, expiresAt });
  const handle = await env.client.workflow.start(draftExpiryWorkflow, { taskQueue, workflowId: draftWorkflowId(draftId), args: [{
    draftId, formId: 'dog-tax-registration', formVersion: 1, email, expiresAt: expiresAt.toISOString() }] });
  return { draftId, email, expiresAt, handle };
}

describe('draft-expiry workflow (time skipping)', () => {
  it('when nobody resumes it, then the draft exists at 7 days minus 1 minute and is gone at 7 days plus 1 minute; the link was e-mailed once', async () => {
    await withWorker(async (taskQueue) => {
      const savedAt = await env.currentTimeMs();
      const { draftId, email, expiresAt, handle } = await saveDraft(taskQueue);
      // The rule at its real value, not the constant the code uses: 7 days from saving.
      expect(Math.abs(expiresAt.getTime() - (savedAt + 7 * DAY))).toBeLessThan(MINUTE);
      await env.sleep(savedAt + 7 * DAY - MINUTE - (await env.currentTimeMs()));
      expect(await db.deps.drafts.find(draftId)).toMatchObject({ data: { dog: { name: 'Bello' } } });
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await env.sleep(savedAt + 7 * DAY + MINUTE - (await env.currentTimeMs()));
      // Polled while the clock stands (awaiting the result would let the server skip ahead to any later timer).
      await eventually(async () => (await db.deps.drafts.find(draftId)) === null, 'the draft deleted', { tries: 300 });
      await eventually(async () => (await handle.describe()).status.name === 'COMPLETED', 'the run completed', { tries: 300 });
      expect(await handle.result()).toEqual({ outcome: 'expired' });

      const token = deriveDraftToken(db.deps.draftTokenSecret, draftId);
      const mail = await eventually(async () => (await mailsTo(email))[0], 'the resume e-mail');
      expect(mail.text).toContain(`http://amtsweg.test/formulare/dog-tax-registration#entwurf=${draftId}.${token}`);
      expect(mail.text).toContain('7 Tage gültig');
      expect(mail.text).toContain('valid for 7 days');
      expect(await mailsTo(email)).toHaveLength(1);
      expect(await db.model.sentMails.countDocuments({ key: `form-draft-link:${draftId}` })).toBe(1);
    });
  });

  it.each(['submitted', 'discarded'] as DraftEndReason[])('when the draft is %s, then it is deleted at once, long before its 7 days', async (reason) => {
    await withWorker(async (taskQueue) => {
      const { draftId, email, handle } = await saveDraft(taskQueue);
      await eventually(async () => (await mailsTo(email)).length === 1, 'the resume e-mail');
      await env.sleep(2 * 24 * 60 * MINUTE);
      expect(await db.deps.drafts.find(draftId)).not.toBeNull();
      await handle.signal(draftEndedSignal, { reason });
      expect(await handle.result()).toEqual({ outcome: reason });
      expect(await db.deps.drafts.find(draftId)).toBeNull();
      // Ended without waiting for the timer: the history closes about 2 days after it started.
      const events = (await handle.fetchHistory()).events ?? [];
      const at = (i: number) => Number(events.at(i)?.eventTime?.seconds ?? 0) * 1000;
      expect(at(-1) - at(0)).toBeLessThan(3 * 24 * 60 * MINUTE);
      expect(await mailsTo(email)).toHaveLength(1);
    });
  });

  it('when the link mail activity is retried, then the e-mail is still sent once', async () => {
    const draftId = randomUUID();
    const email = `retry-${draftId.slice(0, 8)}@example.org`;
    const activities = createActivities(db.deps);
    const input = { draftId, formId: 'dog-tax-registration', formVersion: 1, email, expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS).toISOString() };
    await activities.sendDraftLink(input);
    await activities.sendDraftLink(input);
    await eventually(async () => (await mailsTo(email)).length === 1, 'the resume e-mail');
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
