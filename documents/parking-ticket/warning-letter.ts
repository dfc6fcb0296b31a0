// The postal letter after the one-week window (procedures.md §1): Verwarnungsgeld
// offer with a new deadline plus the hearing of § 55 OWiG, addressed to the vehicle
// holder. A4, address window after DIN 5008 form B. Two QR codes: the GiroCode to pay
// and a link to answer online. The text states only what §§ 55, 56, 107, 111 OWiG and
// § 25a StVG say; anything else belongs to the caseworker, not to a template.
import { formatEuro } from '../../domain/money';
import { formatBerlinDate, formatBerlinDateTime, lastDayBefore } from '../../domain/berlin-time';
import { formatIban } from '../../domain/iban';
import { formatRfReference } from '../../domain/rf-reference';
import { findOffence } from '../../domain/parking-ticket/offence-catalogue';
import { FONT, FONT_BOLD, FONT_MONO, GREY, drawQr, mm, renderPdf, type Doc, type RenderOptions, type Tagged } from '../pdf';

export interface LetterRecipient {
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

export interface WarningLetterInput {
  /** Aktenzeichen. */
  ticketNumber: string;
  /** ISO date the letter is issued (printed as "Datum"; also the PDF creation date). */
  letterDate: string;
  recipient: LetterRecipient;
  /** ISO instant of the observation. */
  observedAt: string;
  place: string;
  plate: string;
  /** e.g. "VW, blau" — printed if known. */
  vehicle?: string;
  /**
   * textDe = official Tatbestandstext ("Sie parkten …"). textDe and legalBasis default to
   * the catalogue entry for `code`; without one, titleDe is printed and the basis row omitted.
   */
  offence: { code: string; titleDe: string; titleEn?: string; textDe?: string; legalBasis?: string };
  amountCents: number;
  /** ISO instant the new window closes (exclusive); the caller computes it (default 14 days). */
  letterPaymentDeadline: string;
  payee: { beneficiaryName: string; iban: string; bic?: string };
  rfReference: string;
  /** EPC069-12 payload from buildEpcPayload(), encoded as the GiroCode. */
  epcPayload: string;
  portalUrl: string;
  portalBaseUrl: string;
  accessCode: string;
  evidence?: string;
}

export const W = 595.28;
const H = 841.89;
export const LEFT = mm(25);
export const RIGHT = mm(20);
export const TEXT_W = W - LEFT - RIGHT;
const RETURN_LINE = 'Stadt Hagen · Ordnungsamt · 58042 Hagen';

function isoDate(name: string, iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`warning-letter: ${name} is not an ISO date: "${iso}"`);
  return d;
}

export function para(t: Tagged, text: string, opts: { bold?: boolean; size?: number; gap?: number } = {}): void {
  t.block('P', () => {
    t.doc.font(opts.bold ? FONT_BOLD : FONT).fontSize(opts.size ?? 10).fillColor('#000000')
      .text(text, LEFT, t.doc.y, { width: TEXT_W, lineGap: 1.5 });
  });
  t.doc.moveDown(opts.gap ?? 0.6);
}

export function heading(t: Tagged, text: string): void {
  ensureSpace(t.doc, 60);
  t.doc.moveDown(0.3);
  t.block('H2', () => {
    t.doc.font(FONT_BOLD).fontSize(11).fillColor('#000000').text(text, LEFT, t.doc.y, { width: TEXT_W });
  });
  t.doc.moveDown(0.3);
}

