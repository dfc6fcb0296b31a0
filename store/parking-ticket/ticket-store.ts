/**
 * Reads of the parking-ticket read model (the `parking_tickets` documents and the postal
 * outbox) for the web process; the ticket's activities write them.
 */
import type { ReadModel } from '../models';

export type TicketRecord = NonNullable<Awaited<ReturnType<typeof findTicketByNumber>>>;

export async function findTicketByNumber(model: ReadModel, ticketNumber: string) {
  return model.tickets.findOne({ ticketNumber }).lean();
}

/** Only what opening the portal needs: which ticket, and the plate to compare. */
export async function findTicketByAccessCodeHash(model: ReadModel, accessCodeHash: string): Promise<{ ticketNumber: string; plate: string } | null> {
  return model.tickets.findOne({ accessCodeHash }, { ticketNumber: 1, plate: 1 }).lean<{ ticketNumber: string; plate: string }>();
}

/** The newest tickets first, optionally of one status. */
export async function recentTickets(model: ReadModel, filter: { status?: string; limit: number }) {
  const query = filter.status ? { status: filter.status } : {};
  return model.tickets.find(query).sort({ createdAt: -1 }).limit(filter.limit).lean();
}

/** The newest letters of the postal outbox first. */
export async function recentOutboxItems(model: ReadModel, limit: number) {
  return model.outbox.find({}).sort({ createdAt: -1 }).limit(limit).lean();
}

/** One outbox item; null also for an id that cannot be one. */
export async function findOutboxItem(model: ReadModel, id: string) {
  return model.outbox.findById(id).lean().catch(() => null);
}

export async function ticketExists(model: ReadModel, ticketNumber: string): Promise<boolean> {
  return (await model.tickets.findOne({ ticketNumber }, { ticketNumber: 1 }).lean()) !== null;
}
