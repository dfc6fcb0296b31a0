import { describe, it, expect } from 'vitest';
import {
  createRfReference, formatRfReference, isValidRfReference, normalizeRfReference,
} from '../../domain/rf-reference';

// Verified examples from standards.md §2.
const VERIFIED: [string, string][] = [
  ['539007547034', 'RF18539007547034'],
  ['AB2G59X56V543', 'RF19AB2G59X56V543'],
  ['7', 'RF097'],
  ['2026000123', 'RF462026000123'],
];

describe('createRfReference', () => {
  it.each(VERIFIED)('when the base is %s, then the reference is %s', (base, rf) => {
    expect(createRfReference(base)).toBe(rf);
  });

  it('when the base has spaces and lower case, then it is normalised first', () => {
    expect(createRfReference('ab2g5 9x56 v543')).toBe('RF19AB2G59X56V543');
  });

  it.each(['', 'ABC-123', 'Ä1', '1234567890123456789012'])('when the base is %j, then it throws', (base) => {
    expect(() => createRfReference(base)).toThrow(/rf-reference/);
  });

  it('when the base is 21 characters, then the reference has 25', () => {
    expect(createRfReference('A'.repeat(21))).toHaveLength(25);
  });
});

describe('isValidRfReference', () => {
  it.each(VERIFIED.map(([, rf]) => rf))('accepts %s', (rf) => {
    expect(isValidRfReference(rf)).toBe(true);
  });

  it('accepts the printed form, lower case and spaces', () => {
    expect(isValidRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRfReference('rf19 ab2g 59x5 6v54 3')).toBe(true);
  });

  it.each([
    'RF19539007547034', // wrong check digits
    'RF18539007547035', // changed payload digit
    'RF18', // no reference part
    'XX18539007547034', // not RF
    'RF1A539007547034', // non-numeric check digits
    `RF00${'1'.repeat(22)}`, // too long
    'RF46 2026-000123', // illegal character
  ])('rejects %s', (rf) => {
    expect(isValidRfReference(rf)).toBe(false);
  });

  it('round-trips: every created reference validates, also printed', () => {
    for (const base of ['1', 'Z', '2026000124', 'HAGEN2026OA000123', 'A1B2C3D4E5F6G7H8I9J0K']) {
      const rf = createRfReference(base);
      expect(isValidRfReference(rf)).toBe(true);
      expect(isValidRfReference(formatRfReference(rf))).toBe(true);
      expect(normalizeRfReference(formatRfReference(rf))).toBe(rf);
    }
  });
});

describe('formatRfReference', () => {
  it('groups in fours', () => {
    expect(formatRfReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(formatRfReference('rf462026000123')).toBe('RF46 2026 0001 23');
  });
});
