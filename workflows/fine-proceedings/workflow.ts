/**
 * Bußgeldverfahren (procedure 2), started by the parking ticket as its child when the
 * Verwarnungsgeld stayed unpaid. A child rather than the ticket's next run: the ticket stays
 * the one workflow that payments and withdrawal requests reach, whatever phase the case is in,
 * and it must outlive the proceedings to book a payment of the notice; a child's result also
 * hands the outcome back without a look-up. The proceedings know the ticket only through the
 * contract in ./shared.ts.
 *
 * 1. The hearing is open until the letter's deadline (14 days), or until answered online.
 * 2. The fine office decides in its inbox (the task escalates after 14 days): drop the case
 *    (§ 47 OWiG), a Bußgeldbescheid, or — driver unknown — a Kostenbescheid to the holder.
 * 3. A notice is issued only once the ticket cleared it (nothing paid or withdrawn meanwhile).
 * 4. Unpaid for its 14 days, the notice is final (enforcement is not modelled).
 * The ticket may end the proceedings at any step (paid, withdrawn): open tasks are cancelled.
 */
import { ActivityFailure, ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { FineProceedingsActivities } from '../../activities/fine-proceedings';
import { standard } from '../activity-options';
import { humanTasks } from '../tasks/human-task';
import { defaultFineEuros, fineEurosOf, hearingDecisionTask } from './decision-task';
import { openHearing } from './hearing';
import { linkToTicket } from './ticket-link';
import {
  DECISION_DUE_DAYS, FINE_PROCEEDINGS_ACTIONS as ACTIONS, NO_ADDRESSEE, proceedingsStateQuery,
  type FineProceedingsInput, type FineProceedingsResult, type FineProceedingsState, type FineProceedingsStatus, type NoticeKind,
} from './shared';
import { caseUpdate } from '../search-attributes';

const act = proxyActivities<FineProceedingsActivities>(standard);
const DAY_MS = 86_400_000;

export async function fineProceedingsWorkflow(input: FineProceedingsInput): Promise<FineProceedingsResult> {
  const { workflowId, runId } = workflowInfo();
  const { ticketNumber } = input;
  const state: FineProceedingsState = { status: 'hearing', hearing: 'open' };
  setHandler(proceedingsStateQuery, () => state);
  const tasks = humanTasks();
  const ticket = linkToTicket();
  const hearing = openHearing(ticketNumber, state);

  const setStatus = async (status: FineProceedingsStatus, action: string, details: Record<string, unknown> = {}, actor = 'system') => {
    await act.recordProceedingsStatus({ ticketNumber, status, action, actor, details, workflowId, runId });
    // Set after the read model has it: an Update waiting for this status answers only then.
    state.status = status;
    upsertSearchAttributes(caseUpdate({ status }));
  };
  /** Waits for `woken()` or the deadline (none: no timer); returns early when the ticket settled the case. */
  const waitFor = async (deadline: string | undefined, woken: () => boolean = () => false): Promise<void> => {
    const wake = () => ticket.settled() !== undefined || woken();
    if (deadline === undefined) await condition(wake);
    else await condition(wake, Math.max(Date.parse(deadline) - Date.now(), 1));
  };
  /** The last step: no task of these proceedings stays in an inbox. */
  const end = async (outcome: FineProceedingsResult['outcome']): Promise<FineProceedingsResult> => {
    if (outcome === 'settled') state.status = ticket.settled()!;
    hearing.close();
    await condition(allHandlersFinished);
    await tasks.cancelAll(state.status);
    return { outcome, ...(state.notice ? { notice: state.notice } : {}) };
  };

  // 1. The hearing.
  await waitFor(input.hearingDeadline, hearing.recorded);
  hearing.close();
  if (ticket.settled()) return end('settled');

  // 2. The fine office decides.
  const answer = hearing.answer();
  const quote = await act.quoteNotices({ fineCents: defaultFineEuros(input.offence) * 100 });
  const task = await tasks.open(hearingDecisionTask({
    ticketNumber, offence: input.offence, plate: input.plate, place: input.place, observedAt: input.observedAt, answer,
    holderKnown: input.holder !== null, letterSent: input.holder !== null, quote,
    dueAt: new Date(Date.now() + DECISION_DUE_DAYS * DAY_MS).toISOString(),
  }));
  state.decisionTaskId = task.taskId;
  await setStatus('decision_pending', answer ? ACTIONS.decisionRequested : ACTIONS.hearingUnanswered, { taskId: task.taskId });
  // The confirmation of the answer: after the Update answered the citizen, never inside it.
  const receiptTo = hearing.receiptDue();
  if (receiptTo) await act.sendHearingAnswerReceipt({ ticketNumber, email: receiptTo });
  await waitFor(undefined, () => task.state !== 'open');
  if (ticket.settled()) return end('settled');
  const decision = task.decision!;
  const by = task.decidedBy ?? 'system';

  // 3. The outcome: dropped, or a notice the ticket cleared.
  if (decision.outcome === 'drop') {
    await setStatus('dropped', ACTIONS.dropped, { reason: decision.reason }, by);
    return end('dropped');
  }
  const kind = decision.outcome as NoticeKind;
  if (!(await ticket.mayIssueNotice(kind))) return end('settled');
  // Amounts and deadline come from the activity: the fee table is data, read outside workflow code.
  let notice;
  try {
    notice = await act.issueNotice({
      ticketNumber, kind, fineCents: fineEurosOf(decision, input.offence) * 100, decidedAt: new Date(Date.now()).toISOString(),
      holder: input.holder, answer: answer ?? null, decidedBy: by, workflowId, runId,
    });
  } catch (error) {
    // Nobody to address the notice to (holder unknown, hearing unanswered): it cannot take effect, the proceedings end.
    if (!(error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === NO_ADDRESSEE)) throw error;
    await setStatus('dropped', ACTIONS.noticeWithoutAddressee, { kind }, by);
    return end('dropped');
  }
  state.notice = notice;
  await ticket.noticeIssued(notice);
  await setStatus(kind === 'fine_notice' ? 'fine_notice_sent' : 'cost_notice_sent', kind === 'fine_notice' ? ACTIONS.fineNoticeIssued : ACTIONS.costNoticeIssued,
    { reference: notice.reference, totalCents: notice.amounts.totalCents, deadline: notice.deadline, ...(decision.reason ? { reason: decision.reason } : {}) }, by);

  // 4. Paid within the notice's 14 days (the ticket settles), or final.
  await waitFor(notice.deadline);
  if (ticket.settled()) return end('settled');
  const final = kind === 'fine_notice' ? 'fine_final' : 'cost_notice_final';
  await setStatus(final, kind === 'fine_notice' ? ACTIONS.fineNoticeFinal : ACTIONS.costNoticeFinal, { reference: notice.reference });
  return end(final);
}
