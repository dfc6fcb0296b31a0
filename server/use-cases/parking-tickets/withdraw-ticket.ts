/** A caseworker withdraws a ticket (wrong plate, valid permit shown): an Update, so the caller learns at once whether it worked. */
import { withdrawUpdate, type TicketStatus } from '../../../workflows/parking-ticket/shared';
import { notFound } from '../../http/app-error';
import type { System } from '../../system';
import { mapUpdateError } from './temporal-errors';

export async function withdrawTicket(system: System, args: { ticketNumber: string; reason: string; by: string }): Promise<{ status: TicketStatus }> {
  const ticket = await system.model.tickets.findOne({ ticketNumber: args.ticketNumber }, { workflowId: 1 }).lean();
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  try {
    return await system.temporal.workflow.getHandle(ticket.workflowId).executeUpdate(withdrawUpdate, { args: [{ reason: args.reason.trim(), by: args.by }] });
  } catch (error) {
    throw mapUpdateError(error);
  }
}
