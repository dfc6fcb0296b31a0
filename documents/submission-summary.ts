// The receipt PDF (Eingangsbestätigung) attached to the confirmation e-mail: that it arrived,
// under which case number, from which form version, and which fields came in — values only
// where the form wrote them (choices), never what someone typed (receiptRows in
// submission-rows.ts): the mail can go to any address someone entered. German, like every
// document of the city; the field titles are the form's own. Tagged PDF via documents/pdf.ts.
import { formatBerlinDateTime } from '../domain/berlin-time';
import { FONT, FONT_BOLD, GREY, mm, renderPdf, type RenderOptions, type Tagged } from './pdf';
import type { SummaryRow } from './submission-rows';

export interface SubmissionSummaryInput {
  formTitle: string;
  caseNumber: string;
  formId: string;
  formVersion: number;
  /** ISO instant the case was received; also the PDF creation date, so a retry renders the same. */
  receivedAt: string;
  rows: SummaryRow[];
}

const LEFT = mm(25);
const TEXT_W = 595.28 - LEFT - mm(20);
const LABEL_W = 190;
const BOTTOM = 841.89 - mm(27);

function row(t: Tagged, label: string, value: string | undefined, indent: number): void {
  const { doc } = t;
  if (doc.y > BOTTOM - 30) doc.addPage();
  const y = doc.y;
  if (value === undefined) {
    t.block('H3', () => { doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text(label, LEFT + indent, y, { width: TEXT_W - indent }); });
    doc.moveDown(0.2);
    return;
  }
  let end = y;
  t.block('P', () => {
    doc.font(FONT).fontSize(9.5).fillColor(GREY).text(label, LEFT + indent, y, { width: LABEL_W - indent });
    end = doc.y;
    doc.font(FONT).fontSize(10).fillColor('#000000').text(value, LEFT + LABEL_W + 8, y, { width: TEXT_W - LABEL_W - 8 });
  });
  doc.x = LEFT;
  doc.y = Math.max(end, doc.y) + 3;
}

export async function renderSubmissionSummaryPdf(input: SubmissionSummaryInput, opts: RenderOptions = {}): Promise<Buffer> {
  const receivedAt = new Date(input.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) throw new Error(`submission summary: receivedAt is not an ISO date: "${input.receivedAt}"`);
  return renderPdf({
    ...opts, size: 'A4', margins: { top: mm(20), bottom: mm(27), left: LEFT, right: mm(20) },
    title: `Eingangsbestätigung ${input.caseNumber}`, subject: `Eingangsbestätigung – ${input.formTitle}`,
    keywords: `Eingangsbestätigung, ${input.caseNumber}`, creationDate: receivedAt,
  }, (t) => {
    const { doc } = t;
    t.block('P', () => {
      doc.font(FONT_BOLD).fontSize(16).fillColor('#000000').text('Stadt Hagen', LEFT, mm(15), { width: TEXT_W });
      doc.font(FONT).fontSize(10).fillColor(GREY).text('Online-Dienste', { width: TEXT_W });
    });
    doc.moveDown(1.5);
    t.block('H1', () => { doc.font(FONT_BOLD).fontSize(14).fillColor('#000000').text('Eingangsbestätigung', LEFT, doc.y, { width: TEXT_W }); });
    t.block('P', () => { doc.font(FONT).fontSize(11).text(input.formTitle, { width: TEXT_W }); });
    doc.moveDown(0.8);
    row(t, 'Aktenzeichen', input.caseNumber, 0);
    row(t, 'Eingegangen am', formatBerlinDateTime(receivedAt, 'de'), 0);
    row(t, 'Formular', `${input.formId}, Version ${input.formVersion}`, 0);
    doc.moveDown(0.8);
    t.block('H2', () => { doc.font(FONT_BOLD).fontSize(12).fillColor('#000000').text('Eingegangene Angaben', LEFT, doc.y, { width: TEXT_W }); });
    doc.moveDown(0.4);
    for (const r of input.rows) row(t, r.label, r.value, r.level * 12);
    doc.moveDown(1);
    if (doc.y > BOTTOM - 40) doc.addPage();
    t.block('P', () => {
      doc.font(FONT).fontSize(8.5).fillColor(GREY).text('Diese Bestätigung nennt, welche Angaben bei uns eingegangen sind. Was Sie eingetippt haben ' +
        '(Namen, Daten, Anschrift, Bankverbindung), wiederholt sie zum Schutz Ihrer Daten nicht. Sie ist kein Bescheid. ' +
        'Bitte geben Sie bei Rückfragen das Aktenzeichen an.', LEFT, doc.y, { width: TEXT_W });
    });
  });
}
