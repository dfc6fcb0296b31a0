// Money is integer cents everywhere: floats cannot represent 0.1 exactly, and a
// payment that is one cent off must not close a ticket.

export type Locale = 'de' | 'en';

/** EPC069-12: amount 0.01 … 999999999.99 EUR. */
export const MAX_EPC_CENTS = 99_999_999_999;

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new Error(`money: cents must be a safe integer, got ${cents}`);
}

function splitCents(cents: number): { sign: string; euros: string; rest: string } {
  const abs = Math.abs(cents);
  return {
    sign: cents < 0 ? '-' : '',
    euros: String(Math.floor(abs / 100)),
    rest: String(abs % 100).padStart(2, '0'),
  };
}

function groupThousands(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * "1.234,50 €" (de) or "€1,234.50" (en). Built by hand instead of Intl.NumberFormat
 * so the output is the same on every ICU version (PDF snapshots, workflow replays).
 */
export function formatEuro(cents: number, locale: Locale): string {
  assertCents(cents);
  const { sign, euros, rest } = splitCents(cents);
  return locale === 'de'
    ? `${sign}${groupThousands(euros, '.')},${rest} €`
    : `${sign}€${groupThousands(euros, ',')}.${rest}`;
}

/** EPC QR amount line: "EUR25.00" (dot decimal, no thousands separator). */
export function epcAmount(cents: number): string {
  assertCents(cents);
  if (cents < 1 || cents > MAX_EPC_CENTS) {
    throw new Error(`money: EPC amount must be 1..${MAX_EPC_CENTS} cents, got ${cents}`);
  }
  const { euros, rest } = splitCents(cents);
  return `EUR${euros}.${rest}`;
}
