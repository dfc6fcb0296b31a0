/**
 * Online-Knöllchen (procedure 1): a warden records a parking offence; the person has one week
 * (7 calendar days, Europe/Berlin, a payment booked on day 7 counts) to pay the
 * Verwarnungsgeld online or by bank transfer. Unpaid, the vehicle holder is looked up and the
 * written Verwarnung/Anhörung goes to the postal outbox with a new 14-day deadline; then the
 * Bußgeldverfahren (procedure 2, workflows/fine-proceedings) runs: online hearing, the
 * caseworker's decision, the notice. Staff or the citizen may ask for the ticket to be
 * withdrawn at any time before a notice; the traffic department decides in its inbox.
 */
import {
  ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { createParkingTicketActivities } from '../../activities/parking-ticket';
import type { createFineProceedingsActivities } from '../../activities/fine-proceedings';
import { paymentDeadline } from '../../domain/berlin-time';
import { humanTasks } from '../tasks/human-task';
import { runFineProceedings, type ProceedingsContext } from '../fine-proceedings/proceedings';
import { FINE_ERRORS, hearingAnswerUpdate, type HearingAnswer } from '../fine-proceedings/shared';
import {
  ERROR_TYPES, paymentBookedSignal, registrationUpdate, ticketStateQuery, withdrawalRequestUpdate, withdrawUpdate,
  type ParkingTicketInput, type PaymentBooked, type TicketRegistration, type TicketState, type TicketStatus,
  type Withdrawal,
} from './shared';
import { WITHDRAWAL_DUE_DAYS, withdrawalTask } from './withdrawal-task';

const LETTER_DEADLINE_DAYS = 14;
const DAY_MS = 86_400_000;
const FINAL: TicketStatus[] = ['paid', 'withdrawn', 'handed_to_fine_office', 'dropped', 'fine_final', 'cost_notice_final'];
/** Before a notice is issued, a ticket can still be withdrawn. */
const WITHDRAWABLE: TicketStatus[] = ['open', 'letter_sent', 'holder_unknown', 'decision_pending'];

const act = proxyActivities<ReturnType<typeof createParkingTicketActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});
const fines = proxyActivities<ReturnType<typeof createFineProceedingsActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

