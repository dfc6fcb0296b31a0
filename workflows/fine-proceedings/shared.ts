/**
 * The contract of the Bußgeldverfahren (procedure 2), a child workflow of the parking ticket
 * started when the Verwarnungsgeld stayed unpaid: the hearing (the citizen's online answer),
 * the fine office's decision and the notice. The ticket and the proceedings talk only through
 * what is defined here — input, signals, the hearing-answer Update, the query and the result:
 *
 *   ticket                                   fine proceedings
 *   startChild(input) ─────────────────────▶ hearing → decision task
 *                     ◀───────────────────── noticeRequested {kind}
 *   (books pending payments, cancels its withdrawal task: paid/withdrawn?)
 *   noticeCleared ─────────────────────────▶ issueNotice
 *                     ◀───────────────────── noticeIssued {notice}  (amount due = its total)
 *   ticketSettled {paid|withdrawn} ────────▶ cancels its tasks, ends 'settled'
 *                     ◀───────────────────── result {outcome, notice?}
 *
 * While the proceedings run they write the case's status (decision_pending … fine_final); the
 * ticket writes its own status (paid, withdrawn) only after the proceedings ended.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { HearingAnswer } from '../../forms/fine-proceedings/hearing-answer.form';
import type { NoticeAmounts } from '../../domain/fine-proceedings/fees';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';

export type { HearingAnswer };
export const FINE_PROCEEDINGS_PROCEDURE = 'fine-proceedings';
export type NoticeKind = 'fine_notice' | 'cost_notice';
export type FineOutcome = 'drop' | NoticeKind;

/** The ticket's statuses once the Bußgeldverfahren runs (after the hearing letter). */
export const FINE_PROCEEDINGS_STATUSES = ['decision_pending', 'dropped', 'fine_notice_sent', 'fine_final', 'cost_notice_sent', 'cost_notice_final'] as const;
export type FineProceedingsStatus = (typeof FINE_PROCEEDINGS_STATUSES)[number];
/** How the ticket ended the proceedings early: the Verwarnungsgeld or the notice paid, or the ticket withdrawn. */
export type SettledStatus = 'paid' | 'withdrawn';

export interface IssuedNotice {
  kind: NoticeKind;
  /** Its own RF reference, distinct from the Verwarnungsgeld's: payments are matched by it. */
  reference: string;
  amounts: NoticeAmounts;
  /** ISO instant the 14 days end (exclusive). */
  deadline: string;
  documentId: string;
}

/** What the fine office decides on: the recorded offence and who the letter reached. */
export interface FineProceedingsInput {
  ticketNumber: string;
  offence: { code: string; titleDe: string; titleEn: string; amountCents: number };
  plate: string;
  place: string;
  observedAt: string;
  /** From the vehicle registry; null when the registry knew no holder (no letter went out). */
  holder: VehicleHolder | null;
  /** The hearing is open until then: the letter's 14 days (or, without a letter, the same span). */
  hearingDeadline: string;
}

export interface FineProceedingsState {
  /** 'hearing' until the decision task opens; 'paid' or 'withdrawn' once the ticket settled the case. */
  status: 'hearing' | FineProceedingsStatus | SettledStatus;
  hearing: 'open' | 'answered' | 'closed';
  decisionTaskId?: string;
  notice?: IssuedNotice;
}

export interface FineProceedingsResult {
  /** 'settled': the ticket closed the case (paid or withdrawn); otherwise the proceedings' own end. */
  outcome: 'settled' | 'dropped' | 'fine_final' | 'cost_notice_final';
  notice?: IssuedNotice;
}

/** The citizen's answer as the API validated it (form fine-proceedings-hearing-answer); answers with the status reached. */
export const hearingAnswerUpdate = defineUpdate<{ status: string }, [HearingAnswer]>('hearingAnswer');
export const proceedingsStateQuery = defineQuery<FineProceedingsState>('fineProceedingsState');

// Proceedings → ticket.
/** The fine office decided on a notice: may it be issued (nothing paid or withdrawn meanwhile)? */
export const noticeRequestedSignal = defineSignal<[{ kind: NoticeKind }]>('noticeRequested');
/** The notice is out: from now on payments count against its total. */
export const noticeIssuedSignal = defineSignal<[IssuedNotice]>('noticeIssued');
// Ticket → proceedings.
/** The answer to noticeRequested when the ticket is still open: issue it; withdrawals are refused from now on. */
export const noticeClearedSignal = defineSignal('noticeCleared');
/** The ticket was paid or withdrawn: the proceedings cancel their tasks and end. */
export const ticketSettledSignal = defineSignal<[{ status: SettledStatus }]>('ticketSettled');

export const FINE_ERRORS = {
  hearingNotOpen: 'HearingNotOpen',
  hearingAnswered: 'HearingAlreadyAnswered',
} as const;

/** Task type and audit actions: `fine-proceedings.<what>`; the case history's texts are keyed by the actions. */
export const DECISION_TASK_TYPE = 'fine-proceedings.decision';
/** Failure type of issueNotice when nobody can receive the notice: permanent, never retried. */
export const NO_ADDRESSEE = 'NoAddressee';

export const FINE_PROCEEDINGS_ACTIONS = {
  hearingAnswered: 'fine-proceedings.hearing-answered',
  decisionRequested: 'fine-proceedings.decision-requested',
  hearingUnanswered: 'fine-proceedings.hearing-unanswered',
  dropped: 'fine-proceedings.dropped',
  fineNoticeIssued: 'fine-proceedings.fine-notice-issued',
  costNoticeIssued: 'fine-proceedings.cost-notice-issued',
  fineNoticeFinal: 'fine-proceedings.fine-notice-final',
  costNoticeFinal: 'fine-proceedings.cost-notice-final',
  /** An e-mail the relay refused for good (mistyped address): recorded, not retried; the letter still goes by post. */
  mailUndeliverable: 'fine-proceedings.mail-undeliverable',
  /** The notice had nobody to go to (holder unknown, hearing unanswered): the proceedings end without it. */
  noticeWithoutAddressee: 'fine-proceedings.notice-without-addressee',
} as const;
export const DECISION_DUE_DAYS = 14;

/**
 * Derived from the ticket's workflow ID (which carries only a hash), so the API finds the
 * proceedings of a ticket without a look-up: `parking-ticket-<hash>` → `fine-proceedings-<hash>`.
 */
export function fineProceedingsWorkflowId(ticketWorkflowId: string): string {
  return `${FINE_PROCEEDINGS_PROCEDURE}-${ticketWorkflowId.replace(/^parking-ticket-/, '')}`;
}
