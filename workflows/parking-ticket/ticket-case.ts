/**
 * The ticket's case inside its workflow: its state (the query answers with it), the
 * registration Update of update-with-start, and status changes written to the read model
 * before the workflow acts on them.
 */
import {
  ApplicationFailure, condition, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes, workflowInfo,
} from '@temporalio/workflow';
import type { ParkingTicketActivities } from '../../activities/parking-ticket';
import { someoneWaits, standard } from '../activity-options';
import {
  ERROR_TYPES, registrationUpdate, ticketStateQuery,
  type ParkingTicketInput, type TicketRegistration, type TicketState, type TicketStatus,
} from './shared';
import { caseUpdate } from '../search-attributes';

const act = proxyActivities<ParkingTicketActivities>(standard);
/**
 * The registration runs as a local activity: in the worker that runs the workflow's first task,
 * without a round trip through the task queue, so the warden's answer needs one workflow task
 * instead of two plus an activity task (p50 146 → 67 ms at 1 client, issue 11). It is as
 * durable: the workflow was started before it runs, and a crash of the worker retries the
 * workflow task and with it the (idempotent) registration. Retried like `standard`, but at
 * most 5 s apart (`someoneWaits`: the warden waits) — below the local retry threshold, so every
 * retry stays local, inside a workflow task the worker keeps alive by heartbeats, no timer.
 */
const local = proxyLocalActivities<ParkingTicketActivities>(someoneWaits);

export interface TicketCase {
  readonly input: ParkingTicketInput;
  readonly state: TicketState;
  /** Set once the Bußgeldverfahren asked for a notice: withdrawal requests are refused from then on. */
  noticeUnderWay: boolean;
  /** What closes the case now: the Verwarnungsgeld, or the notice's total once one is issued. */
  amountDueCents(): number;
  register(): Promise<TicketRegistration>;
  setStatus(status: TicketStatus, action: string, details?: Record<string, unknown>, actor?: string): Promise<void>;
}

export function openTicketCase(input: ParkingTicketInput): TicketCase {
  const { workflowId, runId } = workflowInfo();
  const state: TicketState = { status: 'registering', paidCents: 0, paymentIds: [] };
  let registration: TicketRegistration | undefined;

  setHandler(ticketStateQuery, () => state);
  setHandler(registrationUpdate, async () => {
    await condition(() => registration !== undefined);
    return registration!;
  }, {
    validator: ({ requestFingerprint }) => {
      if (requestFingerprint !== input.requestFingerprint) {
        throw ApplicationFailure.create({ type: ERROR_TYPES.idempotencyKeyReused, nonRetryable: true, message: 'This idempotency key was already used for a different ticket' });
      }
    },
  });

  return {
    input,
    state,
    noticeUnderWay: false,
    amountDueCents: () => state.amountDueCents ?? input.offence.amountCents,
    async register() {
      registration = await local.registerParkingTicket({ workflowId, runId, input });
      state.ticketNumber = registration.ticketNumber;
      state.paymentDeadline = registration.paymentDeadline;
      state.status = 'open';
      upsertSearchAttributes(caseUpdate({ caseNumber: registration.ticketNumber, status: 'open' }));
      return registration;
    },
    async setStatus(status, action, details = {}, actor = 'system') {
      await act.recordTicketStatus({ ticketNumber: state.ticketNumber!, status, action, actor, details, workflowId, runId });
      // Set after the read model has it: an Update waiting for this status answers only then.
      state.status = status;
      upsertSearchAttributes(caseUpdate({ status }));
    },
  };
}
