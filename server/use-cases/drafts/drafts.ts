/**
 * Save and resume a form: a citizen saves the partial form data with an e-mail address; the
 * draft-expiry workflow e-mails the resume link (the only place the token appears) and deletes
 * the draft after 7 days. Opening or deleting needs the token; a wrong token, an unknown, an
 * expired and a deleted draft answer the same 404, and wrong tokens are limited like the status
 * page's (per draft and client address, plus the per-address budget).
 */
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { draftTokenMatches } from '../../../domain/drafts/draft-link';
import type { Draft } from '../../../store/drafts/draft-store';
import { DRAFT_LIFETIME_MS, draftEndedSignal, draftWorkflowId, type DraftEndReason, type DraftExpiryInput } from '../../../workflows/drafts/shared';
import { AppError, notFound } from '../../http/app-error';
import type { AttemptLimiter } from '../../security/attempt-limiter';
import type { ClientRef } from '../../security/client-id';
import type { System } from '../../../system/system';
import { audienceOf } from '../forms/read-forms';
import { withDeadline } from '../../../temporal/deadline';
import { caseAttributes } from '../../../workflows/search-attributes';
import { MailBudget } from '../../../store/rate-limit/mail-budget';

/** The partial data is not validated against the form (a draft is incomplete), only bounded. */
export const MAX_DRAFT_BYTES = 256 * 1024;

const mailBudgetSpent = (seconds: number) => new AppError('too_many_requests', {
  de: 'An diese E-Mail-Adresse haben wir heute schon mehrere Nachrichten geschickt. Bitte versuchen Sie es morgen erneut oder geben Sie eine andere Adresse an.',
  en: 'We have already sent several messages to this e-mail address today. Please try again tomorrow or give another address.',
}, { retryAfterSeconds: seconds });
const tooLarge = () => new AppError('payload_too_large', { de: 'Der Entwurf ist zu groß.', en: 'The draft is too large.' });
const noDraft = () => notFound({ de: 'Der Entwurf', en: 'The draft' });
const noForm = () => notFound({ de: 'Das Formular', en: 'The form' });

export async function saveDraft(system: System, args: { formId: string; formVersion: number; email: string; data: Record<string, unknown> }): Promise<{ draftId: string; expiresAt: string }> {
  if (Buffer.byteLength(JSON.stringify(args.data)) > MAX_DRAFT_BYTES) throw tooLarge();
  // Only versions that exist can be resumed (the portal renders the draft's version); drafts are
  // anonymous, so only citizen forms have them (a staff form is filled by a signed-in person).
  const version = await system.forms.get(args.formId, args.formVersion);
  if (!version || audienceOf(version) !== 'citizen') throw noForm();
  // The link could not be sent anyway: say so now instead of saving a draft nobody can resume.
  const budget = await new MailBudget(system.conn).wouldAllow(args.email);
  if (!budget.allowed) throw mailBudgetSpent(Math.max(1, Math.ceil((budget.resetAt - Date.now()) / 1000)));
  const draftId = randomUUID();
  const expiresAt = new Date(Date.now() + DRAFT_LIFETIME_MS);
  await system.drafts.create({ draftId, formId: args.formId, formVersion: args.formVersion, data: args.data, expiresAt });
  const input: DraftExpiryInput = { draftId, formId: args.formId, formVersion: args.formVersion, email: args.email, expiresAt: expiresAt.toISOString() };
  try {
    await withDeadline(system.temporal, () => system.temporal.workflow.start('draftExpiryWorkflow', {
      workflowId: draftWorkflowId(draftId), taskQueue: system.config.temporal.taskQueue, args: [input],
      typedSearchAttributes: caseAttributes('form-draft'),
    }));
  } catch (error) {
    // Without its workflow nothing would delete the draft nor send the link: do not keep it.
    await system.drafts.delete(draftId).catch(() => undefined);
    throw error;
  }
  return { draftId, expiresAt: expiresAt.toISOString() };
}

export async function openDraft(system: System, limiter: AttemptLimiter, who: ClientRef, args: { formId: string; draftId: string; token: string }): Promise<Draft> {
  const key = `form-draft:${createHash('sha256').update(`${args.draftId}\n${who.client}`).digest('hex')}`;
  await limiter.check(key, who);
  const tokenOk = draftTokenMatches(system.secrets.draftToken, args.draftId, args.token);
  const draft = tokenOk ? await system.drafts.find(args.draftId) : null;
  // The workflow deletes at expiry; until its timer fired (or if a worker was down) expiresAt decides.
  if (!draft || draft.formId !== args.formId || draft.expiresAt.getTime() <= Date.now()) {
    if (!tokenOk) await limiter.recordFailure(key, who);
    throw noDraft();
  }
  return draft;
}

export async function deleteDraft(system: System, limiter: AttemptLimiter, who: ClientRef, args: { formId: string; draftId: string; token: string; reason: DraftEndReason }): Promise<void> {
  const draft = await openDraft(system, limiter, who, args);
  await system.drafts.delete(draft.draftId);
  try {
    // Ends the workflow's wait early; it deletes again (idempotent) and closes.
    await withDeadline(system.temporal, () => system.temporal.workflow.getHandle(draftWorkflowId(draft.draftId)).signal(draftEndedSignal, { reason: args.reason }));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}
