/**
 * Activities of the Bußgeldverfahren (workflows/fine-proceedings). Idempotent: the case
 * document is keyed by the ticket number, documents and outbox items by ticket and notice
 * kind, mails by key, audit events by key.
 */
import { buildEpcPayload } from '../../domain/epc-qr';
import { createRfReference } from '../../domain/rf-reference';
import { renderFineNoticePdf } from '../../documents/fine-proceedings/fine-notice';
import type { LetterRecipient } from '../../documents/parking-ticket/warning-letter';
import { appendAuditEvent } from '../../store/audit';
import { storeDocument } from '../../store/documents';
import { sendMailOnce } from '../../adapters/mail/mailer';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';
import { portalBaseUrl, type ParkingTicketActivityDeps } from '../parking-ticket';
import { PARKING_TICKET_PROCEDURE } from '../../workflows/parking-ticket/shared';
import type { HearingAnswer, IssuedNotice, NoticeKind } from '../../workflows/fine-proceedings/shared';
import type { NoticeAmounts } from '../../domain/fine-proceedings/fees';
import { fineCases } from '../../store/fine-proceedings/fine-case';
import { answerReceivedMail, noticeMail } from './mails';

interface Traced { workflowId: string; runId: string }
const caseType = PARKING_TICKET_PROCEDURE;

/** The notice's own reference: the ticket's base plus a letter, so it never equals the Verwarnungsgeld's. */
export function noticeReference(ticketNumber: string, kind: NoticeKind): string {
  const [, year, serial] = /^VG-(\d{4})-(\d+)$/.exec(ticketNumber) ?? [];
  if (!year || !serial) throw new Error(`not a ticket number: ${ticketNumber}`);
  return createRfReference(`${year}${serial}${kind === 'fine_notice' ? 'B' : 'K'}`);
}

const personOf = (answer: HearingAnswer): LetterRecipient => ({
  name: `${answer.person.givenName} ${answer.person.familyName}`, street: answer.person.street, postalCode: answer.person.postalCode, city: answer.person.city,
});

export function createFineProceedingsActivities(deps: ParkingTicketActivityDeps) {
  const { model } = deps;
  const cases = fineCases(model.tickets.db);
  const ticketOf = async (ticketNumber: string) => {
    const ticket = await model.tickets.findOne({ ticketNumber }).lean();
    if (!ticket) throw new Error(`parking ticket ${ticketNumber} not found in the read model`);
    return ticket;
  };

  return {
    async recordHearingAnswer(args: Traced & { ticketNumber: string; answer: HearingAnswer }): Promise<void> {
      await cases.updateOne({ _id: args.ticketNumber }, {
        $setOnInsert: { workflowId: args.workflowId, answer: args.answer, answeredAt: new Date() },
      }, { upsert: true });
      // The first answer stands: a case document created earlier without one gets it now.
      await cases.updateOne({ _id: args.ticketNumber, answer: { $exists: false } }, { $set: { answer: args.answer, answeredAt: new Date() } });
      await appendAuditEvent(model, { key: `${args.workflowId}:hearing.answered`, actor: 'citizen', action: 'hearing.answered', caseType,
        caseNumber: args.ticketNumber, workflowId: args.workflowId, runId: args.runId,
        details: { facts: args.answer.facts, email: args.answer.email !== undefined } });
      if (args.answer.email) {
        await sendMailOnce(model, deps.mailer, `hearing-answer:${args.ticketNumber}`, answerReceivedMail({ to: args.answer.email, ticketNumber: args.ticketNumber }));
      }
    },

    async recordCaseEvent(args: Traced & { ticketNumber: string; key: string; action: string; actor: string; details: Record<string, unknown> }): Promise<void> {
      await appendAuditEvent(model, { key: args.key, actor: args.actor, action: args.action, caseType, caseNumber: args.ticketNumber,
        workflowId: args.workflowId, runId: args.runId, details: args.details });
    },

    async issueNotice(args: Traced & {
      ticketNumber: string; kind: NoticeKind; amounts: NoticeAmounts; deadline: string; holder: VehicleHolder | null;
      answer: HearingAnswer | null; decidedBy: string;
    }): Promise<IssuedNotice> {
      const ticket = await ticketOf(args.ticketNumber);
      // A fine notice goes to whoever answered the hearing; a cost notice to the holder.
      const person = args.answer ? personOf(args.answer) : null;
      const recipient = args.kind === 'cost_notice' ? (args.holder ?? person) : (person ?? args.holder);
      if (!recipient) throw new Error(`no addressee for the ${args.kind} of ${args.ticketNumber}`);
      const reference = noticeReference(ticket.ticketNumber, args.kind);
      const epcPayload = buildEpcPayload({ ...deps.payee, amountCents: args.amounts.totalCents, rfReference: reference });
      const pdf = await renderFineNoticePdf({
        kind: args.kind, ticketNumber: ticket.ticketNumber, noticeDate: new Date().toISOString(), recipient,
        observedAt: ticket.observedAt.toISOString(), place: ticket.place, plate: ticket.plate,
        offence: { code: ticket.offence!.code!, titleDe: ticket.offence!.titleDe! }, amounts: args.amounts, deadline: args.deadline,
        payee: deps.payee, rfReference: reference, epcPayload, portalBaseUrl: portalBaseUrl(deps.publicBaseUrl),
      });
      const filename = `${args.kind === 'fine_notice' ? 'Bussgeldbescheid' : 'Kostenbescheid'}-${ticket.ticketNumber}.pdf`;
      const documentId = await storeDocument(model, { id: `${args.kind}-${ticket.ticketNumber}`, caseNumber: ticket.ticketNumber,
        kind: args.kind, filename, contentType: 'application/pdf', data: pdf });
      await model.outbox.updateOne({ key: `${ticket.ticketNumber}:${args.kind}` }, { $setOnInsert: {
        caseNumber: ticket.ticketNumber, kind: args.kind, recipientName: recipient.name,
        recipientAddress: `${recipient.street}, ${recipient.postalCode} ${recipient.city}`, documentId, status: 'queued',
      } }, { upsert: true });
      const { fineCents, feeCents, postageCents, totalCents } = args.amounts;
      await cases.updateOne({ _id: ticket.ticketNumber }, {
        $setOnInsert: { workflowId: args.workflowId },
        $set: { notice: { kind: args.kind, reference, fineCents, feeCents, postageCents, totalCents, deadline: new Date(args.deadline), documentId, issuedAt: new Date(), recipientName: recipient.name } },
      }, { upsert: true });
      if (args.answer?.email) {
        await sendMailOnce(model, deps.mailer, `${args.kind}:${ticket.ticketNumber}`, noticeMail({
          to: args.answer.email, kind: args.kind, ticketNumber: ticket.ticketNumber, totalCents, deadline: args.deadline, reference,
          portalBaseUrl: portalBaseUrl(deps.publicBaseUrl), pdf, filename,
        }));
      }
      return { kind: args.kind, reference, amounts: args.amounts, deadline: args.deadline, documentId };
    },
  };
}
export type FineProceedingsActivities = ReturnType<typeof createFineProceedingsActivities>;
