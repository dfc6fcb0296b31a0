/**
 * Activities of the ParkingTicket workflow. Each is idempotent: keyed writes (workflow ID,
 * ticket number, payment ID) so a retry after a crash creates nothing twice.
 */
import { portalBaseUrl } from '../../domain/parking-ticket/portal';
import { buildEpcPayload } from '../../domain/epc-qr';
import { createRfReference } from '../../domain/rf-reference';
import { paymentDeadline } from '../../domain/berlin-time';
import { renderPdfInThread } from '../../documents/threads/pool';
import { appendAuditEvent } from '../../store/audit';
import { listDocumentToRender, storeDocument } from '../../store/documents';
import { claimSerialNumber } from '../../store/serial-numbers';
import {
  bookCasePayment, cancelQueuedLetters, findPayment, findTicketByNumber, insertTicket, queueLetter, updateTicket,
} from '../../store/parking-ticket/ticket-store';
import type { ReadModel } from '../../store/models';
import type { Mailer } from '../../adapters/mail/mailer';
import { sendCaseMail } from '../mail/send-case-mail';
import type { VehicleHolder, VehicleRegistry } from '../../adapters/vehicle-registry/vehicle-registry';
import {
  PARKING_TICKET_ACTIONS, PARKING_TICKET_PROCEDURE, type ParkingTicketInput, type PaymentBooked, type TicketRegistration, type TicketStatus,
} from '../../workflows/parking-ticket/shared';
import { deriveAccessCode, deriveLetterCode, hashAccessCode } from '../../domain/parking-ticket/access-code';
import { paymentReceiptMail } from './receipt-mail';
import { NOTICE_CARD_KIND, noticeCardDocumentId as noticeCardIdOf, noticeCardFilename } from './notice-card';

export interface Payee { beneficiaryName: string; iban: string; bic?: string }
export interface ParkingTicketActivityDeps {
  model: ReadModel;
  mailer: Mailer;
  vehicleRegistry: VehicleRegistry;
  publicBaseUrl: string;
  payee: Payee;
  accessCodeSecret: Buffer;
}
interface Traced { workflowId: string; runId: string }


