/**
 * The ticket runs through the Bußgeldverfahren whose histories the replay test keeps. Each run
 * saves two histories: the ticket's (parking-ticket-*) and that of its child, the Bußgeldverfahren
 * (fine-proceedings-*, named by its workflow ID). A hearing answered online ending in a paid fine notice; no answer, the task
 * escalated at 14 days, a cost notice that became final; an unpaid fine notice that became final;
 * an answered hearing dropped; the holder unknown, dropped; two withdrawal requests (kept, then withdrawn).
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { paymentBookedSignal, registrationUpdate, withdrawalRequestUpdate } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { fineProceedingsWorkflowId, hearingAnswerUpdate, proceedingsStateQuery } from '../../workflows/fine-proceedings/shared';
import type { fineProceedingsWorkflow } from '../../workflows/fine-proceedings/workflow';
import { completeTaskUpdate, taskIdOf, type TaskDecision } from '../../workflows/tasks/shared';

type History = temporal.api.history.v1.IHistory;
type Handle = WorkflowHandle<typeof parkingTicketWorkflow>;
const DAY = 86_400_000;

/**
 * The ticket runs; each also saves its child's history under the child's workflow ID
 * (fine-proceedings-<same suffix>): replay runs a history under its file name, and the
 * proceedings derive their task IDs from their workflow ID.
 */
export const FINE_HISTORIES = [
  'parking-ticket-hearing-fine-notice', 'parking-ticket-no-answer-cost-notice', 'parking-ticket-fine-notice-final',
  'parking-ticket-dropped', 'parking-ticket-holder-unknown',
] as const;
type FineHistory = (typeof FINE_HISTORIES)[number];
export const WITHDRAWAL_HISTORY = 'parking-ticket-withdrawal-request';

export async function recordFineHistories(env: TestWorkflowEnvironment, taskQueue: string, wanted: (name: string) => boolean,
  save: (name: string, history: History) => void): Promise<void> {
  const start = async (name: string, plate: string) => {
    const handle = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: name, args: [{
      requestFingerprint: 'fp', offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
      plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date(await env.currentTimeMs()).toISOString(), recordedBy: 'warden-demo' }] });
    await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
    return handle;
  };
  const proceedingsOf = (handle: Handle) => env.client.workflow.getHandle<typeof fineProceedingsWorkflow>(fineProceedingsWorkflowId(handle.workflowId));
  /** Past the first week, until the Bußgeldverfahren has the given status. */
  const until = async (handle: Handle, status: string) => {
    for (let i = 0; i < 200; i += 1) {
      const state = await proceedingsOf(handle).query(proceedingsStateQuery).catch(() => undefined);
      if (state?.status === status) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${handle.workflowId} never reached ${status}`);
  };
  const decide = (handle: Handle, decision: TaskDecision) => proceedingsOf(handle).executeUpdate(completeTaskUpdate, {
    args: [{ taskId: taskIdOf(fineProceedingsWorkflowId(handle.workflowId), 'hearing-decision'), decision, by: 'caseworker-demo' }] });
  const answer = (handle: Handle, facts: 'admits' | 'no_statement') =>
    proceedingsOf(handle).executeUpdate(hearingAnswerUpdate, { args: [{ person, facts, email: 'max@example.org' }] });
  const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };
  const saveBoth = async (name: FineHistory, handle: Handle) => {
    await handle.result();
    await proceedingsOf(handle).result();
    save(name, await handle.fetchHistory());
    save(fineProceedingsWorkflowId(name), await proceedingsOf(handle).fetchHistory());
  };
  const wants = (name: FineHistory) => wanted(name) || wanted(fineProceedingsWorkflowId(name));

  if (wants('parking-ticket-hearing-fine-notice')) {
    const handle = await start('parking-ticket-hearing-fine-notice', 'HA-MM 4711');
    await env.sleep(8 * DAY);
    await until(handle, 'hearing');
    await answer(handle, 'admits');
    await decide(handle, { outcome: 'fine_notice', fineEuros: 30 });
    await until(handle, 'fine_notice_sent');
    await handle.signal(paymentBookedSignal, { paymentId: 'pay-notice', amountCents: 5850, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'card' });
    await saveBoth('parking-ticket-hearing-fine-notice', handle);
  }
  if (wants('parking-ticket-no-answer-cost-notice')) {
    const handle = await start('parking-ticket-no-answer-cost-notice', 'HA-XY 42');
    await env.sleep(23 * DAY);
    await until(handle, 'decision_pending');
    await env.sleep(15 * DAY); // the decision task escalates at 14 days
    await decide(handle, { outcome: 'cost_notice' });
    await saveBoth('parking-ticket-no-answer-cost-notice', handle); // unpaid: final after 14 days
  }
  if (wants('parking-ticket-fine-notice-final')) {
    const handle = await start('parking-ticket-fine-notice-final', 'HA-XY 42');
    await env.sleep(8 * DAY);
    await until(handle, 'hearing');
    await answer(handle, 'no_statement');
    await decide(handle, { outcome: 'fine_notice' });
    await saveBoth('parking-ticket-fine-notice-final', handle); // unpaid: final after 14 days
  }
  if (wants('parking-ticket-dropped')) {
    const handle = await start('parking-ticket-dropped', 'HA-AB 123');
    await env.sleep(8 * DAY);
    await until(handle, 'hearing');
    await answer(handle, 'admits');
    await decide(handle, { outcome: 'drop', reason: 'Geringfügigkeit (§ 47 OWiG)' });
    await saveBoth('parking-ticket-dropped', handle);
  }
  if (wants('parking-ticket-holder-unknown')) {
    const handle = await start('parking-ticket-holder-unknown', 'HA-ZZ 999');
    await env.sleep(23 * DAY); // no holder, no answer: the hearing closes after 14 days
    await until(handle, 'decision_pending');
    await decide(handle, { outcome: 'drop', reason: 'Halter nicht ermittelbar' });
    await saveBoth('parking-ticket-holder-unknown', handle);
  }
  if (wanted(WITHDRAWAL_HISTORY)) {
    const handle = await start(WITHDRAWAL_HISTORY, 'HA-LP 2025');
    const decideWithdrawal = (key: string, decision: TaskDecision) =>
      handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(handle.workflowId, key), decision, by: 'traffic-demo' }] });
    await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Kennzeichen falsch notiert', by: 'warden-demo', source: 'staff' }] });
    await decideWithdrawal('withdrawal-1', { outcome: 'keep', reason: 'Foto zeigt das richtige Kennzeichen' });
    await env.sleep(DAY);
    await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Bewohnerparkausweis lag aus', by: 'citizen', source: 'citizen' }] });
    await decideWithdrawal('withdrawal-2', { outcome: 'withdraw', reason: 'Gültiger Ausweis nachgewiesen' });
    await handle.result();
    save(WITHDRAWAL_HISTORY, await handle.fetchHistory());
  }
}
