import { describe, it, expect } from 'vitest';
import { buildEpcPayload, EPC_MAX_BYTES } from '../../domain/epc-qr';
import { qrMatrix } from '../../documents/qr';

const payee = { beneficiaryName: 'Stadtkasse Musterstadt', iban: 'DE89370400440532013000' };
const bytes = (s: string) => new TextEncoder().encode(s).length;

describe('buildEpcPayload', () => {
  it('when given the standards.md example, then the payload matches byte for byte', () => {
    const payload = buildEpcPayload({ ...payee, amountCents: 1234, rfReference: 'RF18539007547034' });
    expect(payload).toBe(
      'BCD\n002\n1\nSCT\n\nStadtkasse Musterstadt\nDE89370400440532013000\nEUR12.34\n\nRF18539007547034',
    );
    expect(bytes(payload)).toBe(87);
  });

  it('when given unstructured text, then lines 9 and 10 stay empty and text is line 11', () => {
    const payload = buildEpcPayload({ ...payee, amountCents: 5500, remittanceText: 'Verwarnungsgeld Az 2026-000123' });
    expect(payload.split('\n')).toEqual([
      'BCD', '002', '1', 'SCT', '', 'Stadtkasse Musterstadt', 'DE89370400440532013000', 'EUR55.00', '', '',
      'Verwarnungsgeld Az 2026-000123',
    ]);
  });

  it('normalises IBAN, BIC and a printed RF reference, and never ends with a separator', () => {
    const payload = buildEpcPayload({
      ...payee, iban: 'de89 3704 0044 0532 0130 00', bic: 'cobadeffxxx', rfReference: 'rf46 2026 0001 23',
    });
    expect(payload).toBe('BCD\n002\n1\nSCT\nCOBADEFFXXX\nStadtkasse Musterstadt\nDE89370400440532013000\n\n\nRF462026000123');
    expect(payload.endsWith('\n')).toBe(false);
  });

  it('keeps the originator info as line 12 after an empty line 11', () => {
    const payload = buildEpcPayload({ ...payee, rfReference: 'RF097', purpose: 'GOVT', beneficiaryToOriginatorInfo: 'Danke' });
    expect(payload.split('\n').slice(7)).toEqual(['', 'GOVT', 'RF097', '', 'Danke']);
  });

  it('when both a structured reference and text are given, then it throws', () => {
    expect(() => buildEpcPayload({ ...payee, rfReference: 'RF18539007547034', remittanceText: 'Az 1' })).toThrow(
      /either rfReference .* or remittanceText/,
    );
  });

  it.each([
    [{ iban: 'DE89370400440532013001' }, /invalid IBAN/],
    [{ iban: '' }, /invalid IBAN/],
    [{ bic: 'COBADE' }, /invalid BIC/],
    [{ rfReference: 'RF19539007547034' }, /invalid RF/],
    [{ beneficiaryName: '  ' }, /beneficiaryName is required/],
    [{ beneficiaryName: 'x'.repeat(71) }, /longer than 70/],
    [{ remittanceText: 'x'.repeat(141) }, /longer than 140/],
    [{ beneficiaryToOriginatorInfo: 'x'.repeat(71) }, /longer than 70/],
    [{ remittanceText: 'Zeile 1\nZeile 2' }, /line breaks/],
    [{ purpose: 'GOVERNMENT' }, /purpose/],
    [{ amountCents: 0 }, /EPC amount/],
    [{ amountCents: 100_000_000_000 }, /EPC amount/],
  ])('when given %o, then it throws %s', (override, message) => {
    expect(() => buildEpcPayload({ ...payee, ...override })).toThrow(message);
  });

  it('counts the 331-byte limit in UTF-8 bytes, so an umlaut costs two', () => {
    const base = {
      beneficiaryName: 'S'.repeat(70), iban: 'DE89370400440532013000', amountCents: 5500, purpose: 'GOVT',
      remittanceText: 'x'.repeat(140),
    };
    const infoLen = EPC_MAX_BYTES - bytes(buildEpcPayload(base)) - 1; // one LF before line 12
    expect(infoLen).toBe(66);
    const atLimit = buildEpcPayload({ ...base, beneficiaryToOriginatorInfo: 'b'.repeat(infoLen) });
    expect(bytes(atLimit)).toBe(331);
    // Same character count, one byte more: rejected.
    expect(() => buildEpcPayload({ ...base, beneficiaryToOriginatorInfo: `ä${'b'.repeat(infoLen - 1)}` })).toThrow(
      /332 bytes, the limit is 331/,
    );
    // Character limits are characters, not bytes: 70 umlauts are a valid name on their own.
    expect(() => buildEpcPayload({ ...payee, beneficiaryName: 'Ä'.repeat(70) })).not.toThrow();
  });

  it('a payload at the byte limit still fits QR version 13 at error correction M', () => {
    const payload = buildEpcPayload({
      beneficiaryName: 'S'.repeat(70), iban: 'DE89370400440532013000', amountCents: 5500, purpose: 'GOVT',
      remittanceText: 'x'.repeat(140), beneficiaryToOriginatorInfo: 'b'.repeat(66),
    });
    expect(qrMatrix(payload).version).toBeLessThanOrEqual(13);
  });
});
