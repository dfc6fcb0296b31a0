/**
 * Antrag auf Befreiung/Ermäßigung der Hundesteuer: always a caseworker's decision on the
 * evidence. The case opens a task in the tax office's inbox and waits for its decision; the
 * task escalates when 30 days pass. After the decision, the notice goes out by e-mail.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { DogTaxActivities } from '../../activities/dog-tax';
import { someoneWaits, standard } from '../activity-options';
import { humanTasks } from '../tasks/human-task';
import { exemptionDecisionTask } from './exemption-task';
import {
  DOG_TAX_ACTIONS, DOG_TAX_PROCEDURES, caseOpenedUpdate, exemptionStateQuery,
  type DogTaxExemptionInput, type ExemptionDecision, type ExemptionState, type ExemptionStatus,
} from './shared';
import { caseUpdate } from '../search-attributes';

const act = proxyActivities<DogTaxActivities>(standard);
/** The citizen's submit waits for the case number (caseOpenedUpdate). */
const waited = proxyActivities<DogTaxActivities>(someoneWaits);

export async function dogTaxExemptionWorkflow(input: DogTaxExemptionInput): Promise<ExemptionState> {
  const { workflowId, runId } = workflowInfo();
  const state: ExemptionState = { status: 'received' };
  const tasks = humanTasks();
  setHandler(exemptionStateQuery, () => state);
  setHandler(caseOpenedUpdate, async () => {
    await condition(() => state.caseNumber !== undefined);
    return { caseNumber: state.caseNumber! };
  });
  const setStatus = (status: ExemptionStatus) => {
    state.status = status;
    upsertSearchAttributes(caseUpdate({ status }));
  };

  // 1. Open the case and confirm receipt with the status link and a PDF of what was submitted.
  const { caseNumber } = await waited.openDogTaxCase({ workflowId, runId, procedure: DOG_TAX_PROCEDURES.exemption, input });
  state.caseNumber = caseNumber;
  upsertSearchAttributes(caseUpdate({ procedure: DOG_TAX_PROCEDURES.exemption, caseNumber, status: 'received' }));
  await act.sendDogTaxReceipt({ workflowId, runId, caseNumber });

  // 2. Find the dog's registration (the caseworker decides either way).
  const link = await act.linkExemptionToRegistration({ caseNumber });
  state.registered = link.registered;
  state.tagNumber = link.tagNumber;
  await act.setDogTaxStatus({ workflowId, runId, caseNumber, status: 'awaiting_decision', action: DOG_TAX_ACTIONS.exemptionAwaitingDecision, actor: 'system',
    details: { registered: link.registered } });
  setStatus('awaiting_decision');

  // 3. The tax office decides in its inbox.
  const task = await tasks.open(exemptionDecisionTask({ caseNumber, input, registered: link.registered, tagNumber: link.tagNumber, now: Date.now() }));
  await condition(() => task.state === 'completed');
  const decision: ExemptionDecision = { decision: task.decision!.outcome as ExemptionDecision['decision'], reason: String(task.decision!.reason), by: task.decidedBy! };

  // 4. Book the decision and send the notice.
  const booked = await act.recordExemptionDecision({ workflowId, runId, caseNumber, decision });
  state.decision = { ...decision, ...booked };
  setStatus(decision.decision);
  await act.sendExemptionDecisionNotice({ caseNumber });
  await condition(allHandlersFinished);
  return state;
}
