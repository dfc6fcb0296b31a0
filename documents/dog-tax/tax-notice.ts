// The written notices of procedure 3 (Steuerbescheid, Abmeldebescheid, Bescheid über
// Befreiung/Ermäßigung): A4, DIN 5008 address field, tagged PDF via documents/pdf.ts. German
// only: the notice is the legal document; the e-mail carries the English summary.
import { formatBerlinDate } from '../../domain/berlin-time';
import { formatIban } from '../../domain/iban';
import { FONT, FONT_BOLD, GREY, mm, renderPdf, type RenderOptions, type Tagged } from '../pdf';

export interface NoticeRecipient { name: string; street: string; postalCode: string; city: string }

export interface DogTaxNoticeInput {
  title: string;
  caseNumber: string;
  tagNumber?: string;
  /** ISO instant the notice is issued (also the PDF creation date). */
  issuedAt: string;
  recipient: NoticeRecipient;
  paragraphs: string[];
  facts: [string, string][];
  /** Bank details for a notice that asks for payment. */
  payee?: { beneficiaryName: string; iban: string; bic?: string };
  /** Whether the notice sets or changes a tax (then it carries the Rechtsbehelfsbelehrung). */
  appealable: boolean;
}

const W = 595.28;
const LEFT = mm(25);
const TEXT_W = W - LEFT - mm(20);
const RETURN_LINE = 'Stadt Hagen · Fachbereich Finanzen und Controlling · 58042 Hagen';

// § 110 JustG NRW: for municipal taxes the Widerspruch is abolished, the remedy is the action at
// the Verwaltungsgericht (Hagen belongs to VG Arnsberg). To be confirmed by the legal office.
const APPEAL = 'Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage ' +
  'beim Verwaltungsgericht Arnsberg erhoben werden. Die Klage ist schriftlich oder zur Niederschrift der Urkundsbeamtin ' +
  'oder des Urkundsbeamten der Geschäftsstelle zu erheben oder in elektronischer Form einzureichen.';

function para(t: Tagged, text: string, opts: { bold?: boolean; size?: number } = {}): void {
  t.block('P', () => {
    t.doc.font(opts.bold ? FONT_BOLD : FONT).fontSize(opts.size ?? 10).fillColor('#000000').text(text, LEFT, t.doc.y, { width: TEXT_W, lineGap: 1.5 });
  });
  t.doc.moveDown(0.6);
}

function letterhead(t: Tagged, input: DogTaxNoticeInput): void {
  const { doc } = t;
  t.block('P', () => {
    doc.font(FONT_BOLD).fontSize(16).fillColor('#000000').text('Stadt Hagen', LEFT, mm(15), { width: TEXT_W });
    doc.font(FONT).fontSize(10).fillColor(GREY).text('Der Oberbürgermeister · Fachbereich Finanzen und Controlling · Steuern', { width: TEXT_W });
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(7).fillColor('#000000').text(RETURN_LINE, mm(25), mm(57), { width: mm(80), underline: true });
  });
  const r = input.recipient;
  t.block('P', () => {
    doc.font(FONT).fontSize(10).fillColor('#000000').text(`${r.name}\n${r.street}\n${r.postalCode} ${r.city}`, mm(25), mm(62.7), { width: mm(75) });
  });
  const rows: [string, string][] = [['Aktenzeichen', input.caseNumber], ...(input.tagNumber ? [['Steuermarke', input.tagNumber] as [string, string]] : []),
    ['Datum', formatBerlinDate(new Date(input.issuedAt), 'de')]];
  let y = mm(50);
  for (const [label, value] of rows) {
    t.block('P', () => {
      doc.font(FONT).fontSize(8).fillColor(GREY).text(label, mm(125), y, { width: mm(65) });
      doc.font(FONT_BOLD).fontSize(9.5).fillColor('#000000').text(value, mm(125), doc.y, { width: mm(65) });
    });
    y = doc.y + 4;
  }
  doc.x = LEFT;
  doc.y = mm(103);
}

function facts(t: Tagged, rows: [string, string][]): void {
  for (const [label, value] of rows) {
    const y = t.doc.y;
    t.block('P', () => {
      t.doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text(`${label}:`, LEFT, y, { width: 150 });
      t.doc.font(FONT).text(value, LEFT + 150, y, { width: TEXT_W - 150 });
    });
    t.doc.moveDown(0.25);
  }
  t.doc.moveDown(0.5);
}

export async function renderDogTaxNoticePdf(input: DogTaxNoticeInput, opts: RenderOptions = {}): Promise<Buffer> {
  const issuedAt = new Date(input.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) throw new Error(`dog-tax notice: issuedAt is not an ISO date: "${input.issuedAt}"`);
  return renderPdf({
    ...opts, size: 'A4', margins: { top: mm(20), bottom: mm(27), left: LEFT, right: mm(20) },
    title: `${input.title} ${input.caseNumber}`, subject: `Hundesteuer – ${input.title}`,
    keywords: `Hundesteuer, ${input.caseNumber}${input.tagNumber ? `, ${input.tagNumber}` : ''}`, creationDate: issuedAt,
  }, (t) => {
    letterhead(t, input);
    t.block('H1', () => {
      t.doc.font(FONT_BOLD).fontSize(12).fillColor('#000000').text(input.title, LEFT, t.doc.y, { width: TEXT_W });
    });
    t.doc.moveDown(0.6);
    para(t, `Guten Tag ${input.recipient.name},`);
    for (const p of input.paragraphs) para(t, p);
    facts(t, input.facts);
    if (input.payee) {
      para(t, `Bitte überweisen Sie an ${input.payee.beneficiaryName}, IBAN ${formatIban(input.payee.iban)}${input.payee.bic ? `, BIC ${input.payee.bic}` : ''}, ` +
        `Verwendungszweck: ${input.caseNumber}.`);
    }
    if (input.appealable) para(t, APPEAL, { size: 9 });
    para(t, 'Mit freundlichen Grüßen\nStadt Hagen – Fachbereich Finanzen und Controlling');
    para(t, 'Dieser Bescheid wurde maschinell erstellt und ist ohne Unterschrift gültig.', { size: 8 });
  });
}