export async function parkingTicketWorkflow(input: ParkingTicketInput): Promise<TicketState> {
  const { workflowId, runId } = workflowInfo();
  const state: TicketState = { status: 'registering', paidCents: 0, paymentIds: [] };
  let registration: TicketRegistration | undefined;
  let withdrawal: Withdrawal | undefined;
  let answer: HearingAnswer | undefined;
  let answerRecorded = false;
  let withdrawalPending = false;
  let withdrawalRequests = 0;
  const unprocessed: PaymentBooked[] = [];
  const closed = (): boolean => FINAL.includes(state.status);
  const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
  // Registers handlers only (no commands): histories of runs before human tasks still replay.
  const tasks = humanTasks();

  setHandler(ticketStateQuery, () => state);
  setHandler(paymentBookedSignal, (payment) => {
    if (state.paymentIds.includes(payment.paymentId)) return; // reported twice, booked once
    state.paymentIds.push(payment.paymentId);
    unprocessed.push(payment);
  });
  setHandler(registrationUpdate, async () => {
    await condition(() => registration !== undefined);
    return registration!;
  }, {
    validator: ({ requestFingerprint }) => {
      if (requestFingerprint !== input.requestFingerprint) {
        throw refuse(ERROR_TYPES.idempotencyKeyReused, 'This idempotency key was already used for a different ticket');
      }
    },
  });
  // The direct withdrawal of runs started before withdrawal requests; kept so those runs still answer it.
  setHandler(withdrawUpdate, async (request) => {
    withdrawal = request;
    // The main loop books the withdrawal; a ticket closed meanwhile answers with its final state.
    await condition(() => state.status === 'withdrawn' || closed());
    return { status: state.status };
  }, {
    validator: ({ reason }) => {
      if (!reason || reason.trim().length < 3) throw refuse(ERROR_TYPES.invalidWithdrawal, 'A reason is required');
      if (closed() || withdrawal || state.notice) throw refuse(ERROR_TYPES.ticketClosed, `The ticket is already ${state.status}`);
    },
  });
  setHandler(withdrawalRequestUpdate, async (request) => {
    withdrawalPending = true; // before any await: a second request in the same activation is refused
    withdrawalRequests += 1;
    const dueAt = new Date(Date.now() + WITHDRAWAL_DUE_DAYS * DAY_MS).toISOString();
    const task = await tasks.open(withdrawalTask({ n: withdrawalRequests, ticketNumber: state.ticketNumber!, input, request, status: state.status, dueAt }));
    state.withdrawalTaskId = task.taskId;
    await fines.recordCaseEvent({ ticketNumber: state.ticketNumber!, key: `${workflowId}:withdrawal.requested:${withdrawalRequests}`, action: 'withdrawal.requested',
      actor: request.source === 'citizen' ? 'citizen' : request.by, details: { source: request.source, reason: request.reason, taskId: task.taskId }, workflowId, runId });
    void (async () => {
      await condition(() => task.state !== 'open');
      withdrawalPending = false;
      state.withdrawalTaskId = undefined;
      // A notice issued meanwhile stands: a ticket is withdrawn only before one.
      if (task.state === 'completed' && task.decision?.outcome === 'withdraw' && !closed() && !state.notice) {
        withdrawal = { reason: String(task.decision.reason), by: task.decidedBy ?? 'system' };
      }
    })();
    return { taskId: task.taskId };
  }, {
    validator: ({ reason }) => {
      if (!reason || reason.trim().length < 3) throw refuse(ERROR_TYPES.invalidWithdrawal, 'A reason is required');
      if (!WITHDRAWABLE.includes(state.status) || withdrawal || state.notice) throw refuse(ERROR_TYPES.ticketClosed, `The ticket is already ${state.status}`);
      if (withdrawalPending) throw refuse(ERROR_TYPES.withdrawalPending, 'A withdrawal request is already being decided');
    },
  });
  setHandler(hearingAnswerUpdate, async (given) => {
    answer = given;
    state.hearing = 'answered'; // before any await: a second answer is refused
    await fines.recordHearingAnswer({ ticketNumber: state.ticketNumber!, answer: given, workflowId, runId });
    answerRecorded = true;
    await condition(() => state.status === 'decision_pending' || closed());
    return { status: state.status };
  }, {
    validator: (_given) => {
      if (state.hearing === 'answered') throw refuse(FINE_ERRORS.hearingAnswered, 'The hearing has already been answered');
      if (state.hearing !== 'open') throw refuse(FINE_ERRORS.hearingNotOpen, 'The hearing is not open');
    },
  });

  const setStatus = async (status: TicketStatus, action: string, details: Record<string, unknown> = {}, actor = 'system') => {
    await act.recordTicketStatus({ ticketNumber: state.ticketNumber!, status, action, actor, details, workflowId, runId });
    // Set after the read model has it: an update waiting for this status answers only then.
    state.status = status;
    upsertSearchAttributes({ AmtswegStatus: [status] });
  };

  /** Tasks the case no longer needs (paid, withdrawn, decided otherwise) leave the inbox. */
  const cancelOpenTasks = (reason: string) => tasks.cancelAll(reason);

  /** Books every reported payment; true once the amount due is covered. */
  const bookPayments = async (): Promise<boolean> => {
    const due = () => state.amountDueCents ?? input.offence.amountCents;
    while (unprocessed.length > 0) {
      const payment = unprocessed.shift()!;
      const booked = await act.recordTicketPayment({ ticketNumber: state.ticketNumber!, payment, amountDueCents: due(), workflowId, runId });
      state.paidCents = booked.paidTotalCents;
      if (state.paidCents >= due()) {
        await cancelOpenTasks('paid');
        await setStatus('paid', 'ticket.paid', {
          overpaidCents: state.paidCents - due(), late: state.letterDeadline !== undefined, ...(state.notice ? { notice: state.notice.kind } : {}),
        });
        if (payment.receiptEmail) {
          await act.sendPaymentReceipt({ ticketNumber: state.ticketNumber!, paymentId: payment.paymentId, email: payment.receiptEmail });
        }
        return true;
      }
    }
    return false;
  };

  /** Books a withdrawal or the payments already reported; true when that closed the case. */
  const settlePending = async (): Promise<boolean> => {
    if (withdrawal) {
      await cancelOpenTasks('withdrawn');
      await setStatus('withdrawn', 'ticket.withdrawn', { reason: withdrawal.reason }, withdrawal.by);
      return true;
    }
    return bookPayments();
  };

  /**
   * Waits for a payment, a withdrawal, `woken()` or the deadline (none: no timer). 'settled'
   * when the case closed as paid or withdrawn.
   */
  const waitFor = async (deadline: string | undefined, woken: () => boolean = () => false): Promise<'settled' | 'woken' | 'timeout'> => {
    for (;;) {
      const wake = () => unprocessed.length > 0 || withdrawal !== undefined || woken();
      const woke = deadline === undefined ? (await condition(wake), true) : await condition(wake, Math.max(Date.parse(deadline) - Date.now(), 1));
      if (!woke) return 'timeout';
      if (await settlePending()) return 'settled';
      if (woken()) return 'woken';
    }
  };
  /** Waits until paid, withdrawn or the deadline; answers true when the case is settled. */
  const waitForSettlement = async (deadline: string): Promise<boolean> => (await waitFor(deadline)) === 'settled';

  registration = await act.registerParkingTicket({ workflowId, runId, input });
  state.ticketNumber = registration.ticketNumber;
  state.paymentDeadline = registration.paymentDeadline;
  state.status = 'open';
  upsertSearchAttributes({ AmtswegCaseNumber: [registration.ticketNumber], AmtswegStatus: ['open'] });

  if (!(await waitForSettlement(registration.paymentDeadline))) {
    const holder = await act.lookUpVehicleHolder({ ticketNumber: registration.ticketNumber });
    state.letterDeadline = paymentDeadline(new Date(Date.now()), LETTER_DEADLINE_DAYS).toISOString();
    if (holder) {
      await act.createWarningLetter({ ticketNumber: registration.ticketNumber, holder, letterDeadline: state.letterDeadline, workflowId, runId });
      await setStatus('letter_sent', 'letter.queued', { letterDeadline: state.letterDeadline });
    } else {
      await setStatus('holder_unknown', 'holder.not_found');
    }
    if (patched('fine-proceedings')) {
      const ctx: ProceedingsContext = {
        input, state, holder, tasks, workflowId, runId,
        answer: () => answer, answerRecorded: () => answerRecorded,
        waitFor, settlePending, setStatus, cancelOpenTasks,
      };
      await runFineProceedings(ctx);
    } else if (!(await waitForSettlement(state.letterDeadline))) {
      // Runs started before the Bußgeldverfahren was modelled end here.
      await setStatus('handed_to_fine_office', 'ticket.handed_to_fine_office');
    }
  }
  // After the handlers: a withdrawal request still opening its task would otherwise leave it behind.
  await condition(allHandlersFinished);
  await cancelOpenTasks(state.status);
  return state;
}
