/**
 * The notice card (the PDF the warden prints and leaves on the windscreen) is rendered when it
 * is first opened, not when the ticket is recorded: recording lists it under the case
 * (store/documents.ts, listDocumentToRender), the first download renders it from the stored
 * ticket and keeps it as the case's document. Rendering at recording cost ~20 ms of CPU per
 * ticket (pdfkit reads and parses its font metrics for every document), more than the rest of
 * the registration (issue 11). The bytes are the same whenever it is rendered (the creation
 * date is the time of the offence), so two first downloads at once store one document.
 */
import { renderPdfInThread } from '../../documents/threads/pool';
import { portalBaseUrl } from '../../domain/parking-ticket/portal';
import { deriveAccessCode } from '../../domain/parking-ticket/access-code';
import { renderOnFirstRead } from '../../store/documents';
import { findTicketByNumber } from '../../store/parking-ticket/ticket-store';
import type { ReadModel } from '../../store/models';

export interface NoticeCardDeps {
  model: ReadModel;
  publicBaseUrl: string;
  payee: { beneficiaryName: string; iban: string; bic?: string };
  accessCodeSecret: Buffer;
}

export const NOTICE_CARD_KIND = 'notice_card';
export const noticeCardDocumentId = (ticketNumber: string) => `notice-card-${ticketNumber}`;
export const noticeCardFilename = (ticketNumber: string) => `Verwarnung-${ticketNumber}.pdf`;

/** Renders the notice card of a recorded ticket from the read model. */
export async function renderNoticeCardOf(deps: NoticeCardDeps, ticketNumber: string): Promise<Buffer> {
  const ticket = await findTicketByNumber(deps.model, ticketNumber);
  if (!ticket) throw new Error(`parking ticket ${ticketNumber} not found in the read model`);
  const accessCode = deriveAccessCode(deps.accessCodeSecret, ticket.workflowId);
  const base = portalBaseUrl(deps.publicBaseUrl);
  const offence = ticket.offence!;
  return renderPdfInThread('noticeCard', {
    ticketNumber: ticket.ticketNumber, accessCode, portalUrl: `${base}/${accessCode}`, portalBaseUrl: base,
    plate: ticket.plate, place: ticket.place, observedAt: ticket.observedAt.toISOString(),
    offence: { code: offence.code!, titleDe: offence.titleDe!, titleEn: offence.titleEn! },
    amountCents: offence.amountCents!, paymentDeadline: ticket.paymentDeadline.toISOString(),
    payee: deps.payee, rfReference: ticket.reference,
  });
}

/** Lets every reader of documents (warden, staff case view) get notice cards rendered on first read. */
export function renderNoticeCardsOnFirstRead(deps: NoticeCardDeps): void {
  renderOnFirstRead(deps.model, NOTICE_CARD_KIND, ({ caseNumber }) => renderNoticeCardOf(deps, caseNumber));
}
