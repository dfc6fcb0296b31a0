// The notices of the Bußgeldverfahren (procedures.md §2): the Bußgeldbescheid (§§ 65, 66 OWiG)
// with fine, fee (§ 107 Abs. 1 OWiG) and postage (§ 107 Abs. 3 Nr. 2 OWiG), and the
// Kostenbescheid to the vehicle holder when the driver could not be identified (§ 25a StVG,
// fee § 107 Abs. 2 OWiG). Same letter frame as the hearing letter; one GiroCode with the
// notice's own reference; the Rechtsbehelfsbelehrung (two weeks, § 67 OWiG / § 25a Abs. 3 StVG).
import { formatEuro } from '../../domain/money';
import { formatBerlinDate, formatBerlinDateTime, lastDayBefore } from '../../domain/berlin-time';
import { formatIban } from '../../domain/iban';
import { formatRfReference } from '../../domain/rf-reference';
import { findOffence } from '../../domain/parking-ticket/offence-catalogue';
import type { NoticeAmounts } from '../../domain/fine-proceedings/fees';
import { FONT_BOLD, drawQr, mm, renderPdf, type RenderOptions } from '../pdf';
import { LEFT, RIGHT, TEXT_W, ensureSpace, facts, footers, heading, letterhead, para, type LetterRecipient } from '../parking-ticket/warning-letter';

export interface FineNoticeInput {
  kind: 'fine_notice' | 'cost_notice';
  ticketNumber: string;
  noticeDate: string;
  recipient: LetterRecipient;
  observedAt: string;
  place: string;
  plate: string;
  offence: { code: string; titleDe: string };
  amounts: NoticeAmounts;
  /** ISO instant the 14 days end (exclusive). */
  deadline: string;
  payee: { beneficiaryName: string; iban: string; bic?: string };
  rfReference: string;
  epcPayload: string;
  portalBaseUrl: string;
}

export async function renderFineNoticePdf(input: FineNoticeInput, opts: RenderOptions = {}): Promise<Buffer> {
  const date = new Date(input.noticeDate);
  const lastDay = formatBerlinDate(lastDayBefore(new Date(input.deadline)), 'de');
  const fine = input.kind === 'fine_notice';
  const title = fine ? 'Bußgeldbescheid' : 'Kostenbescheid (§ 25a StVG)';
  const euro = (c: number) => formatEuro(c, 'de');
  const known = findOffence(input.offence.code);
  return renderPdf({
    ...opts, size: 'A4', margins: { top: mm(20), bottom: mm(27), left: LEFT, right: RIGHT },
    title: `${title} ${input.ticketNumber}`, subject: title, keywords: `${title}, ${input.offence.code}, ${input.ticketNumber}`,
    creationDate: date, bufferPages: true,
  }, (t) => {
    letterhead(t, input, date);
    t.block('H1', () => {
      t.doc.font(FONT_BOLD).fontSize(12).fillColor('#000000').text(title, LEFT, t.doc.y, { width: TEXT_W });
    });
    t.doc.moveDown(0.2);
    para(t, `Aktenzeichen ${input.ticketNumber} – bitte bei Rückfragen angeben`, { size: 9, gap: 1 });
    para(t, `Guten Tag ${input.recipient.name},`);
    para(t, fine
      ? 'gegen Sie wird wegen der folgenden Verkehrsordnungswidrigkeit eine Geldbuße festgesetzt:'
      : `mit dem Fahrzeug mit dem amtlichen Kennzeichen ${input.plate}, für das Sie als Halterin oder Halter eingetragen sind, ` +
        'wurde die folgende Verkehrsordnungswidrigkeit begangen. Die Person, die das Fahrzeug geführt hat, konnte nicht vor Eintritt ' +
        'der Verfolgungsverjährung ermittelt werden; deshalb werden Ihnen die Kosten des Verfahrens auferlegt (§ 25a StVG).');
    facts(t, [
      ['Tatzeit', formatBerlinDateTime(new Date(input.observedAt), 'de')],
      ['Tatort', `${input.place}, Hagen`],
      ['Kennzeichen', input.plate],
      ['Tatvorwurf', known?.textDe ?? input.offence.titleDe],
      ['Tatbestandsnummer', input.offence.code],
      ...(known?.legalBasis ? [['Rechtsgrundlage', known.legalBasis] as [string, string]] : []),
      ['Beweismittel', 'Feststellung durch die Verkehrsüberwachung der Stadt Hagen'],
    ]);
    heading(t, 'Zu zahlender Betrag');
    facts(t, [
      ...(fine ? [['Geldbuße', euro(input.amounts.fineCents)] as [string, string]] : []),
      ['Gebühr', euro(input.amounts.feeCents)],
      ['Auslagen', euro(input.amounts.postageCents)],
      ['Gesamtbetrag', euro(input.amounts.totalCents)],
    ]);
    para(t, fine
      ? 'Gebühr nach § 107 Abs. 1 OWiG: 5 % der Geldbuße, mindestens 25 Euro. Auslagen für die Zustellung nach § 107 Abs. 3 Nr. 2 OWiG.'
      : 'Gebühr nach § 107 Abs. 2 OWiG. Auslagen für die Zustellung nach § 107 Abs. 3 Nr. 2 OWiG.', { size: 9 });
    para(t, `Bitte zahlen Sie ${euro(input.amounts.totalCents)} bis einschließlich ${lastDay} an ${input.payee.beneficiaryName}, ` +
      `IBAN ${formatIban(input.payee.iban)}${input.payee.bic ? `, BIC ${input.payee.bic}` : ''}, Verwendungszweck nur: ` +
      `${formatRfReference(input.rfReference)}. Diese Referenz gilt nur für diesen Bescheid. Sie können auch online zahlen: ` +
      `${input.portalBaseUrl} (mit dem Zugangscode aus dem Anhörungsschreiben).`);
    ensureSpace(t.doc, 150);
    const top = t.doc.y;
    t.block('Figure', () => drawQr(t.doc, input.epcPayload, LEFT, top, 118), {
      alt: `GiroCode für die Überweisung von ${euro(input.amounts.totalCents)} an ${input.payee.beneficiaryName}, Referenz ${formatRfReference(input.rfReference)}`,
    });
    t.doc.x = LEFT;
    t.doc.y = top + 126;
    heading(t, 'Rechtsbehelfsbelehrung');
    para(t, fine
      ? 'Gegen diesen Bescheid können Sie innerhalb von zwei Wochen nach Zustellung schriftlich oder zur Niederschrift bei der ' +
        'Stadt Hagen – Ordnungsamt, 58042 Hagen, Einspruch einlegen (§ 67 OWiG). Ohne Einspruch wird der Bescheid rechtskräftig ' +
        'und vollstreckbar. Bei einem Einspruch kann das Amtsgericht auch zu Ihrem Nachteil entscheiden.'
      : 'Gegen diesen Bescheid können Sie innerhalb von zwei Wochen nach Zustellung gerichtliche Entscheidung beantragen ' +
        '(§ 25a Abs. 3 StVG). Der Antrag ist schriftlich oder zur Niederschrift bei der Stadt Hagen – Ordnungsamt, 58042 Hagen, zu stellen.');
    t.doc.moveDown(0.4);
    para(t, 'Mit freundlichen Grüßen\nStadt Hagen – Ordnungsamt', { gap: 0.8 });
    para(t, 'Dieser Bescheid wurde maschinell erstellt und ist ohne Unterschrift gültig.', { size: 8 });
    footers(t, input);
  });
}
