/**
 * What the citizen sees after opening the ticket: offence, amount, deadline and the GiroCode;
 * during the hearing the accusation, the Belehrung's facts and whether an answer is possible;
 * after a decision the outcome and the notice with its own amount, reference and deadline.
 */
import { buildEpcPayload } from '../../../domain/epc-qr';
import { formatIban } from '../../../domain/iban';
import { formatRfReference } from '../../../domain/rf-reference';
import { findOffence } from '../../../domain/parking-ticket/offence-catalogue';
import { qrSvg } from '../../../documents/qr';
import { fineCases } from '../../../store/fine-proceedings/fine-case';
import type { System } from '../../../system/system';
import { findTicketByNumber } from '../../../store/parking-ticket/ticket-store';
import type { CodeScope } from '../../../domain/parking-ticket/access-code';

/** While the ticket is in one of these, its Bußgeldverfahren holds the hearing. */
export const HEARING_STATUSES = new Set(['letter_sent', 'holder_unknown']);
export const EVIDENCE_NOTE = {
  de: 'Feststellung durch die Verkehrsüberwachung der Stadt Hagen',
  en: 'Observed by the City of Hagen traffic enforcement',
};

/** What a payment must cover now and which reference matches it: the notice's once one is issued. */
export async function amountDue(system: System, t: { ticketNumber: string; reference: string; offence?: { amountCents?: number | null } | null; paidCents?: number | null }) {
  const fineCase = await fineCases(system.conn).findById(t.ticketNumber).lean();
  const notice = fineCase?.notice?.reference ? fineCase.notice : undefined;
  const dueCents = notice ? notice.totalCents! : t.offence!.amountCents!;
  return { fineCase, notice, dueCents, reference: notice ? notice.reference! : t.reference, outstandingCents: Math.max(dueCents - (t.paidCents ?? 0), 0) };
}

/** `access`: what the portal session may do ('pay' with the card's code, 'case' with the letter's); the view says so, the routes enforce it. */
export async function citizenTicketView(system: System, ticketNumber: string, access: CodeScope) {
  const t = await findTicketByNumber(system.model, ticketNumber);
  if (!t) return null;
  const { payee } = system.config;
  const { fineCase, notice, dueCents, reference, outstandingCents } = await amountDue(system, t);
  const epcPayload = buildEpcPayload({ beneficiaryName: payee.beneficiaryName, iban: payee.iban, bic: payee.bic, amountCents: outstandingCents || dueCents, rfReference: reference });
  const known = findOffence(t.offence!.code!);
  const answered = Boolean(fineCase?.answeredAt);
  const hearingOpen = HEARING_STATUSES.has(t.status) && !answered && t.letterDeadline !== undefined && t.letterDeadline !== null && t.letterDeadline.getTime() > Date.now();
  return {
    ticketNumber: t.ticketNumber,
    access,
    status: t.status,
    offence: { code: t.offence!.code!, title: { de: t.offence!.titleDe!, en: t.offence!.titleEn! } },
    amountCents: t.offence!.amountCents!,
    amountDueCents: dueCents,
    outstandingCents,
    place: t.place,
    observedAt: t.observedAt.toISOString(),
    paymentDeadline: (notice?.deadline ?? t.letterDeadline ?? t.paymentDeadline).toISOString(),
    plate: t.plate,
    ...(t.paidAt ? { paidAt: t.paidAt.toISOString() } : {}),
    accusation: {
      ...(known?.textDe ? { text: known.textDe } : {}),
      ...(known?.legalBasis ? { legalBasis: known.legalBasis } : {}),
      evidence: EVIDENCE_NOTE,
    },
    hearing: {
      open: hearingOpen,
      answered,
      ...(t.letterDeadline ? { deadline: t.letterDeadline.toISOString() } : {}),
      ...(fineCase?.answeredAt ? { answeredAt: fineCase.answeredAt.toISOString() } : {}),
    },
    ...(notice ? {
      notice: {
        kind: notice.kind as 'fine_notice' | 'cost_notice',
        fineCents: notice.fineCents!, feeCents: notice.feeCents!, postageCents: notice.postageCents!, totalCents: notice.totalCents!,
        deadline: notice.deadline!.toISOString(), issuedAt: notice.issuedAt!.toISOString(),
        documentUrl: '/api/fine-proceedings/current/notice.pdf',
      },
    } : {}),
    payment: {
      beneficiaryName: payee.beneficiaryName,
      iban: formatIban(payee.iban),
      ...(payee.bic ? { bic: payee.bic } : {}),
      reference: formatRfReference(reference),
      epcPayload,
      epcQrSvg: await qrSvg(epcPayload),
    },
  };
}
export type CitizenTicketView = NonNullable<Awaited<ReturnType<typeof citizenTicketView>>>;
