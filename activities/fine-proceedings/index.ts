/**
 * Activities of the Bußgeldverfahren (workflows/fine-proceedings). Idempotent: the case
 * document is keyed by the ticket number, documents and outbox items by ticket and notice
 * kind, mails by key, audit events by key.
 */
import { buildEpcPayload } from '../../domain/epc-qr';
import { createRfReference } from '../../domain/rf-reference';
import { renderPdfInThread } from '../../documents/threads/pool';
import type { LetterRecipient } from '../../documents/parking-ticket/warning-letter';
import { appendAuditEvent } from '../../store/audit';
import { storeDocument } from '../../store/documents';
import { findTicketByNumber, queueLetter, updateTicket } from '../../store/parking-ticket/ticket-store';
import { ApplicationFailure } from '@temporalio/common';
import { sendCaseMail } from '../mail/send-case-mail';
import type { VehicleHolder } from '../../adapters/vehicle-registry/vehicle-registry';
import type { ParkingTicketActivityDeps } from '../parking-ticket';
import { portalBaseUrl } from '../../domain/parking-ticket/portal';
import { PARKING_TICKET_PROCEDURE, type TicketStatus } from '../../workflows/parking-ticket/shared';
import { FINE_PROCEEDINGS_ACTIONS, NO_ADDRESSEE, type HearingAnswer, type IssuedNotice, type NoticeKind } from '../../workflows/fine-proceedings/shared';
import { costNoticeAmounts, fineNoticeAmounts, fineTariff, type FineTariff, type NoticeAmounts } from '../../domain/fine-proceedings/fees';
import { paymentDeadline } from '../../domain/berlin-time';
import { fineCases, sealedAnswer } from '../../store/fine-proceedings/fine-case';
import { answerReceivedMail, answererLink, noticeMail } from './mails';
import { deriveAnswererToken } from '../../domain/parking-ticket/access-code';
import { racingUpsert } from '../../store/racing-upsert';

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

export interface FineProceedingsActivityDeps extends ParkingTicketActivityDeps {
  /** The fee table; tariff.json unless given (a test gives another to prove the workflow never recomputes it). */
  fineTariff?: FineTariff;
}

/** What a notice costs and until when it is payable: the activities compute it, the workflow keeps the result. */
export interface NoticeQuote { fineNotice: NoticeAmounts; costNotice: NoticeAmounts; paymentDays: number }

