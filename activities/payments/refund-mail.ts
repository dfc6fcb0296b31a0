/** The e-mail to whoever paid a case that was already closed: German first, English below. */
import { formatEuro } from '../../domain/money';
import { formatBerlinDateTime } from '../../domain/berlin-time';
import type { MailMessage } from '../../adapters/mail/mailer';
import { bilingualMail } from '../mail/bilingual-mail';

export interface RefundMailInput { to: string; caseNumber: string; amountCents: number; bookedAt: string }

export function lateRefundMail(i: RefundMailInput): MailMessage {
  const at = new Date(i.bookedAt);
  const de = [
    'Guten Tag,',
    '',
    `Ihre Zahlung für das Verfahren ${i.caseNumber} ist eingegangen, nachdem das Verfahren bereits abgeschlossen war `
      + '(zum Beispiel schon per Überweisung bezahlt oder eingestellt). Wir erstatten Ihnen den Betrag in voller Höhe '
      + 'auf demselben Weg, auf dem Sie bezahlt haben. Sie müssen nichts weiter tun.',
    '',
    `Aktenzeichen: ${i.caseNumber}`,
    `Betrag: ${formatEuro(i.amountCents, 'de')}`,
    `Zahlungseingang: ${formatBerlinDateTime(at, 'de')}`,
    '',
    'Mit freundlichen Grüßen',
    'Stadt Hagen – Ordnungsamt',
  ];
  const en = [
    'Hello,',
    '',
    `your payment for case ${i.caseNumber} arrived after the case had already been closed (for example paid by bank `
      + 'transfer or withdrawn). We are refunding the full amount the same way you paid. You need not do anything.',
    '',
    `Case number: ${i.caseNumber}`,
    `Amount: ${formatEuro(i.amountCents, 'en')}`,
    `Payment received: ${formatBerlinDateTime(at, 'en')}`,
    '',
    'Kind regards',
    'City of Hagen – Public Order Office',
  ];
  return bilingualMail(i.to, `Erstattung / Refund ${i.caseNumber}`, de, en);
}
