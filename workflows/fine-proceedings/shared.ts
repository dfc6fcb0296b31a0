/**
 * Updates and types of the Bußgeldverfahren (procedure 2) that the ticket workflow runs after
 * the hearing letter: the citizen's online answer, the caseworker's decision, the notice.
 */
import { defineUpdate } from '@temporalio/workflow';
import type { HearingAnswer } from '../../forms/fine-proceedings/hearing-answer.form';
import type { NoticeAmounts } from '../../domain/fine-proceedings/fees';

export type { HearingAnswer };
export type NoticeKind = 'fine_notice' | 'cost_notice';
export type FineOutcome = 'drop' | NoticeKind;

/** The ticket's statuses once the Bußgeldverfahren runs (after the hearing letter). */
export const FINE_PROCEEDINGS_STATUSES = ['decision_pending', 'dropped', 'fine_notice_sent', 'fine_final', 'cost_notice_sent', 'cost_notice_final'] as const;
export type FineProceedingsStatus = (typeof FINE_PROCEEDINGS_STATUSES)[number];

export interface IssuedNotice {
  kind: NoticeKind;
  /** Its own RF reference, distinct from the Verwarnungsgeld's: payments are matched by it. */
  reference: string;
  amounts: NoticeAmounts;
  /** ISO instant the 14 days end (exclusive). */
  deadline: string;
  documentId: string;
}

/** The answer as the API validated it (form fine-proceedings-hearing-answer); answers with the status reached. */
export const hearingAnswerUpdate = defineUpdate<{ status: string }, [HearingAnswer]>('hearingAnswer');

export const FINE_ERRORS = {
  hearingNotOpen: 'HearingNotOpen',
  hearingAnswered: 'HearingAlreadyAnswered',
} as const;

export const HEARING_TASK_TYPE = 'fine.hearing-decision';
export const DECISION_DUE_DAYS = 14;