export function ensureSpace(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Label/value rows; each row is one paragraph so it is read as "Tatzeit: …". */
export function facts(t: Tagged, rows: [string, string][]): void {
  const labelW = 120;
  for (const [label, value] of rows) {
    const y = t.doc.y;
    t.block('P', () => {
      t.doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text(`${label}:`, LEFT, y, { width: labelW });
      t.doc.font(FONT).text(value, LEFT + labelW, y, { width: TEXT_W - labelW });
    });
    t.doc.moveDown(0.25);
  }
  t.doc.moveDown(0.4);
}

/** What the letterhead and footers print: shared with the notices of the Bußgeldverfahren. */
export type LetterFrame = Pick<WarningLetterInput, 'ticketNumber' | 'recipient' | 'plate' | 'portalBaseUrl' | 'payee'>;

export function letterhead(t: Tagged, input: LetterFrame, letterDate: Date): void {
  const { doc } = t;
  t.block('P', () => {
    doc.font(FONT_BOLD).fontSize(16).fillColor('#000000').text('Stadt Hagen', LEFT, mm(15), { width: TEXT_W });
    doc.font(FONT).fontSize(10).fillColor(GREY).text('Der Oberbürgermeister · Ordnungsamt', { width: TEXT_W });
  });
  // DIN 5008 form B: window 20 mm from the left, 45 mm from the top; return line in
  // the top zone, recipient from 62.7 mm.
  t.block('P', () => {
    doc.font(FONT).fontSize(7).fillColor('#000000').text(RETURN_LINE, mm(20) + mm(5), mm(45) + mm(12), {
      width: mm(80), underline: true,
    });
  });
  const r = input.recipient;
  t.block('P', () => {
    doc.font(FONT).fontSize(10).fillColor('#000000')
      .text(`${r.name}\n${r.street}\n${r.postalCode} ${r.city}`, mm(20) + mm(5), mm(62.7), { width: mm(75) });
  });
  // Information block to the right of the window.
  const x = mm(125);
  const rows: [string, string][] = [
    ['Aktenzeichen', input.ticketNumber],
    ['Kennzeichen', input.plate],
    ['Datum', formatBerlinDate(letterDate, 'de')],
    ['Online', input.portalBaseUrl],
  ];
  let y = mm(50);
  for (const [label, value] of rows) {
    t.block('P', () => {
      doc.font(FONT).fontSize(8).fillColor(GREY).text(label, x, y, { width: W - x - RIGHT });
      doc.font(FONT_BOLD).fontSize(9.5).fillColor('#000000').text(value, x, doc.y, { width: W - x - RIGHT });
    });
    y = doc.y + 4;
  }
  t.artifact(() => {
    // Fold marks (105 mm, 210 mm) and punch mark (148.5 mm).
    for (const [at, len] of [[105, 5], [148.5, 8], [210, 5]] as const) {
      doc.moveTo(mm(3), mm(at)).lineTo(mm(3) + mm(len), mm(at)).lineWidth(0.4).stroke('#808080');
    }
  });
  doc.x = LEFT;
  doc.y = mm(103);
}

function qrBlock(t: Tagged, input: WarningLetterInput): void {
  const { doc } = t;
  const size = 118;
  ensureSpace(doc, size + 70);
  const top = doc.y + 4;
  const colW = TEXT_W / 2 - 6;
  const col2 = LEFT + TEXT_W / 2 + 6;
  t.artifact(() => {
    doc.lineWidth(0.6).strokeColor('#9a9a9a');
    doc.roundedRect(LEFT, top, colW, size + 56, 4).stroke();
    doc.roundedRect(col2, top, colW, size + 56, 4).stroke();
  });
  t.block('H3', () => {
    doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text('Bezahlen mit GiroCode', LEFT + 8, top + 8, { width: colW - 16 });
  });
  t.block('Figure', () => drawQr(doc, input.epcPayload, LEFT + (colW - size) / 2, top + 20, size), {
    alt: `GiroCode für die Überweisung von ${formatEuro(input.amountCents, 'de')} an ${input.payee.beneficiaryName}, ` +
      `Referenz ${formatRfReference(input.rfReference)}`,
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(8).fillColor('#000000')
      .text('Mit der Banking-App scannen: Empfänger, Betrag und Referenz werden übernommen.', LEFT + 8, top + 22 + size, { width: colW - 16 });
  });
  t.block('H3', () => {
    doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text('Online antworten', col2 + 8, top + 8, { width: colW - 16 });
  });
  t.block('Figure', () => drawQr(doc, input.portalUrl, col2 + (colW - size) / 2, top + 20, size), {
    alt: `QR-Code: Link zu Ihrem Vorgang im Online-Portal der Stadt Hagen (${input.portalUrl})`,
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(8).fillColor('#000000').text('Oder eingeben: ', col2 + 8, top + 22 + size, { width: colW - 16, continued: true })
      .font(FONT_BOLD).text(input.portalBaseUrl);
    doc.font(FONT).text('Zugangscode: ', { width: colW - 16, continued: true }).font(FONT_MONO).fontSize(9.5).text(input.accessCode);
  });
  doc.x = LEFT;
  doc.y = top + size + 56 + 12;
}

export function footers(t: Tagged, input: LetterFrame): void {
  const { doc } = t;
  const range = doc.bufferedPageRange();
  const bank = [
    `Bankverbindung: ${input.payee.beneficiaryName}`,
    `IBAN ${formatIban(input.payee.iban)}`,
    input.payee.bic ? `BIC ${input.payee.bic}` : '',
  ].filter(Boolean).join(' · ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    t.artifact(() => {
      doc.moveTo(LEFT, H - mm(20)).lineTo(W - RIGHT, H - mm(20)).lineWidth(0.4).stroke('#9a9a9a');
      doc.font(FONT).fontSize(7.5).fillColor(GREY)
        .text(`${RETURN_LINE}  |  ${bank}`, LEFT, H - mm(18), { width: TEXT_W, lineBreak: true })
        .text(`Aktenzeichen ${input.ticketNumber} · Seite ${i - range.start + 1} von ${range.count}`, { width: TEXT_W });
    });
    doc.page.margins.bottom = bottom;
  }
}

