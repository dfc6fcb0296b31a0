/** Status mails of the Bußgeldverfahren, only to an address the person gave in the hearing answer. German first, English below. */
import { formatEuro } from '../../domain/money';
import { formatBerlinDate, lastDayBefore } from '../../domain/berlin-time';
import { formatRfReference } from '../../domain/rf-reference';
import type { MailMessage } from '../../adapters/mail/mailer';

const join = (de: string[], en: string[]) =>
  [...de, '', '— English —', '', ...en, '', 'Diese E-Mail wurde automatisch erstellt. / This e-mail was generated automatically.'].join('\n');

export function answerReceivedMail(i: { to: string; ticketNumber: string }): MailMessage {
  return {
    to: i.to,
    subject: `Ihre Antwort zur Anhörung / Your hearing answer ${i.ticketNumber}`,
    text: join(
      ['Guten Tag,', '', `wir haben Ihre Antwort zur Anhörung im Verfahren ${i.ticketNumber} erhalten. Die Bußgeldstelle prüft sie;`,
        'über das Ergebnis informieren wir Sie per Post und an diese Adresse.', '', 'Mit freundlichen Grüßen', 'Stadt Hagen – Bußgeldstelle'],
      ['Hello,', '', `we have received your answer to the hearing in case ${i.ticketNumber}. The fine office will review it;`,
        'we will tell you the outcome by post and at this address.', '', 'Kind regards', 'City of Hagen – Fine Office'],
    ),
  };
}

export function noticeMail(i: {
  to: string; kind: 'fine_notice' | 'cost_notice'; ticketNumber: string; totalCents: number; deadline: string; reference: string;
  portalBaseUrl: string; pdf: Buffer; filename: string;
}): MailMessage {
  const until = lastDayBefore(new Date(i.deadline));
  const fine = i.kind === 'fine_notice';
  return {
    to: i.to,
    subject: `${fine ? 'Bußgeldbescheid / Fine notice' : 'Kostenbescheid / Cost notice'} ${i.ticketNumber}`,
    text: join(
      ['Guten Tag,', '', `im Verfahren ${i.ticketNumber} ist ein ${fine ? 'Bußgeldbescheid' : 'Kostenbescheid'} ergangen (im Anhang; er kommt auch per Post).`,
        `Zu zahlen: ${formatEuro(i.totalCents, 'de')} bis einschließlich ${formatBerlinDate(until, 'de')}, Referenz ${formatRfReference(i.reference)}.`,
        `Online zahlen: ${i.portalBaseUrl}`, '', 'Mit freundlichen Grüßen', 'Stadt Hagen – Bußgeldstelle'],
      ['Hello,', '', `a ${fine ? 'fine notice' : 'cost notice'} was issued in case ${i.ticketNumber} (attached; it also comes by post).`,
        `To pay: ${formatEuro(i.totalCents, 'en')} by ${formatBerlinDate(until, 'en')}, reference ${formatRfReference(i.reference)}.`,
        `Pay online: ${i.portalBaseUrl}`, '', 'Kind regards', 'City of Hagen – Fine Office'],
    ),
    attachments: [{ filename: i.filename, content: i.pdf, contentType: 'application/pdf' }],
  };
}
