import { describe, it, expect } from 'vitest';
import QRCode from 'qrcode';
import { renderNoticeCardPdf, type NoticeCardInput } from '../../documents/parking-ticket/notice-card';
import { renderWarningLetterPdf, type WarningLetterInput } from '../../documents/parking-ticket/warning-letter';
import { qrDataUrl, qrPng, qrSvg } from '../../documents/qr';
import { buildEpcPayload } from '../../domain/epc-qr';
import { findOffence } from '../../domain/parking-ticket/offence-catalogue';
import { figureMatrices, pdfText } from './pdf-inspect';

/** The matrix the qrcode library produces for `text` at level M, computed independently of drawQr. */
function expectedMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1));
}

const offence = findOffence('142278')!;
const payee = { beneficiaryName: 'Stadtkasse Hagen', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' };
const portalUrl = 'https://amtsweg.hagen.de/k/OA-2026-000123?c=K7QM4XPD';

const card: NoticeCardInput = {
  ticketNumber: 'OA-2026-000123',
  accessCode: 'K7QM-4XPD',
  portalUrl,
  portalBaseUrl: 'amtsweg.hagen.de/knoellchen',
  plate: 'HA-AB 123',
  place: 'Friedrich-Ebert-Platz, vor Haus Nr. 5',
  observedAt: '2026-11-25T13:05:00Z',
  offence: { code: offence.code, titleDe: offence.title.de, titleEn: offence.title.en },
  amountCents: offence.amountCents,
  paymentDeadline: '2026-12-02T23:00:00Z',
  payee,
  rfReference: 'RF462026000123',
};

const letter: WarningLetterInput = {
  ticketNumber: card.ticketNumber,
  letterDate: '2026-12-04T08:00:00Z',
  recipient: { name: 'Erika Mustermann', street: 'Heinitzstraße 42', postalCode: '58097', city: 'Hagen' },
  observedAt: card.observedAt,
  place: card.place,
  plate: card.plate,
  offence: { code: offence.code, titleDe: offence.title.de, textDe: offence.textDe, legalBasis: offence.legalBasis },
  amountCents: offence.amountCents,
  letterPaymentDeadline: '2026-12-18T23:00:00Z',
  payee,
  rfReference: card.rfReference,
  epcPayload: buildEpcPayload({ ...payee, amountCents: offence.amountCents, rfReference: card.rfReference }),
  portalUrl,
  portalBaseUrl: card.portalBaseUrl,
  accessCode: card.accessCode,
};

describe('renderNoticeCardPdf', () => {
  it('when rendered, then it is a tagged German PDF 1.7 with metadata', async () => {
    const pdf = await renderNoticeCardPdf(card, { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toContain('(Verwarnung OA-2026-000123)');
    expect(raw).toContain('(Stadt Hagen)');
    expect(raw).toContain('/MediaBox [0 0 297.64 419.53]'); // A6
  });

  it('prints the ticket number, amount, deadline, plate, code and payment reference', async () => {
    const text = pdfText(await renderNoticeCardPdf(card, { compress: false }));
    for (const expected of [
      'Stadt Hagen – Ordnungsamt', 'OA-2026-000123', '55,00 €', '02.12.2026', '25.11.2026, 14:05 Uhr', 'HA-AB 123',
      'K7QM-4XPD', 'amtsweg.hagen.de/knoellchen', '142278 – Parken auf einem', 'RF46 2026 0001 23',
      'DE89 3704 0044 0532 0130 00', 'Weigerungsrecht', 'Kennzeichen',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws exactly one QR code, and it encodes the portal URL', async () => {
    const figures = figureMatrices(await renderNoticeCardPdf(card, { compress: false }));
    expect(figures).toHaveLength(1);
    expect(figures[0]).toEqual(expectedMatrix(portalUrl));
    expect(figures[0]).not.toEqual(expectedMatrix(`${portalUrl}x`));
  });

  it('is deterministic and compressed by default', async () => {
    const a = await renderNoticeCardPdf(card);
    const b = await renderNoticeCardPdf(card);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBeLessThan((await renderNoticeCardPdf(card, { compress: false })).length);
  });

  it('when a date is not ISO, then it rejects', async () => {
    await expect(renderNoticeCardPdf({ ...card, observedAt: 'gestern' })).rejects.toThrow(/observedAt/);
  });
});

describe('renderWarningLetterPdf', () => {
  it('when rendered, then it is a tagged A4 letter with the facts, offer and hearing', async () => {
    const pdf = await renderWarningLetterPdf(letter, { compress: false });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(raw).toContain('/Lang (de-DE)');
    const text = pdfText(pdf);
    for (const expected of [
      'Stadt Hagen · Ordnungsamt · 58042 Hagen', 'Erika Mustermann', '58097 Hagen', 'OA-2026-000123', '04.12.2026',
      '55,00 €', '18.12.2026', '142278', '§ 42 Abs. 2 iVm Anlage 3', 'Anhörung (§ 55 OWiG)', '§ 111 OWiG', 'K7QM-4XPD',
      'RF46 2026 0001 23', 'Bezahlen mit GiroCode', 'Online antworten',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws the GiroCode (EPC payload) first and the portal link second', async () => {
    const figures = figureMatrices(await renderWarningLetterPdf(letter, { compress: false }));
    expect(figures).toHaveLength(2);
    expect(figures[0]).toEqual(expectedMatrix(letter.epcPayload));
    expect(figures[1]).toEqual(expectedMatrix(portalUrl));
  });

  it('numbers every page in the footer', async () => {
    const text = pdfText(await renderWarningLetterPdf(letter, { compress: false }));
    const pages = [...text.matchAll(/Seite (\d) von (\d)/g)];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.map((m) => m[1])).toEqual(pages.map((_, i) => String(i + 1)));
  });

  it('is deterministic', async () => {
    expect((await renderWarningLetterPdf(letter)).equals(await renderWarningLetterPdf(letter))).toBe(true);
  });
});

describe('qr', () => {
  it('qrPng returns a PNG', async () => {
    const png = await qrPng(portalUrl);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('qrSvg and qrDataUrl return SVG and a data URL', async () => {
    expect(await qrSvg(portalUrl)).toMatch(/^<svg /);
    expect(await qrDataUrl(portalUrl)).toMatch(/^data:image\/png;base64,/);
  });
});

describe('renderWarningLetterPdf input checks', () => {
  it('when the deadline is not ISO, then it rejects', async () => {
    await expect(renderWarningLetterPdf({ ...letter, letterPaymentDeadline: '18.12.2026' })).rejects.toThrow(
      /letterPaymentDeadline/,
    );
  });
});

describe('renderWarningLetterPdf offence details', () => {
  it('when only code and titles are given, then text and legal basis come from the catalogue', async () => {
    const text = pdfText(await renderWarningLetterPdf(
      { ...letter, offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot (Zeichen 283)', titleEn: 'x' } },
      { compress: false },
    ));
    expect(text).toContain('Sie parkten im absoluten Haltverbot (Zeichen 283).');
    expect(text).toContain('§ 41 Abs. 1 iVm Anlage 2, § 49 StVO');
  });

  it('when the code is unknown, then the title is printed and no legal basis is invented', async () => {
    const text = pdfText(await renderWarningLetterPdf(
      { ...letter, offence: { code: '999999', titleDe: 'Sonstiger Parkverstoß' } },
      { compress: false },
    ));
    expect(text).toContain('Sonstiger Parkverstoß');
    expect(text).not.toContain('Rechtsgrundlage');
  });
});
