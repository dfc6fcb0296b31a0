/**
 * Histories recorded on the real Temporal dev server (`temporal server start-dev`, the server
 * `npm start` runs), not the Java time-skipping test server: at least one per workflow type, so
 * the replay test also covers what the real server writes into a history (its own event
 * attributes, Update and signal ordering, search-attribute upserts). Without time skipping each
 * run is one that ends within seconds: a ticket observed ten days ago is past its one-week wait
 * at once, so its Bußgeldverfahren starts as a real child and is answered, decided and paid.
 * Saved under test/workflows/histories/dev-server/, named by workflow ID (replay runs each
 * history under its workflow ID; task IDs derive from it).
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { paymentBookedSignal, registrationUpdate } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { fineProceedingsWorkflowId, hearingAnswerUpdate, proceedingsStateQuery } from '../../workflows/fine-proceedings/shared';
import type { fineProceedingsWorkflow } from '../../workflows/fine-proceedings/workflow';
import { completeTaskUpdate, taskIdOf } from '../../workflows/tasks/shared';
import { caseOpenedUpdate } from '../../workflows/dog-tax/shared';
import { dogRegistrationWorkflow } from '../../workflows/dog-tax/registration';
import { dogDeregistrationWorkflow } from '../../workflows/dog-tax/deregistration';
import { dogTaxExemptionWorkflow } from '../../workflows/dog-tax/exemption';
import { DRAFT_LIFETIME_MS, draftEndedSignal } from '../../workflows/drafts/shared';
import { draftExpiryWorkflow } from '../../workflows/drafts/draft-expiry';
import { staleAttachmentCleanupWorkflow } from '../../workflows/attachments/cleanup';
import { citizenLimitPurgeWorkflow } from '../../workflows/rate-limits/purge';
import { staffSignInPurgeWorkflow } from '../../workflows/accounts/purge';
import { paymentReconciliationWorkflow } from '../../workflows/payments/reconciliation';

type History = temporal.api.history.v1.IHistory;
const DAY = 86_400_000;
const offence = { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 };
const holder = { familyName: 'Beispiel', givenName: 'Anna', birthDate: '1988-11-23', street: 'Boeler Straße 88', postalCode: '58097', email: 'anna@example.org' };
const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };

/** The workflow IDs (= file names) this records; the replay test expects one per workflow type. */
export const DEV_SERVER_HISTORIES = {
  parkingTicketWorkflow: 'parking-ticket-dev-paid',
  fineProceedingsWorkflow: fineProceedingsWorkflowId('parking-ticket-dev-hearing-fine-notice'),
  dogRegistrationWorkflow: 'dog-tax-dev-registration',
  dogTaxExemptionWorkflow: 'dog-tax-dev-exemption',
  dogDeregistrationWorkflow: 'dog-tax-dev-deregistration',
  draftExpiryWorkflow: 'form-draft-dev-submitted',
  staleAttachmentCleanupWorkflow: 'attachment-cleanup-dev',
  citizenLimitPurgeWorkflow: 'citizen-limit-purge-dev',
  staffSignInPurgeWorkflow: 'staff-sign-in-purge-dev',
  paymentReconciliationWorkflow: 'payment-reconciliation-dev-unknown',
} as const;

