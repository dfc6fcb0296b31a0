import { describe, expect, it } from 'vitest';
import { annualTaxAfterDecision, annualTaxCents, hagenTariff, listedBreedGroup, type DogTaxTariff } from '../../domain/dog-tax/tariff';
import { liabilityEnd, liabilityStart, liableMonthsInYear, parseDate, proRataCents, settlementOnEnd } from '../../domain/dog-tax/pro-rata';

describe('the Hagen dog-tax tariff', () => {
  it('when one, two or three dogs are kept, then each dog pays 180 €, 210 € or 240 € a year', () => {
    expect(annualTaxCents({ dogsInHousehold: 1, listedBreed: false })).toEqual({ cents: 18000, category: 'one_dog' });
    expect(annualTaxCents({ dogsInHousehold: 2, listedBreed: false })).toEqual({ cents: 21000, category: 'two_dogs' });
    expect(annualTaxCents({ dogsInHousehold: 3, listedBreed: false })).toEqual({ cents: 24000, category: 'three_or_more' });
    expect(annualTaxCents({ dogsInHousehold: 7, listedBreed: false }).cents).toBe(24000);
  });

  it('when the breed is on the LHundG NRW list, then Hagen (no separate rate) still charges the normal rate', () => {
    expect(hagenTariff.dangerousDogRateCents).toBeNull();
    expect(listedBreedGroup('Staffordshire-Bullterrier')).toBe('lhundg-3');
    expect(listedBreedGroup('Rottweiler-Mix')).toBe('lhundg-10');
    expect(listedBreedGroup('Labrador Retriever')).toBeNull();
    expect(annualTaxCents({ dogsInHousehold: 1, listedBreed: true })).toEqual({ cents: 18000, category: 'one_dog' });
  });

  it('when a Satzung has a rate for listed dogs, then it applies whatever the number of dogs', () => {
    const withRate: DogTaxTariff = { ...hagenTariff, dangerousDogRateCents: 60000 };
    expect(annualTaxCents({ dogsInHousehold: 2, listedBreed: true }, withRate)).toEqual({ cents: 60000, category: 'listed_dog' });
  });

  it('when the number of dogs is not a positive integer, then it throws', () => {
    expect(() => annualTaxCents({ dogsInHousehold: 0, listedBreed: false })).toThrow(RangeError);
  });

  it('when an exemption is granted or a reduction decided, then the yearly tax is 0 or halved', () => {
    expect(annualTaxAfterDecision(18000, 'granted')).toBe(0);
    expect(annualTaxAfterDecision(21000, 'reduced')).toBe(10500);
    expect(annualTaxAfterDecision(18000, 'rejected')).toBe(18000);
  });
});

describe('dog-tax liability (pro rata per month)', () => {
  it('when a dog is taken in on any day of a month, then liability starts on the 1st of the next month', () => {
    expect(liabilityStart('2026-03-01')).toBe('2026-04-01');
    expect(liabilityStart('2026-03-31')).toBe('2026-04-01');
    expect(liabilityStart('2026-12-15')).toBe('2027-01-01');
  });

  it('when the keeping ends, then liability ends on the last day of that month (leap years too)', () => {
    expect(liabilityEnd('2026-06-03')).toBe('2026-06-30');
    expect(liabilityEnd('2028-02-10')).toBe('2028-02-29');
    expect(liabilityEnd('2026-02-10')).toBe('2026-02-28');
  });

  it('when a date is not a calendar date, then it throws', () => {
    expect(() => parseDate('2026-02-30')).toThrow(RangeError);
    expect(() => parseDate('14.03.2026')).toThrow(RangeError);
  });

  it('counts the liable months of a year and a twelfth of the rate for each', () => {
    expect(liableMonthsInYear('2026-04-01', null, 2026)).toBe(9);
    expect(liableMonthsInYear('2026-04-01', null, 2027)).toBe(12);
    expect(liableMonthsInYear('2026-04-01', '2026-06-30', 2026)).toBe(3);
    expect(liableMonthsInYear('2027-01-01', null, 2026)).toBe(0);
    expect(proRataCents(18000, 9)).toBe(13500);
    expect(proRataCents(21000, 7)).toBe(12250);
    expect(() => proRataCents(18000, 13)).toThrow(RangeError);
  });

  it('when a dog registered from April dies in June, then 3 months are owed and 6 of the 9 assessed are refunded', () => {
    expect(settlementOnEnd({ annualCents: 18000, liableFrom: '2026-04-01', endedOn: '2026-06-12' })).toEqual({
      liableUntil: '2026-06-30', year: 2026, owedCents: 4500, assessedCents: 13500, refundCents: 9000,
    });
  });

  it('when a dog registered in an earlier year is given away in March, then the year is settled from January', () => {
    expect(settlementOnEnd({ annualCents: 24000, liableFrom: '2024-09-01', endedOn: '2026-03-31' })).toEqual({
      liableUntil: '2026-03-31', year: 2026, owedCents: 6000, assessedCents: 24000, refundCents: 18000,
    });
  });

  it('when a dog leaves in the month it came, then nothing is owed and all that was assessed is refunded', () => {
    expect(settlementOnEnd({ annualCents: 18000, liableFrom: '2026-05-01', endedOn: '2026-04-20' })).toMatchObject({ owedCents: 0, assessedCents: 12000, refundCents: 12000 });
  });
});
