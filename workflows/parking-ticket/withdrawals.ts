/**
 * Withdrawal requests: staff or the citizen (an objection on the portal) ask the traffic
 * department to withdraw the ticket; an inbox task carries the request, its decision withdraws
 * or keeps the ticket. One request at a time, and none once a notice is under way.
 */
import { ApplicationFailure, condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ParkingTicketActivities } from '../../activities/parking-ticket';
import { someoneWaits } from '../activity-options';
import type { HumanTasks, TaskHandle } from '../tasks/human-task';
import { ERROR_TYPES, PARKING_TICKET_ACTIONS, withdrawalRequestUpdate, type TicketStatus, type Withdrawal } from './shared';
import type { TicketCase } from './ticket-case';
import { WITHDRAWAL_DUE_DAYS, withdrawalTask } from './withdrawal-task';

/** The request waits for it (inside the Update). */
const act = proxyActivities<ParkingTicketActivities>(someoneWaits);
const DAY_MS = 86_400_000;
/** The ticket's own statuses before a notice (while the Bußgeldverfahren runs the ticket stays letter_sent or holder_unknown). */
const WITHDRAWABLE: TicketStatus[] = ['open', 'letter_sent', 'holder_unknown'];

export interface Withdrawals {
  /** The traffic department's decision to withdraw, once recorded. */
  decided(): Withdrawal | undefined;
}

export function acceptWithdrawalRequests(ticket: TicketCase, tasks: HumanTasks): Withdrawals {
  const { workflowId, runId } = workflowInfo();
  const { state, input } = ticket;
  let requests = 0;
  let opening = false;
  let last: TaskHandle | undefined;
  const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });
  const decided = (): Withdrawal | undefined =>
    last?.state === 'completed' && last.decision?.outcome === 'withdraw' ? { reason: String(last.decision.reason), by: last.decidedBy ?? 'system' } : undefined;

  setHandler(withdrawalRequestUpdate, async (request) => {
    opening = true; // before any await: a second request in the same activation is refused
    requests += 1;
    const n = requests;
    const dueAt = new Date(Date.now() + WITHDRAWAL_DUE_DAYS * DAY_MS).toISOString();
    const task = await tasks.open(withdrawalTask({ n, ticketNumber: state.ticketNumber!, input, request, status: state.status, dueAt }));
    last = task;
    opening = false;
    state.withdrawalTaskId = task.taskId;
    void condition(() => task.state !== 'open').then(() => { if (state.withdrawalTaskId === task.taskId) state.withdrawalTaskId = undefined; });
    await act.recordTicketEvent({ ticketNumber: state.ticketNumber!, key: `${workflowId}:withdrawal.requested:${n}`, action: PARKING_TICKET_ACTIONS.withdrawalRequested,
      actor: request.source === 'citizen' ? 'citizen' : request.by, details: { source: request.source, reason: request.reason, taskId: task.taskId }, workflowId, runId });
    return { taskId: task.taskId };
  }, {
    validator: ({ reason }) => {
      if (!reason || reason.trim().length < 3) throw refuse(ERROR_TYPES.invalidWithdrawal, 'A reason is required');
      if (!WITHDRAWABLE.includes(state.status) || decided() || ticket.noticeUnderWay || state.notice) {
        throw refuse(ERROR_TYPES.ticketClosed, `The ticket is already ${state.notice ? state.notice.kind : state.status}`);
      }
      if (opening || last?.state === 'open') throw refuse(ERROR_TYPES.withdrawalPending, 'A withdrawal request is already being decided');
    },
  });
  return { decided };
}