export function createFineProceedingsActivities(deps: FineProceedingsActivityDeps) {
  const { model } = deps;
  const tariff = deps.fineTariff ?? fineTariff;
  const cases = fineCases(model.tickets.db);
  const ticketOf = async (ticketNumber: string) => {
    const ticket = await findTicketByNumber(model, ticketNumber);
    if (!ticket) throw new Error(`parking ticket ${ticketNumber} not found in the read model`);
    return ticket;
  };
  // Opens the case for whoever answered (only mailed to the address given in the answer).
  const caseLinkOf = (ticket: { ticketNumber: string; workflowId: string }) =>
    answererLink(deps.publicBaseUrl, ticket.ticketNumber, deriveAnswererToken(deps.accessCodeSecret, ticket.workflowId));
  const sendHearingAnswerReceipt = async (ticketNumber: string, email: string) => sendCaseMail(model, deps.mailer, {
    key: `hearing-answer:${ticketNumber}`, message: answerReceivedMail({ to: email, ticketNumber, caseLink: caseLinkOf(await ticketOf(ticketNumber)) }),
    caseType, caseNumber: ticketNumber, undeliverableAction: FINE_PROCEEDINGS_ACTIONS.mailUndeliverable,
  });

  return {
    /** The confirmation mail is its own activity (sendHearingAnswerReceipt), sent after the Update answered. */
    async recordHearingAnswer(args: Traced & { ticketNumber: string; answer: HearingAnswer }): Promise<void> {
      // Sealed at rest (the person's name, address and reasons); bound to this ticket.
      const answer = sealedAnswer(cases.db, args.ticketNumber, args.answer);
      await racingUpsert(cases, { _id: args.ticketNumber }, {
        $setOnInsert: { workflowId: args.workflowId, answer, answeredAt: new Date() },
      });
      // The first answer stands: a case document created earlier without one gets it now.
      await cases.updateOne({ _id: args.ticketNumber, answer: { $exists: false } }, { $set: { answer, answeredAt: new Date() } });
      await appendAuditEvent(model, { key: `${args.workflowId}:hearing.answered`, actor: 'citizen', action: FINE_PROCEEDINGS_ACTIONS.hearingAnswered, caseType,
        caseNumber: args.ticketNumber, workflowId: args.workflowId, runId: args.runId,
        details: { facts: args.answer.facts, email: args.answer.email !== undefined } });
    },

    /** The confirmation of the hearing answer: after the answer is recorded, outside the Update the citizen waits for. */
    async sendHearingAnswerReceipt(args: { ticketNumber: string; email: string }): Promise<void> {
      await sendHearingAnswerReceipt(args.ticketNumber, args.email);
    },

    /** The case's status while the proceedings run (the ticket's read model: one status per case) and its audit event. */
    async recordProceedingsStatus(args: Traced & { ticketNumber: string; status: TicketStatus; action: string; actor: string; details: Record<string, unknown> }): Promise<void> {
      await updateTicket(model, args.ticketNumber, { status: args.status });
      await appendAuditEvent(model, { key: `${args.workflowId}:${args.action}`, actor: args.actor, action: args.action, caseType,
        caseNumber: args.ticketNumber, workflowId: args.workflowId, runId: args.runId, details: args.details });
    },

    /** The amounts the decision task shows beside the form: a fine notice at the given fine, and a cost notice. */
    async quoteNotices({ fineCents }: { fineCents: number }): Promise<NoticeQuote> {
      return { fineNotice: fineNoticeAmounts(fineCents, tariff), costNotice: costNoticeAmounts(tariff), paymentDays: tariff.paymentDays };
    },

    /**
     * Issues the notice: amounts from the fee table, the deadline from the decision's (workflow)
     * time; the workflow keeps what this returns and never recomputes it, so a new fee table
     * changes new notices without changing how recorded runs replay.
     */
    async issueNotice(input: Traced & {
      ticketNumber: string; kind: NoticeKind; fineCents: number; decidedAt: string; holder: VehicleHolder | null;
      answer: HearingAnswer | null; decidedBy: string;
    }): Promise<IssuedNotice> {
      const amounts = input.kind === 'fine_notice' ? fineNoticeAmounts(input.fineCents, tariff) : costNoticeAmounts(tariff);
      const deadline = paymentDeadline(new Date(input.decidedAt), tariff.paymentDays).toISOString();
      const args = { ...input, amounts, deadline };
      const ticket = await ticketOf(args.ticketNumber);
      // A fine notice goes to whoever answered the hearing; a cost notice to the holder.
      const person = args.answer ? personOf(args.answer) : null;
      const recipient = args.kind === 'cost_notice' ? (args.holder ?? person) : (person ?? args.holder);
      // Permanent: retrying cannot find an addressee. The workflow ends the proceedings and records why.
      if (!recipient) throw ApplicationFailure.nonRetryable(`no addressee for the ${args.kind} of ${args.ticketNumber}`, NO_ADDRESSEE);
      const reference = noticeReference(ticket.ticketNumber, args.kind);
      const epcPayload = buildEpcPayload({ ...deps.payee, amountCents: args.amounts.totalCents, rfReference: reference });
      const pdf = await renderPdfInThread('fineNotice', {
        kind: args.kind, ticketNumber: ticket.ticketNumber, noticeDate: new Date().toISOString(), recipient,
        observedAt: ticket.observedAt.toISOString(), place: ticket.place, plate: ticket.plate,
        offence: { code: ticket.offence!.code!, titleDe: ticket.offence!.titleDe! }, amounts: args.amounts, deadline: args.deadline,
        payee: deps.payee, rfReference: reference, epcPayload, portalBaseUrl: portalBaseUrl(deps.publicBaseUrl),
      });
      const filename = `${args.kind === 'fine_notice' ? 'Bussgeldbescheid' : 'Kostenbescheid'}-${ticket.ticketNumber}.pdf`;
      const documentId = await storeDocument(model, { id: `${args.kind}-${ticket.ticketNumber}`, caseNumber: ticket.ticketNumber,
        kind: args.kind, filename, contentType: 'application/pdf', data: pdf });
      await queueLetter(model, {
        caseNumber: ticket.ticketNumber, kind: args.kind, recipientName: recipient.name,
        recipientAddress: `${recipient.street}, ${recipient.postalCode} ${recipient.city}`, documentId,
      });
      const { fineCents, feeCents, postageCents, totalCents } = args.amounts;
      await racingUpsert(cases, { _id: ticket.ticketNumber }, {
        $setOnInsert: { workflowId: args.workflowId },
        $set: { notice: { kind: args.kind, reference, fineCents, feeCents, postageCents, totalCents, deadline: new Date(args.deadline), documentId, issuedAt: new Date(), recipientName: recipient.name } },
      });
      if (args.answer?.email) {
        // The letter goes by post either way: a refused address is recorded, not retried.
        await sendCaseMail(model, deps.mailer, { key: `${args.kind}:${ticket.ticketNumber}`, message: noticeMail({
          to: args.answer.email, kind: args.kind, ticketNumber: ticket.ticketNumber, totalCents, deadline: args.deadline, reference,
          portalBaseUrl: portalBaseUrl(deps.publicBaseUrl), pdf, filename, caseLink: caseLinkOf(ticket),
        }), caseType, caseNumber: ticket.ticketNumber, undeliverableAction: FINE_PROCEEDINGS_ACTIONS.mailUndeliverable });
      }
      return { kind: args.kind, reference, amounts: args.amounts, deadline: args.deadline, documentId };
    },
  };
}
export type FineProceedingsActivities = ReturnType<typeof createFineProceedingsActivities>;
