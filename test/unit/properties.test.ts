/**
 * Properties of the pure rules, over generated inputs: what must hold for every reference,
 * amount and date, not only for the published examples in the other unit tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRfReference, formatRfReference, isValidRfReference } from '../../domain/rf-reference';
import { buildEpcPayload, EPC_MAX_BYTES } from '../../domain/epc-qr';
import { epcAmount, formatEuro, MAX_EPC_CENTS } from '../../domain/money';
import { fineNoticeAmounts, fineTariff } from '../../domain/fine-proceedings/fees';
import { liabilityEnd, liabilityStart, liableMonthsInYear, proRataCents, settlementOnEnd } from '../../domain/dog-tax/pro-rata';

const base = fc.stringMatching(/^[A-Z0-9]{1,21}$/);
const cents = fc.integer({ min: 1, max: MAX_EPC_CENTS });
const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const TEST_IBAN = 'DE02120300000000202051';

describe('RF creditor reference (ISO 11649)', () => {
  it('when a reference is created from any base, then it is valid, also printed in groups and in lower case', () => {
    fc.assert(fc.property(base, (b) => {
      const rf = createRfReference(b);
      expect(isValidRfReference(rf)).toBe(true);
      expect(isValidRfReference(formatRfReference(rf))).toBe(true);
      expect(isValidRfReference(rf.toLowerCase())).toBe(true);
    }));
  });

  // Mod 97 guarantees this for a digit replaced by a digit and a letter by a letter (a letter
  // counts as two digits, so a letter for a digit shifts every position after it).
  it('when one digit (or letter) of the base is replaced by another digit (letter), then the check digits catch it', () => {
    fc.assert(fc.property(base, fc.nat(), fc.nat(), (b, at, pick) => {
      const rf = createRfReference(b);
      const i = 4 + (at % b.length);
      const same = /\d/.test(rf[i]!) ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      const c = same[pick % same.length]!;
      fc.pre(rf[i] !== c);
      expect(isValidRfReference(rf.slice(0, i) + c + rf.slice(i + 1))).toBe(false);
    }));
  });

  it('when two neighbouring different digits (or letters) are swapped, then the check digits catch it', () => {
    fc.assert(fc.property(base.filter((b) => b.length >= 2), fc.nat(), (b, at) => {
      const rf = createRfReference(b);
      const i = 4 + (at % (b.length - 1));
      fc.pre(rf[i] !== rf[i + 1] && /\d/.test(rf[i]!) === /\d/.test(rf[i + 1]!));
      expect(isValidRfReference(rf.slice(0, i) + rf[i + 1] + rf[i] + rf.slice(i + 2))).toBe(false);
    }));
  });
});

describe('money and the EPC payload (GiroCode)', () => {
  it('when any amount is written, then the EPC line and both locales give back the same cents', () => {
    fc.assert(fc.property(cents, (c) => {
      const line = epcAmount(c);
      expect(line).toMatch(/^EUR\d{1,9}\.\d{2}$/);
      expect(Math.round(Number(line.slice(3)) * 100)).toBe(c);
      expect(Number(formatEuro(c, 'de').replace(/[.\s€]/g, '').replace(',', '.')) * 100).toBeCloseTo(c, 0);
      expect(Number(formatEuro(c, 'en').replace(/[€,]/g, '')) * 100).toBeCloseTo(c, 0);
    }));
  });

  it('when the payload is built for any amount and reference, then it keeps the 12 EPC lines in order and stays within 331 bytes', () => {
    fc.assert(fc.property(cents, base, fc.string({ maxLength: 70 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== ''), (c, b, name) => {
      const rf = createRfReference(b);
      const payload = buildEpcPayload({ beneficiaryName: name, iban: TEST_IBAN, amountCents: c, rfReference: rf, purpose: 'GOVT' });
      const lines = payload.split('\n');
      expect(lines.slice(0, 4)).toEqual(['BCD', '002', '1', 'SCT']);
      expect(lines[6]).toBe(TEST_IBAN);
      expect(lines[7]).toBe(epcAmount(c));
      expect(lines[9]).toBe(rf);
      expect(new TextEncoder().encode(payload).length).toBeLessThanOrEqual(EPC_MAX_BYTES);
      expect(payload.endsWith('\n')).toBe(false);
    }));
  });
});

describe('fees of the Bußgeldverfahren (§ 107 OWiG)', () => {
  it('when a fine notice is computed for any fine, then the fee is 5 % within 25 € and 7,500 €, and the total adds up', () => {
    const { minFeeCents, maxFeeCents, postageCents, feePercent } = fineTariff.fineNotice;
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000_000 }), (fine) => {
      const a = fineNoticeAmounts(fine);
      expect(a.feeCents).toBeGreaterThanOrEqual(minFeeCents);
      expect(a.feeCents).toBeLessThanOrEqual(maxFeeCents);
      const percent = Math.round((fine * feePercent) / 100);
      if (percent > minFeeCents && percent < maxFeeCents) expect(a.feeCents).toBe(percent);
      expect(a.totalCents).toBe(fine + a.feeCents + postageCents);
    }));
  });

  it('when the fine grows, then the fee never shrinks', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 0, max: 50_000_000 }), (fine, more) => {
      expect(fineNoticeAmounts(fine + more).feeCents).toBeGreaterThanOrEqual(fineNoticeAmounts(fine).feeCents);
    }));
  });
});

describe('Hundesteuer pro rata', () => {
  it('when liability starts on any date, then it starts on the 1st of the next month', () => {
    fc.assert(fc.property(isoDate, (d) => {
      const start = liabilityStart(d);
      expect(start.endsWith('-01')).toBe(true);
      expect(start > d).toBe(true);
      const [y, m] = d.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      expect(start).toBe(next);
    }));
  });

  it('when a year is split at any month, then the pro-rata parts add up to the year within a cent per part', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 12 }), (annual, months) => {
      const sum = proRataCents(annual, months) + proRataCents(annual, 12 - months);
      expect(Math.abs(sum - annual)).toBeLessThanOrEqual(1);
    }));
  });

  it('when keeping ends on any date after liability started, then the refund is the months after the end, never negative, never more than assessed', () => {
    fc.assert(fc.property(isoDate, isoDate, fc.integer({ min: 1, max: 50_000 }), (a, b, annual) => {
      const [keptSince, endedOn] = a < b ? [a, b] : [b, a];
      const liableFrom = liabilityStart(keptSince);
      fc.pre(liabilityEnd(endedOn) >= liableFrom);
      const s = settlementOnEnd({ annualCents: annual, liableFrom, endedOn });
      expect(s.refundCents).toBeGreaterThanOrEqual(0);
      expect(s.refundCents).toBeLessThanOrEqual(s.assessedCents);
      const months = liableMonthsInYear(liableFrom, s.liableUntil, s.year);
      expect(s.owedCents).toBe(proRataCents(annual, months));
    }));
  });
});
