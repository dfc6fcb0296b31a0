/** Status mails of the Bußgeldverfahren, only to an address the person gave in the hearing answer. German first, English below. */
import { formatEuro } from '../../domain/money';
import { formatBerlinDate, lastDayBefore } from '../../domain/berlin-time';
import { formatRfReference } from '../../domain/rf-reference';
import type { MailMessage } from '../../adapters/mail/mailer';

const join = (de: string[], en: string[]) =>
  [...de, '', '— English —', '', ...en, '', 'Diese E-Mail wurde automatisch erstellt. / This e-mail was generated automatically.'].join('\n');

/**
 * `caseLink`: opens the case in the portal for whoever answered (the same as the letter's
 * access code); only in mails to the address given in the answer.
 */
export function answerReceivedMail(i: { to: string; ticketNumber: string; caseLink: string }): MailMessage {
  return {
    to: i.to,
    subject: `Ihre Antwort zur Anhörung / Your hearing answer ${i.ticketNumber}`,
    text: join(
      ['Guten Tag,', '', `wir haben Ihre Antwort zur Anhörung im Verfahren ${i.ticketNumber} erhalten. Die Bußgeldstelle prüft sie;`,
        'über das Ergebnis informieren wir Sie per Post und an diese Adresse.', '',
        'Mit diesem Link sehen Sie den Vorgang und später auch Bescheide online (geben Sie ihn nicht weiter):', i.caseLink, '',
        'Mit freundlichen Grüßen', 'Stadt Hagen – Bußgeldstelle'],
      ['Hello,', '', `we have received your answer to the hearing in case ${i.ticketNumber}. The fine office will review it;`,
        'we will tell you the outcome by post and at this address.', '',
        'With this link you can see the case and, later, any notices online (do not share it):', i.caseLink, '',
        'Kind regards', 'City of Hagen – Fine Office'],
    ),
  };
}

/** The link that opens a case for whoever answered its hearing (the token only in such mails). */
export const answererLink = (publicBaseUrl: string, ticketNumber: string, token: string) =>
  `${publicBaseUrl}/knoellchen/antwort#${encodeURIComponent(ticketNumber)}.${token}`;

export function noticeMail(i: {
  to: string; kind: 'fine_notice' | 'cost_notice'; ticketNumber: string; totalCents: number; deadline: string; reference: string;
  portalBaseUrl: string; pdf: Buffer; filename: string; caseLink: string;
}): MailMessage {
  const until = lastDayBefore(new Date(i.deadline));
  const fine = i.kind === 'fine_notice';
  return {
    to: i.to,
    subject: `${fine ? 'Bußgeldbescheid / Fine notice' : 'Kostenbescheid / Cost notice'} ${i.ticketNumber}`,
    text: join(
      ['Guten Tag,', '', `im Verfahren ${i.ticketNumber} ist ein ${fine ? 'Bußgeldbescheid' : 'Kostenbescheid'} ergangen (im Anhang; er kommt auch per Post).`,
        `Zu zahlen: ${formatEuro(i.totalCents, 'de')} bis einschließlich ${formatBerlinDate(until, 'de')}, Referenz ${formatRfReference(i.reference)}.`,
        `Online zahlen und den Vorgang ansehen: ${i.caseLink}`, '', 'Mit freundlichen Grüßen', 'Stadt Hagen – Bußgeldstelle'],
      ['Hello,', '', `a ${fine ? 'fine notice' : 'cost notice'} was issued in case ${i.ticketNumber} (attached; it also comes by post).`,
        `To pay: ${formatEuro(i.totalCents, 'en')} by ${formatBerlinDate(until, 'en')}, reference ${formatRfReference(i.reference)}.`,
        `Pay online and see the case: ${i.caseLink}`, '', 'Kind regards', 'City of Hagen – Fine Office'],
    ),
    attachments: [{ filename: i.filename, content: i.pdf, contentType: 'application/pdf' }],
  };
}
