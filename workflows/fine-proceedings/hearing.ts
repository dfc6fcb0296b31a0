/**
 * The online hearing (Anhörung, § 55 OWiG): open from the letter until its deadline; the
 * citizen's answer arrives as an Update, is recorded (read model, audit) and answers once the
 * fine office has the decision task. The confirmation mail is the workflow's own step
 * afterwards (`receiptDue`): the citizen's request never waits for a mail relay.
 */
import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { FineProceedingsActivities } from '../../activities/fine-proceedings';
import { someoneWaits } from '../activity-options';
import { FINE_ERRORS, hearingAnswerUpdate, type FineProceedingsState, type HearingAnswer } from './shared';

/** The citizen's answer waits for it (inside the Update). */
const act = proxyActivities<FineProceedingsActivities>(someoneWaits);

export interface Hearing {
  /** True once an answer is recorded (not merely received). */
  recorded(): boolean;
  answer(): HearingAnswer | undefined;
  /** The deadline passed or the case moved on: later answers are refused. */
  close(): void;
  /** The answer gave an e-mail address the confirmation is still to be sent to (by the workflow, not the Update). */
  receiptDue(): string | undefined;
}

export function openHearing(ticketNumber: string, state: FineProceedingsState): Hearing {
  const { workflowId, runId } = workflowInfo();
  let answer: HearingAnswer | undefined;
  let recorded = false;
  let receiptTo: string | undefined;
  const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
  state.hearing = 'open';
  setHandler(hearingAnswerUpdate, async (given) => {
    answer = given;
    state.hearing = 'answered'; // before any await: a second answer is refused
    // The confirmation mail is its own activity after the Update answered: the HTTP request never waits for SMTP.
    await act.recordHearingAnswer({ ticketNumber, answer: given, workflowId, runId });
    if (given.email) receiptTo = given.email;
    recorded = true;
    // Answers once the decision task is open (or the case ended meanwhile).
    await condition(() => state.status !== 'hearing');
    return { status: state.status };
  }, {
    validator: (_given) => {
      if (state.hearing === 'answered') throw refuse(FINE_ERRORS.hearingAnswered, 'The hearing has already been answered');
      if (state.hearing !== 'open') throw refuse(FINE_ERRORS.hearingNotOpen, 'The hearing is not open');
    },
  });
  return {
    recorded: () => recorded,
    answer: () => answer,
    close: () => { if (state.hearing === 'open') state.hearing = 'closed'; },
    receiptDue: () => receiptTo,
  };
}
