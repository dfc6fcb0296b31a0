import { describe, it, expect } from 'vitest';
import { epcAmount, formatEuro, MAX_EPC_CENTS } from '../../domain/money';

describe('formatEuro', () => {
  it.each([
    [2500, '25,00 €', '€25.00'],
    [5, '0,05 €', '€0.05'],
    [0, '0,00 €', '€0.00'],
    [123456789, '1.234.567,89 €', '€1,234,567.89'],
    [-5500, '-55,00 €', '-€55.00'],
  ])('when cents are %i, then de is %s and en is %s', (cents, de, en) => {
    expect(formatEuro(cents, 'de')).toBe(de);
    expect(formatEuro(cents, 'en')).toBe(en);
  });

  it('rejects fractional cents', () => {
    expect(() => formatEuro(25.5, 'de')).toThrow(/integer/);
  });
});

describe('epcAmount', () => {
  it.each([
    [2500, 'EUR25.00'],
    [1, 'EUR0.01'],
    [1234, 'EUR12.34'],
    [1999, 'EUR19.99'],
    [100000, 'EUR1000.00'],
    [MAX_EPC_CENTS, 'EUR999999999.99'],
  ])('when cents are %i, then the amount line is %s', (cents, line) => {
    expect(epcAmount(cents)).toBe(line);
  });

  it('has no float rounding errors (0.1 + 0.2 style)', () => {
    // 1.005 € would round to 1.00 with toFixed; integer math cannot get it wrong.
    for (let c = 1; c <= 2000; c++) {
      expect(epcAmount(c)).toBe(`EUR${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    }
  });

  it.each([0, -100, MAX_EPC_CENTS + 1, 12.5, Number.NaN])('rejects %s', (cents) => {
    expect(() => epcAmount(cents)).toThrow(/money/);
  });
});
