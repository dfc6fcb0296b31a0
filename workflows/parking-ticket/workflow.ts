/**
 * Online-Knöllchen (procedure 1): a warden records a parking offence; the person has one week
 * (7 calendar days, Europe/Berlin, a payment booked on day 7 counts) to pay the
 * Verwarnungsgeld online or by bank transfer. Unpaid, the vehicle holder is looked up and the
 * written Verwarnung/Anhörung goes to the postal outbox with a new 14-day deadline; then the
 * Bußgeldverfahren (procedure 2, workflows/fine-proceedings) runs as a child workflow. Staff or
 * the citizen may ask for the ticket to be withdrawn at any time before a notice; the traffic
 * department decides in its inbox. A payment or a withdrawal settles the case at any step.
 */
import { allHandlersFinished, condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ParkingTicketActivities } from '../../activities/parking-ticket';
import { paymentDeadline } from '../../domain/berlin-time';
import { standard } from '../activity-options';
import { humanTasks } from '../tasks/human-task';
import { runFineProceedings } from './fine-proceedings-step';
import { acceptPayments, type Payments } from './payments';
import { settlementOf } from './settlement';
import { owesNothing, PARKING_TICKET_ACTIONS, type ParkingTicketInput, type TicketState } from './shared';
import { openTicketCase, type TicketCase } from './ticket-case';
import { acceptWithdrawalRequests } from './withdrawals';

const act = proxyActivities<ParkingTicketActivities>(standard);
const LETTER_DEADLINE_DAYS = 14;

export async function parkingTicketWorkflow(input: ParkingTicketInput): Promise<TicketState> {
  const ticket = openTicketCase(input);
  const tasks = humanTasks();
  const payments = acceptPayments(ticket);
  const settlement = settlementOf(ticket, payments, acceptWithdrawalRequests(ticket, tasks), tasks);

  // 1. The warden's record becomes a ticket: number, payment reference, access code, windscreen card.
  const { paymentDeadline: oneWeek } = await ticket.register();
  // 2. One week to pay the Verwarnungsgeld (or for a withdrawal).
  let settled = await settlement.waitUntil(oneWeek);
  if (!settled) {
    // 3. Unpaid: the holder gets the written hearing with 14 more days (or stays unknown).
    const holder = await sendHearingLetter(ticket);
    // 4. The Bußgeldverfahren; a payment or a withdrawal still settles the case meanwhile.
    settled = await runFineProceedings(ticket, holder, settlement, tasks);
  }
  if (settled) await settlement.close(settled);
  // 5. Nothing left behind: handlers finished, open tasks cancelled.
  await condition(allHandlersFinished);
  await tasks.cancelAll(ticket.state.status);
  // 6. A case that ends owing nothing (withdrawn, dropped) pays back what was paid before.
  const { status, paidCents } = ticket.state;
  if (owesNothing(status) && paidCents > 0) await ticket.setStatus(status, PARKING_TICKET_ACTIONS.refundDue, { overpaidCents: paidCents });
  // 7. Every payment reported while the case closed is booked.
  await bookLatePayments(payments, ticket);
  return ticket.state;
}

async function sendHearingLetter(ticket: TicketCase) {
  const { workflowId, runId } = workflowInfo();
  const { state } = ticket;
  const holder = await act.lookUpVehicleHolder({ ticketNumber: state.ticketNumber! });
  state.letterDeadline = paymentDeadline(new Date(Date.now()), LETTER_DEADLINE_DAYS).toISOString();
  if (holder) {
    await act.createWarningLetter({ ticketNumber: state.ticketNumber!, holder, letterDeadline: state.letterDeadline, workflowId, runId });
    await ticket.setStatus('letter_sent', PARKING_TICKET_ACTIONS.letterQueued, { letterDeadline: state.letterDeadline });
  } else {
    await ticket.setStatus('holder_unknown', PARKING_TICKET_ACTIONS.holderUnknown);
  }
  return holder;
}

/**
 * A payment reported while the case was closing is booked (the money arrived), never dropped;
 * the status stays. What exceeds the amount due is recorded as over-paid (all of it on a
 * withdrawn ticket or dropped proceedings), for the city's cash office to pay back.
 */
async function bookLatePayments(payments: Payments, ticket: TicketCase): Promise<void> {
  while (payments.waiting()) {
    await payments.book(owesNothing(ticket.state.status) ? 0 : undefined);
    await condition(allHandlersFinished);
  }
}
