/** The payment receipt e-mail, German first, English below: who pays may not read German. */
import { formatEuro } from '../../domain/money';
import { formatBerlinDateTime } from '../../domain/berlin-time';
import { formatRfReference } from '../../domain/rf-reference';
import type { MailMessage } from '../../adapters/mail/mailer';
import { bilingualMail } from '../mail/bilingual-mail';

export interface ReceiptMailInput {
  to: string; ticketNumber: string; reference: string; amountCents: number; bookedAt: string; offenceDe: string; offenceEn: string;
}


export function paymentReceiptMail(i: ReceiptMailInput): MailMessage {
  const at = new Date(i.bookedAt);
  const de = [
    'Guten Tag,',
    '',
    `wir haben Ihre Zahlung für die Verwarnung ${i.ticketNumber} erhalten. Das Verfahren ist damit abgeschlossen;`,
    'Sie erhalten keine weitere Post in dieser Sache.',
    '',
    `Aktenzeichen: ${i.ticketNumber}`,
    `Tatbestand: ${i.offenceDe}`,
    `Betrag: ${formatEuro(i.amountCents, 'de')}`,
    `Zahlungseingang: ${formatBerlinDateTime(at, 'de')}`,
    `Referenz: ${formatRfReference(i.reference)}`,
    '',
    'Mit freundlichen Grüßen',
    'Stadt Hagen – Ordnungsamt',
  ];
  const en = [
    'Hello,',
    '',
    `we have received your payment for parking ticket ${i.ticketNumber}. The case is closed; you will receive no further letters about it.`,
    '',
    `Ticket number: ${i.ticketNumber}`,
    `Offence: ${i.offenceEn}`,
    `Amount: ${formatEuro(i.amountCents, 'en')}`,
    `Payment received: ${formatBerlinDateTime(at, 'en')}`,
    '',
    'Kind regards',
    'City of Hagen – Public Order Office',
  ];
  return bilingualMail(i.to, `Zahlungsbestätigung / Payment receipt ${i.ticketNumber}`, de, en);
}
