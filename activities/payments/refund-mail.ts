/** The e-mail to whoever paid a case that was already closed: German first, English below. */
import { formatEuro } from '../../domain/money';
import { formatBerlinDateTime } from '../../domain/berlin-time';
import type { MailMessage } from '../../adapters/mail/mailer';

export interface RefundMailInput { to: string; caseNumber: string; amountCents: number; bookedAt: string }

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

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
  const text = [...de, '', '— English —', '', ...en, '', 'Diese E-Mail wurde automatisch erstellt. / This e-mail was generated automatically.'].join('\n');
  // A blank line ends a paragraph; the lines of one paragraph (the facts, the greeting) stay together.
  const paragraphs = (lines: string[]) => lines.join('\n').split('\n\n').map((p) => `<p>${p.split('\n').map(escape).join('<br>')}</p>`).join('');
  const html = `<!doctype html><html lang="de"><body>${paragraphs(de)}<hr>` +
    `<div lang="en">${paragraphs(en)}</div></body></html>`;
  return { to: i.to, subject: `Erstattung / Refund ${i.caseNumber}`, text, html };
}
