/**
 * The ticket's side of the Bußgeldverfahren: it starts the proceedings as its child (see
 * workflows/fine-proceedings/workflow.ts for why a child) and, while they run, keeps booking
 * payments and withdrawals. Before a notice it answers the proceedings' request: first what
 * happened before — a withdrawal still being decided is recorded or cancelled, reported
 * payments are booked — then the notice is cleared, or the proceedings are told the case is
 * settled. Payments reported while the notice is being issued wait for its amount.
 */
import { condition, setHandler, startChild, workflowInfo } from '@temporalio/workflow';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';
import { fineProceedingsWorkflow } from '../fine-proceedings/workflow';
import {
  FINE_PROCEEDINGS_PROCEDURE, fineProceedingsWorkflowId, noticeClearedSignal, noticeIssuedSignal, noticeRequestedSignal, ticketSettledSignal,
  type FineProceedingsResult, type NoticeKind,
} from '../fine-proceedings/shared';
import type { HumanTasks } from '../tasks/human-task';
import type { Settled, Settlement } from './settlement';
import type { TicketCase } from './ticket-case';
import { caseAttributes } from '../search-attributes';

/** Runs the proceedings to their end; how the ticket settled them, or undefined when they ended on their own. */
export async function runFineProceedings(ticket: TicketCase, holder: VehicleHolder | null, settlement: Settlement, tasks: HumanTasks): Promise<Settled | undefined> {
  const { state, input } = ticket;
  let requested: NoticeKind | undefined;
  let cleared = false;
  setHandler(noticeRequestedSignal, ({ kind }) => {
    requested ??= kind;
    ticket.noticeUnderWay = true; // withdrawal requests are refused from now on
  });
  setHandler(noticeIssuedSignal, (notice) => {
    state.notice = notice;
    state.amountDueCents = notice.amounts.totalCents;
  });

  const child = await startChild(fineProceedingsWorkflow, {
    workflowId: fineProceedingsWorkflowId(workflowInfo().workflowId),
    args: [{
      ticketNumber: state.ticketNumber!, offence: input.offence, plate: input.plate, place: input.place, observedAt: input.observedAt,
      holder, hearingDeadline: state.letterDeadline!,
    }],
    typedSearchAttributes: caseAttributes(FINE_PROCEEDINGS_PROCEDURE, state.ticketNumber!, 'hearing'),
  });
  state.fineProceedingsWorkflowId = child.workflowId;
  let result: FineProceedingsResult | undefined;
  const ended = child.result().then((r) => { result = r; });
  /** Ends the proceedings because the ticket settled; their own end stands if it came first. */
  const settleProceedings = async (settled: Settled): Promise<Settled | undefined> => {
    if (!result) await child.signal(ticketSettledSignal, { status: settled.status }).catch(() => undefined);
    await ended;
    if (result!.outcome === 'settled') return settled;
    state.status = result!.outcome;
    return undefined;
  };
  // While a cleared notice is being issued, payments wait for its amount.
  const paymentsBookable = () => !cleared || state.notice !== undefined;

  for (;;) {
    await condition(() => result !== undefined || (requested !== undefined && !cleared) || (settlement.reported() && paymentsBookable()));
    if (result) break;
    if (requested !== undefined && !cleared) {
      await tasks.cancelAll(requested);
      const settled = await settlement.settle();
      if (settled) return settleProceedings(settled);
      cleared = true;
      await child.signal(noticeClearedSignal);
      continue;
    }
    const settled = await settlement.settle();
    if (settled) return settleProceedings(settled);
  }
  // The proceedings wrote their outcome (dropped, final) to the case; the ticket ends with it.
  if (result.outcome !== 'settled') state.status = result.outcome;
  return undefined;
}
