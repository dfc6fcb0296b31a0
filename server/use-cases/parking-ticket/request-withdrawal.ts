/**
 * Staff (warden, caseworker) or the citizen asks for a ticket to be withdrawn (wrong plate,
 * valid permit shown): an Update that opens a 'parking-ticket.withdrawal' task for the traffic
 * department, whose decision withdraws the ticket or keeps it.
 */
import { withdrawalRequestUpdate, type WithdrawalRequest } from '../../../workflows/parking-ticket/shared';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { mapUpdateError } from '../temporal-errors';

export async function requestWithdrawal(system: System, args: { ticketNumber: string } & WithdrawalRequest): Promise<{ taskId: string }> {
  const ticket = await system.model.tickets.findOne({ ticketNumber: args.ticketNumber }, { workflowId: 1 }).lean();
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  try {
    return await system.temporal.workflow.getHandle(ticket.workflowId).executeUpdate(withdrawalRequestUpdate, {
      args: [{ reason: args.reason.trim(), by: args.by, source: args.source }],
    });
  } catch (error) {
    throw mapUpdateError(error);
  }
}
