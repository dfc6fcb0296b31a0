// The card the warden leaves on the windscreen (A6). Front: the accusation and a big
// QR code into the portal; back: bank transfer details and the legal hints of § 56 OWiG.
// German first, English as subtitle: many drivers in Hagen are visitors.
import { formatEuro } from '../../domain/money';
import { formatBerlinDate, formatBerlinDateTime, lastDayBefore } from '../../domain/berlin-time';
import { formatIban } from '../../domain/iban';
import { formatRfReference } from '../../domain/rf-reference';
import { FONT, FONT_BOLD, FONT_MONO, GREY, drawQr, renderPdf, type Doc, type RenderOptions, type Tagged } from '../pdf';

export interface NoticeCardInput {
  /** Aktenzeichen, printed and used as document title. */
  ticketNumber: string;
  /** Human-typable ticket code for people who cannot scan. */
  accessCode: string;
  /** Full link into the portal for this ticket (encoded in the QR code). */
  portalUrl: string;
  /** Short address printed for typing, e.g. "hagen.de/knoellchen". */
  portalBaseUrl: string;
  plate: string;
  place: string;
  /** ISO 8601 instant of the observation. */
  observedAt: string;
  offence: { code: string; titleDe: string; titleEn: string };
  amountCents: number;
  /** ISO instant when the payment window closes (exclusive), see paymentDeadline(). */
  paymentDeadline: string;
  payee: { beneficiaryName: string; iban: string; bic?: string };
  rfReference: string;
}

const W = 297.64; // A6 in points
const H = 419.53;
const M = 16; // margin
const INNER = W - 2 * M;

function isoDate(name: string, iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`notice-card: ${name} is not an ISO date: "${iso}"`);
  return d;
}

function field(t: Tagged, label: string, value: string, opts: { bold?: boolean; size?: number; en?: string } = {}): void {
  const { doc } = t;
  t.block('P', () => {
    doc.font(FONT).fontSize(6.5).fillColor(GREY).text(label, M, doc.y, { width: INNER });
    doc.font(opts.bold ? FONT_BOLD : FONT).fontSize(opts.size ?? 9).fillColor('#000000')
      .text(value, { width: INNER });
  });
  if (opts.en) {
    t.block('P', () => {
      doc.font(FONT).fontSize(6.5).fillColor(GREY).text(opts.en ?? '', { width: INNER });
    }, { lang: 'en' });
  }
  doc.moveDown(0.35);
}

function header(t: Tagged, doc: Doc, side: string): void {
  t.artifact(() => {
    doc.rect(0, 0, W, 6).fill('#005ca9');
  });
  t.block('P', () => {
    doc.font(FONT_BOLD).fontSize(9).fillColor('#000000').text('Stadt Hagen – Ordnungsamt', M, 14, { width: INNER, continued: true })
      .font(FONT).fontSize(6.5).fillColor(GREY).text(`   ${side}`, { align: 'right' });
  });
}

function front(t: Tagged, input: NoticeCardInput, observed: Date, lastDay: Date): void {
  const { doc } = t;
  header(t, doc, 'Seite 1/2');
  doc.moveDown(0.6);
  t.block('H1', () => {
    doc.font(FONT_BOLD).fontSize(12).fillColor('#000000').text('Verwarnung mit Verwarnungsgeld', M, doc.y, { width: INNER });
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(7.5).fillColor(GREY).text('Parking ticket (caution with warning fine)', { width: INNER });
  }, { lang: 'en' });
  doc.moveDown(0.5);

  field(t, 'Aktenzeichen / Ticket number', input.ticketNumber, { bold: true });
  field(t, 'Tatzeit / Date and time', `${formatBerlinDateTime(observed, 'de')}`);
  field(t, 'Tatort / Place', input.place);
  field(t, 'Kennzeichen / Number plate', input.plate, { bold: true });
  field(t, 'Tatbestand / Offence', `${input.offence.code} – ${input.offence.titleDe}`, { en: input.offence.titleEn });
  field(t, 'Verwarnungsgeld / Amount', formatEuro(input.amountCents, 'de'), { bold: true, size: 12 });
  field(t, 'Zahlen bis einschließlich / Pay by (inclusive)', formatBerlinDate(lastDay, 'de'), { bold: true });

  // Bottom block: QR on the left, typing alternative on the right.
  // As big as the space allows (long place names wrap), but never below ~34 mm.
  const qrSize = Math.max(96, Math.min(140, H - M - doc.y - 4));
  const top = H - M - qrSize;
  t.block('Figure', () => drawQr(doc, input.portalUrl, M - 4, top, qrSize), {
    alt: `QR-Code: Link zu diesem Verwarnungsgeld im Online-Portal der Stadt Hagen (${input.portalUrl})`,
  });
  const x = M + qrSize + 2;
  const w = W - M - x;
  t.block('H2', () => {
    doc.font(FONT_BOLD).fontSize(8.5).fillColor('#000000').text('Online ansehen und bezahlen', x, top + 8, { width: w });
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(6.5).fillColor(GREY).text('View and pay online: scan the code or type the address.', x, doc.y, { width: w });
  }, { lang: 'en' });
  doc.moveDown(0.4);
  t.block('P', () => {
    doc.font(FONT).fontSize(7).fillColor('#000000').text('QR-Code scannen oder eingeben:', x, doc.y, { width: w });
    doc.font(FONT_BOLD).fontSize(8.5).text(input.portalBaseUrl, { width: w });
  });
  doc.moveDown(0.3);
  t.block('P', () => {
    doc.font(FONT).fontSize(7).fillColor('#000000').text('Ticket-Code / Ticket code:', x, doc.y, { width: w });
    doc.font(FONT_MONO).fontSize(11).text(input.accessCode, { width: w });
  });
  doc.moveDown(0.3);
  t.block('P', () => {
    doc.font(FONT).fontSize(6.5).fillColor('#000000')
      .text('Zur Sicherheit fragt das Portal zusätzlich nach dem Kennzeichen.', x, doc.y, { width: w });
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(6).fillColor(GREY).text('For your security the portal also asks for the number plate.', { width: w });
  }, { lang: 'en' });
}