export async function recordDevServerHistories(client: Client, taskQueue: string, wanted: (name: string) => boolean,
  save: (name: string, history: History) => void): Promise<void> {
  const done = async (name: string, handle: WorkflowHandle) => {
    await handle.result();
    save(name, await handle.fetchHistory());
  };
  const ticket = async (workflowId: string, plate: string, observedAt: Date) => {
    const handle = await client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId, args: [{
      requestFingerprint: 'fp', offence, plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: observedAt.toISOString(), recordedBy: 'warden-demo' }] });
    await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
    return handle;
  };

  const paid = DEV_SERVER_HISTORIES.parkingTicketWorkflow;
  if (wanted(paid)) {
    const handle = await ticket(paid, 'HA-DS 1', new Date(Date.now() - 10 * 60_000));
    await handle.signal(paymentBookedSignal, { paymentId: 'pay-dev-1', amountCents: 2500, bookedAt: new Date().toISOString(), channel: 'card', receiptEmail: 'demo@example.org' });
    await done(paid, handle);
  }

  // Observed ten days ago: the week to pay is over at once, the hearing letter goes out, the Bußgeldverfahren starts.
  const withProceedings = 'parking-ticket-dev-hearing-fine-notice';
  if (wanted(withProceedings) || wanted(DEV_SERVER_HISTORIES.fineProceedingsWorkflow)) {
    const handle = await ticket(withProceedings, 'HA-MM 4711', new Date(Date.now() - 10 * DAY));
    const proceedings = client.workflow.getHandle<typeof fineProceedingsWorkflow>(DEV_SERVER_HISTORIES.fineProceedingsWorkflow);
    const until = async (status: string) => {
      for (let i = 0; i < 300; i += 1) {
        if ((await proceedings.query(proceedingsStateQuery).catch(() => undefined))?.status === status) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${proceedings.workflowId} never reached ${status}`);
    };
    await until('hearing');
    await proceedings.executeUpdate(hearingAnswerUpdate, { args: [{ person, facts: 'admits', email: 'max@example.org' }] });
    await retryUntilOpen(() => proceedings.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(proceedings.workflowId, 'hearing-decision'),
      decision: { outcome: 'fine_notice', fineEuros: 30 }, by: 'caseworker-demo' }] }));
    await until('fine_notice_sent');
    await handle.signal(paymentBookedSignal, { paymentId: 'pay-dev-notice', amountCents: 5850, bookedAt: new Date().toISOString(), channel: 'card' });
    await handle.result();
    await proceedings.result();
    if (wanted(withProceedings)) save(withProceedings, await handle.fetchHistory());
    save(proceedings.workflowId, await proceedings.fetchHistory());
  }

  const dogTax = [DEV_SERVER_HISTORIES.dogRegistrationWorkflow, DEV_SERVER_HISTORIES.dogTaxExemptionWorkflow, DEV_SERVER_HISTORIES.dogDeregistrationWorkflow] as const;
  if (dogTax.some(wanted)) {
    const registration = await client.workflow.start(dogRegistrationWorkflow, { taskQueue, workflowId: dogTax[0], args: [{
      formId: 'dog-tax-registration', formVersion: 1,
      submission: { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-10' } }] });
    await registration.executeUpdate(caseOpenedUpdate);
    const { tagNumber } = await registration.result();
    save(dogTax[0], await registration.fetchHistory());

    const exemption = await client.workflow.start(dogTaxExemptionWorkflow, { taskQueue, workflowId: dogTax[1], args: [{
      formId: 'dog-tax-exemption', formVersion: 1, submission: { tagNumber: tagNumber!, holder, ground: 'assistance_dog', evidenceIds: ['att-1'] } }] });
    await exemption.executeUpdate(caseOpenedUpdate);
    // The decision task opens a moment after the case (its activity); the caseworker decides once it is there.
    await retryUntilOpen(() => exemption.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(dogTax[1], 'exemption-decision'),
      decision: { outcome: 'granted', reason: 'Assistenzhund nachgewiesen' }, by: 'schulte' }] }));
    await done(dogTax[1], exemption);

    const deregistration = await client.workflow.start(dogDeregistrationWorkflow, { taskQueue, workflowId: dogTax[2], args: [{
      formId: 'dog-tax-deregistration', formVersion: 1, submission: { tagNumber: tagNumber!, holder, reason: 'died', endedOn: '2026-06-12' } }] });
    await done(dogTax[2], deregistration);
  }

  const draft = DEV_SERVER_HISTORIES.draftExpiryWorkflow;
  if (wanted(draft)) {
    const handle = await client.workflow.start(draftExpiryWorkflow, { taskQueue, workflowId: draft, args: [{
      draftId: draft, formId: 'dog-tax-registration', formVersion: 1, email: 'anna@example.org', expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS).toISOString() }] });
    await handle.signal(draftEndedSignal, { reason: 'submitted' });
    await done(draft, handle);
  }

  // The maintenance workflows the hourly schedules start (no input).
  for (const [workflowId, workflow] of [
    [DEV_SERVER_HISTORIES.staleAttachmentCleanupWorkflow, staleAttachmentCleanupWorkflow],
    [DEV_SERVER_HISTORIES.citizenLimitPurgeWorkflow, citizenLimitPurgeWorkflow],
    [DEV_SERVER_HISTORIES.staffSignInPurgeWorkflow, staffSignInPurgeWorkflow],
  ] as const) {
    if (wanted(workflowId)) await done(workflowId, await client.workflow.start(workflow, { taskQueue, workflowId }));
  }

  // A checkout amtsweg never opened: the first poll finds nothing to reconcile, and the run ends.
  const reconciliation = DEV_SERVER_HISTORIES.paymentReconciliationWorkflow;
  if (wanted(reconciliation)) {
    await done(reconciliation, await client.workflow.start(paymentReconciliationWorkflow, { taskQueue, workflowId: reconciliation, args: [{
      checkoutId: 'checkout-never-opened', caseWorkflowId: paid, expiresAt: new Date(Date.now() + 60_000).toISOString(), firstPollIntervalMs: 500 }] }));
  }
}

/** A task decision sent before its task has opened is refused (TaskNotOpen, by the validator: nothing in history); sent again until it is open. */
async function retryUntilOpen(decide: () => Promise<unknown>): Promise<void> {
  for (let i = 0; ; i += 1) {
    try {
      await decide();
      return;
    } catch (error) {
      const type = (error as { cause?: { type?: string } }).cause?.type;
      if (type !== 'TaskNotOpen' || i > 100) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
