/**
 * The ticket runs through the Bußgeldverfahren whose histories the replay test keeps: a hearing
 * answered online ending in a paid fine notice; no answer, the task escalated at 14 days, a cost
 * notice that became final; two withdrawal requests (kept, then withdrawn). The pre-patch
 * `parking-ticket-letter.json` (handed to the fine office) guards the unpatched path and is never re-recorded.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { paymentBookedSignal, registrationUpdate, ticketStateQuery, withdrawalRequestUpdate } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { hearingAnswerUpdate } from '../../workflows/fine-proceedings/shared';
import { completeTaskUpdate, taskIdOf, type TaskDecision } from '../../workflows/tasks/shared';

type History = temporal.api.history.v1.IHistory;
type Handle = WorkflowHandle<typeof parkingTicketWorkflow>;
const DAY = 86_400_000;
export const FINE_HISTORIES = ['parking-ticket-hearing-fine-notice', 'parking-ticket-no-answer-cost-notice', 'parking-ticket-withdrawal-request'];

export async function recordFineHistories(env: TestWorkflowEnvironment, taskQueue: string, wanted: (name: string) => boolean,
  save: (name: string, history: History) => void): Promise<void> {
  const start = async (name: string, plate: string) => {
    const handle = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: name, args: [{
      requestFingerprint: 'fp', offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
      plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date(await env.currentTimeMs()).toISOString(), recordedBy: 'warden-demo' }] });
    await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
    return handle;
  };
  const until = async (handle: Handle, status: string) => {
    for (let i = 0; i < 200; i += 1) {
      if ((await handle.query(ticketStateQuery)).status === status) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${handle.workflowId} never reached ${status}`);
  };
  const decide = (handle: Handle, key: string, decision: TaskDecision) =>
    handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(handle.workflowId, key), decision, by: 'caseworker-demo' }] });
  const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };

  if (wanted(FINE_HISTORIES[0]!)) {
    const handle = await start(FINE_HISTORIES[0]!, 'HA-MM 4711');
    await env.sleep(8 * DAY);
    await until(handle, 'letter_sent');
    await handle.executeUpdate(hearingAnswerUpdate, { args: [{ person, facts: 'admits', email: 'max@example.org' }] });
    await decide(handle, 'hearing-decision', { outcome: 'fine_notice', fineEuros: 30 });
    await until(handle, 'fine_notice_sent');
    await handle.signal(paymentBookedSignal, { paymentId: 'pay-notice', amountCents: 5850, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'card' });
    await handle.result();
    save(FINE_HISTORIES[0]!, await handle.fetchHistory());
  }
  if (wanted(FINE_HISTORIES[1]!)) {
    const handle = await start(FINE_HISTORIES[1]!, 'HA-XY 42');
    await env.sleep(23 * DAY);
    await until(handle, 'decision_pending');
    await env.sleep(15 * DAY); // the decision task escalates at 14 days
    await decide(handle, 'hearing-decision', { outcome: 'cost_notice' });
    await handle.result(); // unpaid: final after 14 days
    save(FINE_HISTORIES[1]!, await handle.fetchHistory());
  }
  if (wanted(FINE_HISTORIES[2]!)) {
    const handle = await start(FINE_HISTORIES[2]!, 'HA-LP 2025');
    await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Kennzeichen falsch notiert', by: 'warden-demo', source: 'staff' }] });
    await decide(handle, 'withdrawal-1', { outcome: 'keep', reason: 'Foto zeigt das richtige Kennzeichen' });
    await env.sleep(DAY);
    await handle.executeUpdate(withdrawalRequestUpdate, { args: [{ reason: 'Bewohnerparkausweis lag aus', by: 'citizen', source: 'citizen' }] });
    await decide(handle, 'withdrawal-2', { outcome: 'withdraw', reason: 'Gültiger Ausweis nachgewiesen' });
    await handle.result();
    save(FINE_HISTORIES[2]!, await handle.fetchHistory());
  }
}
