/**
 * The citizen answers the hearing online: validated against the form `fine-proceedings-hearing-answer`
 * (the version the portal rendered, 422 per field, unknown ones too), then handed to
 * the ticket's Bußgeldverfahren (its child workflow) as an Update whose validator refuses a
 * closed or answered hearing (409). Before the letter and after the end there are no proceedings
 * to answer: also 409.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { FINE_HEARING_FORM_ID, type HearingAnswer } from '../../../forms/fine-proceedings/hearing-answer.form';
import { validateSubmission } from '../../../forms/registry/validate-submission';
import { fineProceedingsWorkflowId, hearingAnswerUpdate } from '../../../workflows/fine-proceedings/shared';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { hearingNotOpen, mapUpdateError } from '../temporal-errors';
import { citizenTicketView, HEARING_STATUSES } from '../parking-ticket/citizen-ticket-view';
import { withDeadline } from '../../../temporal/deadline';
import { updateIdFor } from '../../../temporal/update-id';
import { canonicalJson } from '../../../domain/canonical-json';
import { findTicketByNumber } from '../../../store/parking-ticket/ticket-store';

const CHILD_START_ATTEMPTS = 10;
const CHILD_START_WAIT_MS = 300;

/** `idempotencyKey` (optional): the same answer sent again is the same Update, answered once (no 409 "already answered"). */
export async function answerHearing(system: System, args: { ticketNumber: string; formVersion: number | undefined; body: unknown; idempotencyKey?: string }) {
  const { data } = await validateSubmission<HearingAnswer>(system.forms, FINE_HEARING_FORM_ID, args.formVersion, args.body);
  const ticket = await findTicketByNumber(system.model, args.ticketNumber);
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  const updateId = updateIdFor(args.idempotencyKey, 'hearing-answer', args.ticketNumber, canonicalJson(data));
  const send = () => withDeadline(system.temporal, () => system.temporal.workflow.getHandle(fineProceedingsWorkflowId(ticket.workflowId))
    .executeUpdate(hearingAnswerUpdate, { args: [data], ...(updateId ? { updateId } : {}) }));
  // The ticket says "letter sent" a moment before it starts its Bußgeldverfahren: a citizen who
  // answers in that moment waits for the proceedings instead of getting 409 (found under load).
  const mayStillStart = HEARING_STATUSES.has(ticket.status);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send();
      break;
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw mapUpdateError(error);
      if (!mayStillStart || attempt >= CHILD_START_ATTEMPTS) throw hearingNotOpen();
      await new Promise((resolve) => setTimeout(resolve, CHILD_START_WAIT_MS));
    }
  }
  return (await citizenTicketView(system, args.ticketNumber, 'case'))!;
}
