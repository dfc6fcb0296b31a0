/** Staff views of the read model: tickets, one ticket with its audit trail, the postal outbox. */
import { AppError, notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { findDocument } from '../../../store/documents';
import { auditTrailOf } from '../../../store/audit';
import { findOutboxItem, findTicketByNumber, outboxPage, ticketPage } from '../../../store/parking-ticket/ticket-store';
import { cursorParam } from '../../../store/staff-lists';
import { pageSize } from '../dog-tax/list-cases';

const view = (t: Record<string, any>) => ({
  ticketNumber: t.ticketNumber,
  offence: { code: t.offence.code, title: { de: t.offence.titleDe, en: t.offence.titleEn } },
  amountCents: t.offence.amountCents,
  plate: t.plate,
  place: t.place,
  observedAt: t.observedAt.toISOString(),
  paymentDeadline: t.paymentDeadline.toISOString(),
  status: t.status,
  paidCents: t.paidCents ?? 0,
  ...(t.letterDeadline ? { letterDeadline: t.letterDeadline.toISOString() } : {}),
});

export interface PageParams { cursor?: string; limit?: string }

/** Tickets newest first, a page at a time (the staff's ticket list, store/staff-lists.ts). */
export async function listTickets(system: System, filter: PageParams & { status?: string }) {
  const page = await ticketPage(system.model, { status: filter.status, cursor: cursorParam(filter.cursor), limit: pageSize(filter.limit) });
  return { items: page.items.map(view), nextCursor: page.nextCursor, total: page.total };
}

export async function getTicket(system: System, ticketNumber: string) {
  const ticket = await findTicketByNumber(system.model, ticketNumber);
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  const audit = await auditTrailOf(system.model, ticketNumber);
  return {
    ...view(ticket),
    reference: ticket.reference,
    auditTrail: audit.map((a) => ({ at: a.at.toISOString(), actor: a.actor, action: a.action, details: a.details ?? {} })),
  };
}

export async function getDocument(system: System, id: string) {
  const doc = await findDocument(system.model, id);
  if (!doc) throw notFound({ de: 'Das Dokument', en: 'The document' });
  return { contentType: doc.contentType, filename: doc.filename, data: doc.data };
}

/** Letters newest first, of the procedures the caller works (their departments'), a page at a time. */
export async function listOutbox(system: System, procedures: string[], params: PageParams) {
  const page = await outboxPage(system.model, procedures, { cursor: cursorParam(params.cursor), limit: pageSize(params.limit) });
  return {
    nextCursor: page.nextCursor,
    total: page.total,
    items: page.items.map((o) => ({
      id: String(o._id), ticketNumber: o.caseNumber, kind: o.kind, recipientName: o.recipientName,
      recipientAddress: o.recipientAddress, createdAt: (o.createdAt as Date).toISOString(), status: o.status,
      documentUrl: `/api/outbox/${String(o._id)}/document.pdf`,
    })),
  };
}

/** The letter of an outbox item. */
export async function getOutboxLetter(system: System, id: string) {
  const item = await findOutboxItem(system.model, id);
  if (!item) throw new AppError('not_found', { de: 'Der Brief wurde nicht gefunden.', en: 'The letter was not found.' });
  return getDocument(system, item.documentId);
}