export function createParkingTicketActivities(deps: ParkingTicketActivityDeps) {
  const { model } = deps;
  const caseType = PARKING_TICKET_PROCEDURE;
  const ticketOf = async (ticketNumber: string) => {
    const ticket = await findTicketByNumber(model, ticketNumber);
    if (!ticket) throw new Error(`parking ticket ${ticketNumber} not found in the read model`);
    return ticket;
  };
  const payeeOf = (ticket: { reference: string; offence?: { amountCents?: number | null } | null }) => ({
    ...deps.payee,
    epcPayload: buildEpcPayload({ ...deps.payee, amountCents: ticket.offence?.amountCents ?? undefined, rfReference: ticket.reference }),
  });

  return {
    async registerParkingTicket({ workflowId, runId, input }: Traced & { input: ParkingTicketInput }): Promise<TicketRegistration> {
      const accessCode = deriveAccessCode(deps.accessCodeSecret, workflowId);
      const portalUrl = `${portalBaseUrl(deps.publicBaseUrl)}/${accessCode}`;
      // No look-up first: a retry (after a crash) claims the same number for the same workflow
      // (store/serial-numbers.ts), and every write below is keyed, so it stores nothing twice.
      const year = new Date(input.observedAt).getUTCFullYear();
      const serial = await claimSerialNumber(model, `parking-ticket-${year}`, workflowId);
      const ticket = {
        ticketNumber: `VG-${year}-${String(serial).padStart(6, '0')}`, workflowId, reference: createRfReference(`${year}${String(serial).padStart(6, '0')}`),
        accessCodeHash: hashAccessCode(deps.accessCodeSecret, accessCode), status: 'open', offence: input.offence, plate: input.plate,
        place: input.place, observedAt: new Date(input.observedAt), recordedBy: input.recordedBy, requestFingerprint: input.requestFingerprint,
        paymentDeadline: paymentDeadline(new Date(input.observedAt), 7),
        ...(input.form ? { formId: input.form.id, formVersion: input.form.version } : {}),
      };
      await insertTicket(model, ticket, hashAccessCode(deps.accessCodeSecret, deriveLetterCode(deps.accessCodeSecret, workflowId)));
      // Listed under the case now, rendered on its first download (./notice-card.ts).
      const noticeCardDocumentId = await listDocumentToRender(model, {
        id: noticeCardIdOf(ticket.ticketNumber), caseNumber: ticket.ticketNumber, kind: NOTICE_CARD_KIND,
        filename: noticeCardFilename(ticket.ticketNumber), contentType: 'application/pdf',
      }, { newCase: true });
      await appendAuditEvent(model, { key: `${workflowId}:ticket.recorded`, actor: input.recordedBy, action: PARKING_TICKET_ACTIONS.recorded,
        caseType, caseNumber: ticket.ticketNumber, workflowId, runId, details: { offence: input.offence.code, amountCents: input.offence.amountCents } }, { firstOfCase: true });
      return {
        ticketNumber: ticket.ticketNumber, reference: ticket.reference, accessCode, portalUrl,
        paymentDeadline: ticket.paymentDeadline.toISOString(), amountCents: input.offence.amountCents, noticeCardDocumentId,
      };
    },

    async recordTicketStatus(args: Traced & { ticketNumber: string; status: TicketStatus; action: string; actor: string; details: Record<string, unknown> }): Promise<void> {
      const set: Record<string, unknown> = { status: args.status };
      if (args.status === 'paid') set.paidAt = new Date();
      if (args.status === 'withdrawn') set.withdrawnReason = args.details.reason;
      if (typeof args.details.overpaidCents === 'number') set.overpaidCents = args.details.overpaidCents;
      if (typeof args.details.letterDeadline === 'string') set.letterDeadline = new Date(args.details.letterDeadline);
      await updateTicket(model, args.ticketNumber, set);
      if (args.status === 'withdrawn' || args.status === 'paid') {
        // A letter not yet posted must not go out for a settled case.
        await cancelQueuedLetters(model, args.ticketNumber);
      }
      await appendAuditEvent(model, { key: `${args.workflowId}:${args.action}`, actor: args.actor, action: args.action, caseType,
        caseNumber: args.ticketNumber, workflowId: args.workflowId, runId: args.runId, details: args.details });
    },

    /** An event of the case without a status change (a withdrawal requested), under its own key. */
    async recordTicketEvent(args: Traced & { ticketNumber: string; key: string; action: string; actor: string; details: Record<string, unknown> }): Promise<void> {
      await appendAuditEvent(model, { key: args.key, actor: args.actor, action: args.action, caseType, caseNumber: args.ticketNumber,
        workflowId: args.workflowId, runId: args.runId, details: args.details });
    },

    async recordTicketPayment(args: Traced & { ticketNumber: string; payment: PaymentBooked; amountDueCents: number }): Promise<{ paidTotalCents: number }> {
      const { payment } = args;
      const { paidTotalCents } = await bookCasePayment(model, { paymentId: payment.paymentId,
        caseType, caseNumber: args.ticketNumber, amountCents: payment.amountCents, channel: payment.channel, bookedAt: new Date(payment.bookedAt),
      });
      // Over-paid: more than the case is owed (a second payment, one after a withdrawal) — to be paid back.
      const overpaidCents = Math.max(0, paidTotalCents - args.amountDueCents);
      await updateTicket(model, args.ticketNumber, { paidCents: paidTotalCents, overpaidCents });
      await appendAuditEvent(model, { key: `${args.workflowId}:payment:${payment.paymentId}`, actor: `payment:${payment.channel}`,
        action: paidTotalCents >= args.amountDueCents ? PARKING_TICKET_ACTIONS.paymentBooked : PARKING_TICKET_ACTIONS.paymentPartial, caseType, caseNumber: args.ticketNumber,
        workflowId: args.workflowId, runId: args.runId, details: { paymentId: payment.paymentId, amountCents: payment.amountCents, paidTotalCents, ...(overpaidCents > 0 ? { overpaidCents } : {}) } });
      return { paidTotalCents };
    },

    async lookUpVehicleHolder({ ticketNumber }: { ticketNumber: string }): Promise<VehicleHolder | null> {
      const ticket = await ticketOf(ticketNumber);
      return deps.vehicleRegistry.findHolder(ticket.plate);
    },

    async createWarningLetter(args: Traced & { ticketNumber: string; holder: VehicleHolder; letterDeadline: string }): Promise<{ documentId: string }> {
      const ticket = await ticketOf(args.ticketNumber);
      // The letter carries the letter code (it opens the hearing), never the card's ticket code.
      const accessCode = deriveLetterCode(deps.accessCodeSecret, args.workflowId);
      const payee = payeeOf(ticket);
      const pdf = await renderPdfInThread('warningLetter', {
        ticketNumber: ticket.ticketNumber, accessCode, portalUrl: `${portalBaseUrl(deps.publicBaseUrl)}/${accessCode}`,
        portalBaseUrl: portalBaseUrl(deps.publicBaseUrl), recipient: args.holder, plate: ticket.plate, place: ticket.place,
        observedAt: ticket.observedAt.toISOString(), offence: { code: ticket.offence!.code!, titleDe: ticket.offence!.titleDe!, titleEn: ticket.offence!.titleEn! },
        amountCents: ticket.offence!.amountCents!, letterPaymentDeadline: args.letterDeadline, payee: deps.payee,
        rfReference: ticket.reference, epcPayload: payee.epcPayload, letterDate: new Date().toISOString(),
      });
      const documentId = await storeDocument(model, { id: `warning-letter-${ticket.ticketNumber}`, caseNumber: ticket.ticketNumber,
        kind: 'warning_letter', filename: `Anhoerung-${ticket.ticketNumber}.pdf`, contentType: 'application/pdf', data: pdf });
      await queueLetter(model, {
        caseNumber: ticket.ticketNumber, kind: 'warning_letter', recipientName: args.holder.name,
        recipientAddress: `${args.holder.street}, ${args.holder.postalCode} ${args.holder.city}`, documentId,
      });
      return { documentId };
    },

    async sendPaymentReceipt(args: { ticketNumber: string; paymentId: string; email: string }): Promise<void> {
      const ticket = await ticketOf(args.ticketNumber);
      const payment = await findPayment(model, args.paymentId);
      // A refused address is recorded, not retried: the payment is booked either way.
      await sendCaseMail(model, deps.mailer, { key: `receipt:${args.paymentId}`, caseType, caseNumber: ticket.ticketNumber,
        undeliverableAction: PARKING_TICKET_ACTIONS.mailUndeliverable, message: paymentReceiptMail({
          to: args.email, ticketNumber: ticket.ticketNumber, reference: ticket.reference,
          amountCents: payment?.amountCents ?? ticket.paidCents, bookedAt: (payment?.bookedAt ?? new Date()).toISOString(),
          offenceDe: ticket.offence?.titleDe ?? '', offenceEn: ticket.offence?.titleEn ?? '',
        }) });
    },
  };
}
export type ParkingTicketActivities = ReturnType<typeof createParkingTicketActivities>;
