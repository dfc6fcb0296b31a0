import { describe, it, expect } from 'vitest';
import {
  findOffence, MAX_WARNING_CENTS, MIN_WARNING_CENTS, offenceCatalogue,
} from '../../domain/parking-ticket/offence-catalogue';

describe('offence catalogue', () => {
  it('has a useful excerpt', () => {
    expect(offenceCatalogue.length).toBeGreaterThanOrEqual(12);
  });

  it('codes are unique 6-digit TBNRs of StVO offences', () => {
    const codes = offenceCatalogue.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^1\d{5}$/);
  });

  it('every amount is a legal Verwarnungsgeld: 5–55 € in steps of 5 € (§ 56 OWiG, § 2 Abs. 3 BKatV)', () => {
    for (const o of offenceCatalogue) {
      expect(Number.isInteger(o.amountCents), o.code).toBe(true);
      expect(o.amountCents, o.code).toBeGreaterThanOrEqual(MIN_WARNING_CENTS);
      expect(o.amountCents, o.code).toBeLessThanOrEqual(MAX_WARNING_CENTS);
      expect(o.amountCents % 500, o.code).toBe(0);
    }
  });

  it('every entry has German and English titles, an official text and a legal basis', () => {
    for (const o of offenceCatalogue) {
      expect(o.title.de.trim(), o.code).not.toBe('');
      expect(o.title.en.trim(), o.code).not.toBe('');
      expect(o.textDe, o.code).toMatch(/^Sie (parkten|überschritten)/);
      expect(o.legalBasis, o.code).toMatch(/StVO; § 24 Abs\. 1, 3 Nr\. 5 StVG; .*BKat/);
      expect(o.legalBasis, o.code).toContain(`${o.bkatNumber} BKat`);
      expect(o.verified, o.code).toBe(true);
    }
  });

  it('findOffence returns the 2021-reform amounts', () => {
    expect(findOffence('141312')?.amountCents).toBe(2500); // absolutes Haltverbot
    expect(findOffence('141313')?.amountCents).toBe(4000); // … mit Behinderung
    expect(findOffence('112454')?.amountCents).toBe(5500); // Gehweg
    expect(findOffence('112216')?.amountCents).toBe(5500); // Feuerwehrzufahrt
    expect(findOffence('113300')?.amountCents).toBe(2000); // Parkscheibe
    expect(findOffence(' 113124 ')?.amountCents).toBe(4000); // Parkschein > 3 h, trimmed
    expect(findOffence('112612')).toBeUndefined(); // 100 € Bußgeld: not a Verwarnung
  });

  it('is frozen: callers cannot change amounts', () => {
    const o = offenceCatalogue[0]!;
    expect(() => {
      (o as { amountCents: number }).amountCents = 1;
    }).toThrow(TypeError);
  });
});
