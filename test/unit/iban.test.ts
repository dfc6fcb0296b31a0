import { describe, it, expect } from 'vitest';
import { formatIban, isValidIban, normalizeIban } from '../../domain/iban';

describe('isValidIban', () => {
  it.each([
    'DE89370400440532013000',
    'DE02120300000000202051',
    'DE89 3704 0044 0532 0130 00',
    'de89370400440532013000',
    'GB82WEST12345698765432',
    'NL91ABNA0417164300',
    'AT611904300234573201',
  ])('accepts %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it.each([
    ['DE89370400440532013001', 'wrong checksum'],
    ['DE98370400440532013000', 'swapped check digits'],
    ['DE8937040044053201300', 'too short for DE'],
    ['DE893704004405320130000', 'too long for DE'],
    ['NL91ABNA04171643', 'too short for NL'],
    ['', 'empty'],
    ['DE89-3704-0044-0532-0130-00', 'illegal characters'],
  ])('rejects %s (%s)', (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });
});

describe('normalizeIban / formatIban', () => {
  it('strips spaces and upper-cases, then groups in fours', () => {
    expect(normalizeIban(' de89 3704 0044 0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
