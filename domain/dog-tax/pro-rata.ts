// When the dog tax is owed, on calendar dates ("2026-03-14"): the form asks for days, not
// instants, so no time zone can shift a month. Rules (tariff.json, source.liability):
// liability starts on the 1st of the month AFTER the dog was taken in or the holder moved in,
// and ends with the last day of the month in which the keeping ended. The tax is owed per
// whole month: a twelfth of the yearly rate for each month of liability in a calendar year.

export interface YearMonth { year: number; month: number }

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(date: string): YearMonth & { day: number } {
  const m = DATE.exec(date);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`dog tax: not a calendar date: "${date}"`);
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** First day of liability: the 1st of the month after `keptSince`. */
export function liabilityStart(keptSince: string): string {
  const { year, month } = parseDate(keptSince);
  return month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1);
}

/** Last day of liability: the end of the month in which the keeping ended. */
export function liabilityEnd(endedOn: string): string {
  const { year, month } = parseDate(endedOn);
  return iso(year, month, daysInMonth(year, month));
}

/** Months of liability in `year` for a period from `start` (a 1st) to `end` (inclusive, or open). */
export function liableMonthsInYear(start: string, end: string | null, year: number): number {
  const s = parseDate(start);
  const e = end ? parseDate(end) : { year: Infinity, month: 12 };
  if (s.year > year || e.year < year) return 0;
  const from = s.year < year ? 1 : s.month;
  const to = e.year > year ? 12 : e.month;
  return Math.max(0, to - from + 1);
}

/** Tax for `months` months of a yearly rate, rounded to the cent. */
export function proRataCents(annualCents: number, months: number): number {
  if (!Number.isInteger(months) || months < 0 || months > 12) throw new RangeError(`dog tax: months must be 0..12, got ${months}`);
  return Math.round((annualCents * months) / 12);
}

/**
 * What ending the keeping changes for the year it ends in: the tax owed for that year, what
 * had been assessed for it (the registration's notice: from liability start to December), and
 * the difference to refund (or, if negative, still to assess).
 */
export function settlementOnEnd(args: { annualCents: number; liableFrom: string; endedOn: string }) {
  const liableUntil = liabilityEnd(args.endedOn);
  const { year } = parseDate(liableUntil);
  const owedCents = proRataCents(args.annualCents, liableMonthsInYear(args.liableFrom, liableUntil, year));
  const assessedCents = proRataCents(args.annualCents, liableMonthsInYear(args.liableFrom, null, year));
  return { liableUntil, year, owedCents, assessedCents, refundCents: assessedCents - owedCents };
}
