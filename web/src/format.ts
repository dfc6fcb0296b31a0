import type { Lang } from './api/types.js';
import { BERLIN } from '../../domain/berlin-time';

// Hagen's offences happen in Germany: dates are always shown in Berlin time, whatever the
// device's time zone, so the card, the letter and the portal agree.
const TZ = BERLIN;
const locale = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');

export function formatMoney(cents: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: TZ }).format(new Date(iso));
}

export function formatDateTime(iso: string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: TZ }).format(
    new Date(iso),
  );
  return lang === 'de' ? `${text} Uhr` : text;
}

/**
 * The deadline instant is the END of the last payable day (exclusive). Subtracting one
 * millisecond gives a moment inside that last day, whose date is what people must read.
 */
export function formatLastPayableDay(deadlineIso: string, lang: Lang): string {
  return formatDate(new Date(Date.parse(deadlineIso) - 1).toISOString(), lang);
}

/** IBANs and RF references are read in groups of four (DIN 5008); the server may send them compact. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
export const formatReference = formatIban;

/**
 * The ticket code as printed ("AB12-CD34-EF56") from what a person typed: any case, spaces or
 * hyphens, O for 0 and I/L for 1 (the same rules as the server), so the address stays canonical.
 */
export function normalizeTicketCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
}
