/**
 * Staff (warden, caseworker) or the citizen asks for a ticket to be withdrawn (wrong plate,
 * valid permit shown): an Update that opens a 'parking-ticket.withdrawal' task for the traffic
 * department, whose decision withdraws the ticket or keeps it.
 */
import { withdrawalRequestUpdate, type WithdrawalRequest } from '../../../workflows/parking-ticket/shared';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { mapUpdateError } from '../temporal-errors';
import { withDeadline } from '../../../temporal/deadline';
import { updateIdFor } from '../../../temporal/update-id';
import { findTicketByNumber } from '../../../store/parking-ticket/ticket-store';

/** `idempotencyKey` (optional): the same request again gets the first answer (the same task), never a second task or a 409. */
export async function requestWithdrawal(system: System, args: { ticketNumber: string; idempotencyKey?: string } & WithdrawalRequest): Promise<{ taskId: string }> {
  const ticket = await findTicketByNumber(system.model, args.ticketNumber);
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  try {
    const updateId = updateIdFor(args.idempotencyKey, 'withdrawal-request', args.by, args.source, args.reason.trim());
    return await withDeadline(system.temporal, () => system.temporal.workflow.getHandle(ticket.workflowId).executeUpdate(withdrawalRequestUpdate, {
      args: [{ reason: args.reason.trim(), by: args.by, source: args.source }],
      ...(updateId ? { updateId } : {}),
    }));
  } catch (error) {
    throw mapUpdateError(error);
  }
}