function back(t: Tagged, input: NoticeCardInput, lastDay: Date): void {
  const { doc } = t;
  const amount = formatEuro(input.amountCents, 'de');
  const until = formatBerlinDate(lastDay, 'de');
  header(t, doc, 'Seite 2/2');
  doc.moveDown(0.6);
  t.block('H2', () => {
    doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text('Zahlung per Überweisung', M, doc.y, { width: INNER });
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(6.5).fillColor(GREY).text('Payment by bank transfer', { width: INNER });
  }, { lang: 'en' });
  doc.moveDown(0.4);
  field(t, 'Empfänger / Beneficiary', input.payee.beneficiaryName);
  field(t, 'IBAN', formatIban(input.payee.iban), { bold: true });
  if (input.payee.bic) field(t, 'BIC', input.payee.bic);
  field(t, 'Betrag / Amount', amount, { bold: true });
  field(t, 'Verwendungszweck (nur diese Referenz) / Reference (only this)', formatRfReference(input.rfReference), {
    bold: true,
    size: 10,
  });
  t.block('P', () => {
    doc.font(FONT).fontSize(7).fillColor('#000000').text(
      `Im Online-Portal (${input.portalBaseUrl}) finden Sie einen GiroCode für Ihre Banking-App.`,
      M, doc.y, { width: INNER },
    );
  });
  doc.moveDown(0.8);

  t.block('H2', () => {
    doc.font(FONT_BOLD).fontSize(9).fillColor('#000000').text('Rechtliche Hinweise (§ 56 OWiG)', M, doc.y, { width: INNER });
  });
  const hints = [
    'Wegen der umseitig genannten Ordnungswidrigkeit werden Sie verwarnt. Die Verwarnung wird nur wirksam, ' +
      `wenn Sie mit ihr einverstanden sind und das Verwarnungsgeld von ${amount} innerhalb einer Woche, ` +
      `also bis einschließlich ${until}, zahlen. Gebühren und Auslagen werden dafür nicht erhoben.`,
    'Sie können die Verwarnung ablehnen (Weigerungsrecht). Wird nicht fristgerecht gezahlt, wird die ' +
      'Verwarnung nicht wirksam und das Verfahren wird schriftlich fortgesetzt: Die Halterin oder der Halter ' +
      'des Fahrzeugs erhält dann ein Schreiben (Verwarnung oder Anhörung) per Post.',
  ];
  for (const h of hints) {
    t.block('P', () => {
      doc.font(FONT).fontSize(7).fillColor('#000000').text(h, M, doc.y, { width: INNER, align: 'left' });
    });
    doc.moveDown(0.3);
  }
  t.block('P', () => {
    doc.font(FONT).fontSize(6.5).fillColor(GREY).text(
      'You may refuse this caution. It only takes effect if you agree and pay within one week. ' +
        'If the amount is not paid in time, the written procedure follows by post to the registered keeper.',
      M, doc.y, { width: INNER },
    );
  }, { lang: 'en' });
}

export async function renderNoticeCardPdf(input: NoticeCardInput, opts: RenderOptions = {}): Promise<Buffer> {
  const observed = isoDate('observedAt', input.observedAt);
  const lastDay = lastDayBefore(isoDate('paymentDeadline', input.paymentDeadline));
  return renderPdf(
    {
      ...opts,
      size: 'A6',
      margins: { top: M, bottom: 8, left: M, right: M },
      title: `Verwarnung ${input.ticketNumber}`,
      subject: 'Verwarnung mit Verwarnungsgeld (Parkverstoß) / Parking ticket',
      keywords: `Verwarnungsgeld, ${input.offence.code}, ${input.ticketNumber}`,
      creationDate: observed,
    },
    (t) => {
      front(t, input, observed, lastDay);
      t.doc.addPage();
      back(t, input, lastDay);
    },
  );
}
