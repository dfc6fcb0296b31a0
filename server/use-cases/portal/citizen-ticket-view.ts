/** What the citizen sees after opening the ticket: offence, amount, deadline and the GiroCode. */
import { buildEpcPayload } from '../../../domain/epc-qr';
import { formatIban } from '../../../domain/iban';
import { formatRfReference } from '../../../domain/rf-reference';
import { qrSvg } from '../../../activities/documents/qr';
import type { System } from '../../system';

export async function citizenTicketView(system: System, ticketNumber: string) {
  const t = await system.model.tickets.findOne({ ticketNumber }).lean();
  if (!t) return null;
  const { payee } = system.config;
  const outstanding = Math.max(t.offence!.amountCents! - (t.paidCents ?? 0), 0);
  const epcPayload = buildEpcPayload({ beneficiaryName: payee.beneficiaryName, iban: payee.iban, bic: payee.bic, amountCents: outstanding || t.offence!.amountCents!, rfReference: t.reference });
  return {
    ticketNumber: t.ticketNumber,
    status: t.status,
    offence: { code: t.offence!.code!, title: { de: t.offence!.titleDe!, en: t.offence!.titleEn! } },
    amountCents: t.offence!.amountCents!,
    outstandingCents: outstanding,
    place: t.place,
    observedAt: t.observedAt.toISOString(),
    paymentDeadline: (t.letterDeadline ?? t.paymentDeadline).toISOString(),
    plate: t.plate,
    ...(t.paidAt ? { paidAt: t.paidAt.toISOString() } : {}),
    payment: {
      beneficiaryName: payee.beneficiaryName,
      iban: formatIban(payee.iban),
      ...(payee.bic ? { bic: payee.bic } : {}),
      reference: formatRfReference(t.reference),
      epcPayload,
      epcQrSvg: await qrSvg(epcPayload),
    },
  };
}
export type CitizenTicketView = NonNullable<Awaited<ReturnType<typeof citizenTicketView>>>;