function body(t: Tagged, input: WarningLetterInput, observed: Date, lastDay: Date): void {
  const amount = formatEuro(input.amountCents, 'de');
  const until = formatBerlinDate(lastDay, 'de');
  const rf = formatRfReference(input.rfReference);
  const known = findOffence(input.offence.code);
  const legalBasis = input.offence.legalBasis ?? known?.legalBasis;

  t.block('H1', () => {
    t.doc.font(FONT_BOLD).fontSize(12).fillColor('#000000')
      .text('Verwarnung mit Verwarnungsgeld und Anhörung im Bußgeldverfahren', LEFT, t.doc.y, { width: TEXT_W });
  });
  t.doc.moveDown(0.2);
  para(t, `Aktenzeichen ${input.ticketNumber} – bitte bei Rückfragen angeben`, { size: 9, gap: 1 });
  para(t, `Guten Tag ${input.recipient.name},`);
  para(t, `mit dem Fahrzeug mit dem amtlichen Kennzeichen ${input.plate}, für das Sie als Halterin oder Halter ` +
    'eingetragen sind, wurde die folgende Verkehrsordnungswidrigkeit festgestellt:');
  facts(t, [
    ['Tatzeit', formatBerlinDateTime(observed, 'de')],
    ['Tatort', `${input.place}, Hagen`],
    ['Kennzeichen', input.plate],
    ...(input.vehicle ? [['Fahrzeug', input.vehicle] as [string, string]] : []),
    ['Tatvorwurf', input.offence.textDe ?? known?.textDe ?? input.offence.titleDe],
    ['Tatbestandsnummer', input.offence.code],
    ...(legalBasis ? [['Rechtsgrundlage', legalBasis] as [string, string]] : []),
    ['Beweismittel', input.evidence ?? 'Feststellung durch die Verkehrsüberwachung der Stadt Hagen'],
  ]);

  heading(t, 'Verwarnungsgeld (§ 56 OWiG)');
  para(t, `Wegen dieser Ordnungswidrigkeit werden Sie verwarnt; das Verwarnungsgeld beträgt ${amount}. ` +
    'Die Verwarnung wird nur wirksam, wenn Sie mit ihr einverstanden sind und den Betrag ' +
    `bis einschließlich ${until} zahlen. Maßgeblich ist der Eingang bei der Stadtkasse. ` +
    'Gebühren und Auslagen werden für die Verwarnung nicht erhoben. Mit der fristgerechten Zahlung ist die Sache erledigt.');
  para(t, `Bitte überweisen Sie genau ${amount} an ${input.payee.beneficiaryName}, IBAN ${formatIban(input.payee.iban)}` +
    `${input.payee.bic ? `, BIC ${input.payee.bic}` : ''}, und geben Sie als Verwendungszweck nur die Referenz ` +
    `${rf} an. Nur so können wir Ihre Zahlung automatisch zuordnen. Ein geringerer Betrag erledigt die Sache nicht.`);
  qrBlock(t, input);

  heading(t, 'Anhörung (§ 55 OWiG)');
  para(t, 'Sie haben Gelegenheit, sich zu dem Vorwurf zu äußern. Es steht Ihnen frei, sich zur Sache zu äußern ' +
    'oder nicht zur Sache auszusagen. Verpflichtet sind Sie nur zu Angaben zu Ihrer Person (§ 111 OWiG).');
  para(t, `Sie können online antworten: Scannen Sie den QR-Code „Online antworten“ oder öffnen Sie ${input.portalBaseUrl} ` +
    `und geben Sie den Zugangscode ${input.accessCode} sowie das Kennzeichen ein. Der Zugangscode steht nur in diesem ` +
    'Brief, nicht auf der Karte am Fahrzeug; bewahren Sie ihn auf, mit ihm sehen Sie später auch Bescheide online. ' +
    'Sie können uns auch schriftlich unter Angabe des Aktenzeichens antworten.');
  para(t, 'Haben Sie das Fahrzeug zur Tatzeit nicht selbst geführt, können Sie uns dies mitteilen. Kann die Person, ' +
    'die das Fahrzeug geführt hat, nicht ermittelt werden, können der Halterin oder dem Halter die Kosten des ' +
    'Verfahrens auferlegt werden (§ 25a StVG).');

  heading(t, 'Wenn Sie nicht zahlen');
  para(t, 'Wird das Verwarnungsgeld nicht fristgerecht gezahlt, wird die Verwarnung nicht wirksam und das ' +
    'Bußgeldverfahren wird fortgesetzt. Es kann dann ein Bußgeldbescheid ergehen, mit dem zusätzlich Gebühren ' +
    '(mindestens 25 Euro) und Auslagen festgesetzt werden (§ 107 OWiG).');

  t.doc.moveDown(0.4);
  para(t, 'Mit freundlichen Grüßen\nStadt Hagen – Ordnungsamt', { gap: 0.8 });
  para(t, 'Dieses Schreiben wurde maschinell erstellt.', { size: 8 });
}

export async function renderWarningLetterPdf(input: WarningLetterInput, opts: RenderOptions = {}): Promise<Buffer> {
  const observed = isoDate('observedAt', input.observedAt);
  const letterDate = isoDate('letterDate', input.letterDate);
  const lastDay = lastDayBefore(isoDate('letterPaymentDeadline', input.letterPaymentDeadline));
  return renderPdf(
    {
      ...opts,
      size: 'A4',
      margins: { top: mm(20), bottom: mm(27), left: LEFT, right: RIGHT },
      title: `Verwarnung und Anhörung ${input.ticketNumber}`,
      subject: 'Verwarnung mit Verwarnungsgeld / Anhörung im Bußgeldverfahren',
      keywords: `Verwarnungsgeld, Anhörung, ${input.offence.code}, ${input.ticketNumber}`,
      creationDate: letterDate,
      bufferPages: true,
    },
    (t) => {
      letterhead(t, input, letterDate);
      body(t, input, observed, lastDay);
      footers(t, input);
    },
  );
}
