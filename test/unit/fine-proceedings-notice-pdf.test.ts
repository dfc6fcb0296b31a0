import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { renderFineNoticePdf, type FineNoticeInput } from '../../documents/fine-proceedings/fine-notice';
import { noticeReference } from '../../activities/fine-proceedings';
import { buildEpcPayload } from '../../domain/epc-qr';
import { costNoticeAmounts, fineNoticeAmounts } from '../../domain/fine-proceedings/fees';
import { isValidRfReference, createRfReference } from '../../domain/rf-reference';
import { figureMatrices, pdfText } from './pdf-inspect';

const matrix = (text: string) => {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => modules.get(r, c) === 1));
};
const payee = { beneficiaryName: 'Stadtkasse Hagen', iban: 'DE89370400440532013000' };
const reference = noticeReference('VG-2026-000123', 'fine_notice');
const amounts = fineNoticeAmounts(5500);
const notice: FineNoticeInput = {
  kind: 'fine_notice', ticketNumber: 'VG-2026-000123', noticeDate: '2026-12-20T09:00:00Z',
  recipient: { name: 'Max Mustermann', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
  observedAt: '2026-11-25T13:05:00Z', place: 'Friedrich-Ebert-Platz', plate: 'HA-MM 4711',
  offence: { code: '142278', titleDe: 'Parken im Haltverbot' }, amounts, deadline: '2027-01-03T23:00:00Z',
  payee, rfReference: reference, epcPayload: buildEpcPayload({ ...payee, amountCents: amounts.totalCents, rfReference: reference }),
  portalBaseUrl: 'amtsweg.test/knoellchen',
};

describe('notice references', () => {
  it('a notice gets its own valid RF reference, distinct from the Verwarnungsgeld and per kind', () => {
    expect(isValidRfReference(reference)).toBe(true);
    expect(reference).not.toBe(createRfReference('2026000123'));
    expect(noticeReference('VG-2026-000123', 'cost_notice')).not.toBe(reference);
  });
});

describe('renderFineNoticePdf', () => {
  it('a Bußgeldbescheid prints fine, fee, postage, total, the reference, the deadline and the Einspruch of § 67 OWiG', async () => {
    const pdf = await renderFineNoticePdf(notice, { compress: false });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of ['Bußgeldbescheid', 'Max Mustermann', 'VG-2026-000123', 'Geldbuße', '55,00 €', '25,00 €', '3,50 €', '83,50 €',
      '03.01.2027', 'zwei Wochen', '§ 67 OWiG', '§ 107 Abs. 1 OWiG']) {
      expect(text).toContain(expected);
    }
    expect(figureMatrices(pdf)).toEqual([matrix(notice.epcPayload)]);
  });

  it('a Kostenbescheid (§ 25a StVG) has no fine, the 20 € fee of § 107 Abs. 2 OWiG and the court remedy', async () => {
    const text = pdfText(await renderFineNoticePdf({ ...notice, kind: 'cost_notice', amounts: costNoticeAmounts() }, { compress: false })).replace(/\s+/g, ' ');
    for (const expected of ['Kostenbescheid', '§ 25a StVG', '§ 107 Abs. 2 OWiG', '20,00 €', '23,50 €', 'gerichtliche Entscheidung']) expect(text).toContain(expected);
    expect(text).not.toContain('Geldbuße');
  });
});
