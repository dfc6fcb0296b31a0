/**
 * Antrag auf Befreiung/Ermäßigung der Hundesteuer: always a caseworker's decision on the
 * evidence. The case opens a task in the tax office's inbox and waits for its decision; the
 * task escalates when 30 days pass. After the decision, the notice goes out by e-mail.
 * Runs started before the inbox existed (no `exemption-inbox-task` patch marker) keep waiting
 * for the Update `decideExemption` with an overdue audit event every 30 days.
 */
import {
  ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { DogTaxActivities } from '../../activities/dog-tax';
import {
  DOG_TAX_PROCEDURES, ERROR_TYPES, EXEMPTION_DECISION_DUE, caseOpenedUpdate, decideExemptionUpdate, exemptionStateQuery,
  type DogTaxExemptionInput, type ExemptionDecision, type ExemptionState, type ExemptionStatus,
} from './shared';
import { humanTasks, type TaskHandle } from '../tasks/human-task';
import { exemptionDecisionTask } from './exemption-task';

const act = proxyActivities<DogTaxActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});
const DECISIONS = ['granted', 'reduced', 'rejected'];

export async function dogTaxExemptionWorkflow(input: DogTaxExemptionInput): Promise<ExemptionState> {
  const { workflowId, runId } = workflowInfo();
  const state: ExemptionState = { status: 'received', overdueReminders: 0 };
  let decision: ExemptionDecision | undefined;
  const decided = () => DECISIONS.includes(state.status);

  const tasks = humanTasks();
  let task: TaskHandle | undefined;
  setHandler(exemptionStateQuery, () => state);
  setHandler(caseOpenedUpdate, async () => {
    await condition(() => state.caseNumber !== undefined);
    return { caseNumber: state.caseNumber! };
  });
  setHandler(decideExemptionUpdate, async (request) => {
    decision = request;
    // Answers once the main flow has booked it in the read model.
    await condition(decided);
    return { status: state.status, caseNumber: state.caseNumber! };
  }, {
    validator: (request) => {
      const invalid = (message: string) => ApplicationFailure.create({ type: ERROR_TYPES.invalidDecision, nonRetryable: true, message });
      if (!DECISIONS.includes(request?.decision)) throw invalid('decision must be one of granted, reduced, rejected');
      if (!request.reason || request.reason.trim().length < 3) throw invalid('A reason is required');
      if (!request.by || !request.by.trim()) throw invalid('The deciding caseworker is required');
      if (decision || task?.state === 'completed') {
        throw ApplicationFailure.create({ type: ERROR_TYPES.alreadyDecided, nonRetryable: true, message: `The application is already decided (${decision?.decision ?? task?.decision?.outcome})` });
      }
    },
  });

  const { caseNumber } = await act.openDogTaxCase({ workflowId, runId, procedure: DOG_TAX_PROCEDURES.exemption, input });
  state.caseNumber = caseNumber;
  upsertSearchAttributes({ AmtswegProcedure: [DOG_TAX_PROCEDURES.exemption], AmtswegCaseNumber: [caseNumber], AmtswegStatus: ['received'] });
  // First step: confirm receipt with the status link and a PDF of what was submitted.
  await act.sendDogTaxReceipt({ workflowId, runId, caseNumber });
  const setStatus = (status: ExemptionStatus) => {
    state.status = status;
    upsertSearchAttributes({ AmtswegStatus: [status] });
  };

  const link = await act.linkExemptionToRegistration({ caseNumber });
  state.registered = link.registered;
  state.tagNumber = link.tagNumber;
  await act.setDogTaxStatus({ workflowId, runId, caseNumber, status: 'awaiting_decision', action: 'exemption.awaiting_decision', actor: 'system',
    details: { registered: link.registered } });
  setStatus('awaiting_decision');

  if (patched('exemption-inbox-task')) {
    const opened = await tasks.open(exemptionDecisionTask({ caseNumber, input, registered: link.registered, tagNumber: link.tagNumber, now: Date.now() }));
    task = opened;
    // The old API Update stays valid for a decision already on its way; whichever comes first decides.
    await condition(() => opened.state !== 'open' || decision !== undefined);
    // A completion accepted first wins (cancel then leaves it completed): one decision per case.
    if (opened.state === 'open') await tasks.cancel(opened, 'decided outside the inbox');
    if (opened.state === 'completed') {
      decision = { decision: opened.decision!.outcome as ExemptionDecision['decision'], reason: String(opened.decision!.reason), by: opened.decidedBy! };
    }
  } else {
    const waitingSince = new Date(Date.now()).toISOString();
    while (!(await condition(() => decision !== undefined, EXEMPTION_DECISION_DUE))) {
      state.overdueReminders += 1;
      await act.recordExemptionOverdue({ workflowId, runId, caseNumber, reminder: state.overdueReminders, waitingSince });
      setStatus('decision_overdue');
    }
  }

  const booked = await act.recordExemptionDecision({ workflowId, runId, caseNumber, decision: decision! });
  state.decision = { ...decision!, ...booked };
  setStatus(decision!.decision);
  await act.sendExemptionDecisionNotice({ caseNumber });
  await condition(allHandlersFinished);
  return state;
}
