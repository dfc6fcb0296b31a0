/**
 * The first answer to a recorded ticket, rebuilt from the read model once its workflow has
 * ended: the ticket code is derived from the workflow ID (HMAC), everything else was stored.
 * The same key with other data is refused as it is while the workflow runs (409).
 */
import { deriveAccessCode } from '../../../domain/parking-ticket/access-code';
import { portalBaseUrl } from '../../../domain/parking-ticket/portal';
import { AppError } from '../../http/app-error';
import type { System } from '../../../system/system';
import type { RecordedTicket } from './record-ticket';
import { findTicketOfWorkflow } from '../../../store/parking-ticket/ticket-store';

export async function recordedTicketOf(system: System, workflowId: string, requestFingerprint: string): Promise<RecordedTicket> {
  const ticket = await findTicketOfWorkflow(system.model, workflowId);
  if (!ticket) {
    // A run that ended before it registered anything: nothing to answer with, and no second run.
    throw new AppError('ticket_closed', { de: 'Zu diesem Idempotency-Key gibt es eine abgeschlossene Verwarnung.', en: 'This Idempotency-Key belongs to a closed ticket.' });
  }
  if (ticket.requestFingerprint !== requestFingerprint) {
    throw new AppError('idempotency_key_reused', {
      de: 'Dieser Idempotency-Key wurde bereits für eine andere Verwarnung verwendet.',
      en: 'This Idempotency-Key was already used for a different ticket.',
    });
  }
  const accessCode = deriveAccessCode(system.secrets.accessCode, workflowId);
  return {
    ticketNumber: ticket.ticketNumber,
    reference: ticket.reference,
    accessCode,
    portalUrl: `${portalBaseUrl(system.config.publicBaseUrl)}/${accessCode}`,
    paymentDeadline: ticket.paymentDeadline.toISOString(),
    amountCents: ticket.offence?.amountCents ?? 0,
    noticeCardDocumentId: ticket.noticeCardDocumentId ?? `notice-card-${ticket.ticketNumber}`,
    noticeCardUrl: `/api/parking-tickets/${ticket.ticketNumber}/notice-card.pdf`,
    status: 'open',
  };
}
