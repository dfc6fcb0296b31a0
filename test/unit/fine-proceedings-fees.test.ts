import { describe, expect, it } from 'vitest';
import { costNoticeAmounts, fineNoticeAmounts, fineTariff, fineTariffSource } from '../../domain/fine-proceedings/fees';

describe('fees of the Bußgeldverfahren (§ 107 OWiG)', () => {
  it('when the fine is small, then the fee is the minimum of 25 € and postage is 3.50 €', () => {
    expect(fineNoticeAmounts(2500)).toEqual({ fineCents: 2500, feeCents: 2500, postageCents: 350, totalCents: 5350 });
    expect(fineNoticeAmounts(50_000).feeCents).toBe(2500); // 5 % of 500 € = 25 €
  });

  it('when 5 % of the fine exceed 25 €, then the fee is 5 %, rounded to the cent, at most 7,500 €', () => {
    expect(fineNoticeAmounts(60_000).feeCents).toBe(3000);
    expect(fineNoticeAmounts(1_234_567).feeCents).toBe(61_728);
    expect(fineNoticeAmounts(1_000_000_00).feeCents).toBe(750_000);
  });

  it('when the fine is not a positive whole number of cents, then it is refused', () => {
    expect(() => fineNoticeAmounts(0)).toThrow(RangeError);
    expect(() => fineNoticeAmounts(10.5)).toThrow(RangeError);
  });

  it('a cost notice to the holder (§ 25a StVG) is the flat 20 € fee plus postage, no fine', () => {
    expect(costNoticeAmounts()).toEqual({ fineCents: 0, feeCents: 2000, postageCents: 350, totalCents: 2350 });
  });

  it('the tariff names a source for every rule and 14 days to pay', () => {
    expect(fineTariff.paymentDays).toBe(14);
    for (const key of ['fineNoticeFee', 'costNoticeFee', 'postage', 'costNoticePostage']) expect(fineTariffSource[key]).toMatch(/§ 107|UNCONFIRMED/);
  });
});
