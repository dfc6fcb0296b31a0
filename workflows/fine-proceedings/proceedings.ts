/**
 * Bußgeldverfahren (procedure 2), run by the ticket workflow once the Verwarnungsgeld was not
 * paid in the first week and the hearing letter is out (or the holder is unknown: the code on
 * the windscreen card still opens the portal). The steps, in order:
 *   1. Hearing (§ 55 OWiG): open until the letter deadline; an online answer ends it early.
 *   2. Decision task for the fine office: answered, or "no answer" when the deadline passed.
 *   3. Drop (§ 47 OWiG) — or a Bußgeldbescheid / Kostenbescheid (§ 25a StVG) with its own
 *      reference and 14 days to pay; unpaid, the notice becomes final (enforcement is not modelled).
 * The Verwarnungsgeld may still be paid until a notice is issued: that closes the case as paid
 * and cancels the open task.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createFineProceedingsActivities } from '../../activities/fine-proceedings';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';
import { paymentDeadline } from '../../domain/berlin-time';
import { costNoticeAmounts, fineNoticeAmounts, fineTariff } from '../../domain/fine-proceedings/fees';
import type { HumanTasks } from '../tasks/human-task';
import type { ParkingTicketInput, TicketState, TicketStatus } from '../parking-ticket/shared';
import { defaultFineEuros, hearingDecisionTask } from './decision-task';
import { DECISION_DUE_DAYS, type HearingAnswer, type NoticeKind } from './shared';

const DAY_MS = 86_400_000;

const act = proxyActivities<ReturnType<typeof createFineProceedingsActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

/** What the ticket workflow lends the proceedings: its state, its waiting loop and its tasks. */
export interface ProceedingsContext {
  input: ParkingTicketInput;
  state: TicketState;
  holder: VehicleHolder | null;
  tasks: HumanTasks;
  workflowId: string;
  runId: string;
  answer(): HearingAnswer | undefined;
  answerRecorded(): boolean;
  /** Books payments and withdrawals while waiting; 'settled' once the case closed as paid or withdrawn. */
  waitFor(deadline: string | undefined, woken?: () => boolean): Promise<'settled' | 'woken' | 'timeout'>;
  setStatus(status: TicketStatus, action: string, details?: Record<string, unknown>, actor?: string): Promise<void>;
  /** Books a withdrawal or payments already reported, without waiting; true when the case closed. */
  settlePending(): Promise<boolean>;
  cancelOpenTasks(reason: string): Promise<void>;
}

export async function runFineProceedings(ctx: ProceedingsContext): Promise<void> {
  const { state, input, workflowId, runId } = ctx;
  const ticketNumber = state.ticketNumber!;

  // 1. The hearing.
  state.hearing = 'open';
  const heard = await ctx.waitFor(state.letterDeadline, () => ctx.answerRecorded());
  if (heard === 'settled') {
    if (state.hearing === 'open') state.hearing = 'closed';
    return;
  }
  if (state.hearing === 'open') state.hearing = 'closed';
  const answer = ctx.answer();

  // 2. The fine office decides.
  const now = Date.now();
  const task = await ctx.tasks.open(hearingDecisionTask({
    ticketNumber, offence: input.offence, plate: input.plate, place: input.place, observedAt: input.observedAt, answer,
    holderKnown: ctx.holder !== null, letterSent: state.status === 'letter_sent',
    dueAt: new Date(now + DECISION_DUE_DAYS * DAY_MS).toISOString(),
  }));
  await ctx.setStatus('decision_pending', answer ? 'hearing.decision_requested' : 'hearing.unanswered', { taskId: task.taskId });
  if ((await ctx.waitFor(undefined, () => task.state !== 'open')) === 'settled') return;
  const decision = task.decision!;
  const by = task.decidedBy ?? 'system';

  // 3. The outcome.
  if (decision.outcome === 'drop') {
    await ctx.setStatus('dropped', 'fine.dropped', { reason: decision.reason }, by);
    return;
  }
  const kind = decision.outcome as NoticeKind;
  // The API checks the field against the task's schema; an Update sent past it must not break the workflow.
  const given = Math.round(Number(decision.fineEuros));
  const fineEuros = Number.isFinite(given) && given >= 5 && given <= 1000 ? given : defaultFineEuros(input.offence);
  const amounts = kind === 'fine_notice' ? fineNoticeAmounts(fineEuros * 100) : costNoticeAmounts();
  const deadline = paymentDeadline(new Date(Date.now()), fineTariff.paymentDays).toISOString();
  // A Verwarnungsgeld paid or a withdrawal decided just before counts: the notice is issued only if neither.
  if (await ctx.settlePending()) return;
  // A withdrawal request still open is moot once a notice is issued.
  await ctx.cancelOpenTasks(kind);
  const notice = await act.issueNotice({
    ticketNumber, kind, amounts, deadline, holder: ctx.holder, answer: answer ?? null, decidedBy: by, workflowId, runId,
  });
  state.notice = notice;
  state.amountDueCents = amounts.totalCents;
  await ctx.setStatus(kind === 'fine_notice' ? 'fine_notice_sent' : 'cost_notice_sent', `fine.${kind}_issued`,
    { reference: notice.reference, totalCents: amounts.totalCents, deadline, ...(decision.reason ? { reason: decision.reason } : {}) }, by);
  if ((await ctx.waitFor(deadline)) === 'settled') return;
  await ctx.setStatus(kind === 'fine_notice' ? 'fine_final' : 'cost_notice_final', kind === 'fine_notice' ? 'fine.final' : 'fine.cost_notice_final', { reference: notice.reference });
}
