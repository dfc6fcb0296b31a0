/**
 * Anmeldung zur Hundesteuer (procedure 3): a dog's holder registers it. Only residents of
 * Hagen are taxed here (resident registry); a resident gets a tax-tag number and the tax
 * notice with the yearly tax and the pro-rata amount for the first year; anyone else a
 * rejection e-mail and no tag.
 */
import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { DogTaxActivities } from '../../activities/dog-tax';
import {
  DOG_TAX_ACTIONS, DOG_TAX_PROCEDURES, caseOpenedUpdate, registrationStateQuery,
  type DogRegistrationInput, type RegistrationState, type RegistrationStatus,
} from './shared';
import { someoneWaits, standard } from '../activity-options';
import { caseUpdate } from '../search-attributes';

const act = proxyActivities<DogTaxActivities>(standard);
/** The citizen's submit waits for the case number (caseOpenedUpdate). */
const waited = proxyActivities<DogTaxActivities>(someoneWaits);

export async function dogRegistrationWorkflow(input: DogRegistrationInput): Promise<RegistrationState> {
  const { workflowId, runId } = workflowInfo();
  const state: RegistrationState = { status: 'received' };
  setHandler(registrationStateQuery, () => state);
  setHandler(caseOpenedUpdate, async () => {
    await condition(() => state.caseNumber !== undefined);
    return { caseNumber: state.caseNumber! };
  });

  const { caseNumber } = await waited.openDogTaxCase({ workflowId, runId, procedure: DOG_TAX_PROCEDURES.registration, input });
  state.caseNumber = caseNumber;
  upsertSearchAttributes(caseUpdate({ procedure: DOG_TAX_PROCEDURES.registration, caseNumber, status: 'received' }));
  // First step: confirm receipt with the status link and a PDF of what was submitted.
  await act.sendDogTaxReceipt({ workflowId, runId, caseNumber });

  const setStatus = async (status: RegistrationStatus, action: string, details: Record<string, unknown> = {}) => {
    await act.setDogTaxStatus({ workflowId, runId, caseNumber, status, action, actor: 'system', details });
    state.status = status;
    upsertSearchAttributes(caseUpdate({ status }));
  };

  const resident = await act.checkResidence({ caseNumber });
  if (!resident) {
    await setStatus('rejected_not_resident', DOG_TAX_ACTIONS.notResident);
    await act.sendNotResidentNotice({ caseNumber });
  } else {
    const { tagNumber, assessment } = await act.assessDogTax({ workflowId, runId, caseNumber, residentId: resident.residentId });
    state.tagNumber = tagNumber;
    state.assessment = assessment;
    await setStatus('registered', DOG_TAX_ACTIONS.registered, {
      tagNumber, annualCents: assessment.annualCents, category: assessment.category, liableFrom: assessment.liableFrom, yearCents: assessment.yearCents,
    });
    const { documentId, mailed } = await act.sendTaxNotice({ caseNumber });
    // Not mailed (address refused for good, recorded by the activity): no "e-mailed" step. Older runs' results lack `mailed`.
    if (mailed !== false) await act.setDogTaxStatus({ workflowId, runId, caseNumber, status: 'registered', action: DOG_TAX_ACTIONS.taxNoticeSent, actor: 'system', details: { documentId } });
  }
  await condition(allHandlersFinished);
  return state;
}
