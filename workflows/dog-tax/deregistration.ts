/**
 * Abmeldung von der Hundesteuer: the dog died, was given away, or its holder moved away. The
 * liability ends with the month the keeping ended; the notice states what that changes for
 * the year (refund or remaining amount).
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { DogTaxActivities } from '../../activities/dog-tax';
import {
  DOG_TAX_ACTIONS, DOG_TAX_PROCEDURES, caseOpenedUpdate, deregistrationStateQuery,
  type DeregistrationState, type DeregistrationStatus, type DogDeregistrationInput,
} from './shared';
import { someoneWaits, standard } from '../activity-options';
import { caseUpdate } from '../search-attributes';

const act = proxyActivities<DogTaxActivities>(standard);
/** The citizen's submit waits for the case number (caseOpenedUpdate). */
const waited = proxyActivities<DogTaxActivities>(someoneWaits);

export async function dogDeregistrationWorkflow(input: DogDeregistrationInput): Promise<DeregistrationState> {
  const { workflowId, runId } = workflowInfo();
  const state: DeregistrationState = { status: 'received' };
  setHandler(deregistrationStateQuery, () => state);
  setHandler(caseOpenedUpdate, async () => {
    await condition(() => state.caseNumber !== undefined);
    return { caseNumber: state.caseNumber! };
  });

  const { caseNumber } = await waited.openDogTaxCase({ workflowId, runId, procedure: DOG_TAX_PROCEDURES.deregistration, input });
  state.caseNumber = caseNumber;
  upsertSearchAttributes(caseUpdate({ procedure: DOG_TAX_PROCEDURES.deregistration, caseNumber, status: 'received' }));
  // First step: confirm receipt with the status link and a PDF of what was submitted.
  await act.sendDogTaxReceipt({ workflowId, runId, caseNumber });

  const setStatus = async (status: DeregistrationStatus, action: string, details: Record<string, unknown> = {}) => {
    await act.setDogTaxStatus({ workflowId, runId, caseNumber, status, action, actor: 'system', details });
    state.status = status;
    upsertSearchAttributes(caseUpdate({ status }));
  };

  const result = await act.deregisterDog({ workflowId, runId, caseNumber });
  if (result.outcome === 'deregistered') {
    state.tagNumber = result.tagNumber;
    state.settlement = result.settlement;
    await setStatus('deregistered', DOG_TAX_ACTIONS.deregistered, { tagNumber: result.tagNumber, ...result.settlement });
    await act.sendDeregistrationNotice({ caseNumber });
  } else {
    await setStatus(result.outcome === 'already' ? 'rejected_already_deregistered' : 'rejected_unknown_tag', result.outcome === 'already' ? DOG_TAX_ACTIONS.deregistrationRefusedAlready : DOG_TAX_ACTIONS.deregistrationRefusedUnknown);
    await act.sendDeregistrationRefused({ caseNumber, outcome: result.outcome });
  }
  await condition(allHandlersFinished);
  return state;
}
