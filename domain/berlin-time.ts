// Calendar arithmetic in Europe/Berlin with Intl only: no Node APIs, no wall clock,
// so it runs unchanged inside Temporal's deterministic workflow sandbox — and in the browser:
// the web app imports this module too (web/src/berlin-time.ts), so there is one implementation.
// Deadlines are expressed as the instant a period ends (exclusive), which keeps
// comparisons trivial: paid in time ⇔ bookedAt < deadline.

import type { Locale } from './money';

export const BERLIN = 'Europe/Berlin';

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number }

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: BERLIN,
  hourCycle: 'h23',
  year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric',
});

function assertDate(d: Date): void {
  if (Number.isNaN(d.getTime())) throw new Error('berlin-time: invalid date');
}

/** Berlin wall-clock fields of an instant. */
export function berlinParts(d: Date): Parts {
  assertDate(d);
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormat.formatToParts(d)) {
    if (type !== 'literal') p[type] = Number(value);
  }
  return {
    year: p.year ?? 0, month: p.month ?? 0, day: p.day ?? 0,
    hour: p.hour ?? 0, minute: p.minute ?? 0, second: p.second ?? 0,
  };
}

/** Offset of Berlin from UTC at this instant, in minutes (+60 CET, +120 CEST). */
export function berlinOffsetMinutes(d: Date): number {
  const p = berlinParts(d);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of 00:00 Berlin time on the given calendar day. Month/day may overflow
 * (day 32 → next month), like Date.UTC. Midnight always exists in Berlin: the DST
 * switches happen at 02:00/03:00 local time.
 */
export function berlinMidnight(year: number, month: number, day: number): Date {
  return berlinWallTime(year, month, day);
}

/**
 * The instant at which Berlin's wall clock shows this time. Fields may overflow like Date.UTC.
 * A time that does not exist (the skipped spring hour) or exists twice (the repeated autumn
 * hour) resolves to one of the candidate instants; the warden's input uses it, deadlines
 * only at midnight, which always exists.
 */
export function berlinWallTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = wall - berlinOffsetMinutes(new Date(wall)) * 60_000;
  // Second pass: the offset at the guessed instant can differ near a DST switch.
  return new Date(wall - berlinOffsetMinutes(new Date(first)) * 60_000);
}

/**
 * End of the payment window: `days` calendar days after the offence day, Berlin time.
 * Offence on day 0 → the window closes at 00:00 of day days+1, so a payment booked
 * any time on day `days` counts (procedures.md §1).
 */
export function paymentDeadline(observedAt: Date, days = 7): Date {
  if (!Number.isInteger(days) || days < 0) throw new Error(`berlin-time: days must be a non-negative integer, got ${days}`);
  const p = berlinParts(observedAt);
  return berlinMidnight(p.year, p.month, p.day + days + 1);
}

/** Last calendar day (Berlin) that still lies inside a window ending at `deadline`. */
export function lastDayBefore(deadline: Date): Date {
  assertDate(deadline);
  return new Date(deadline.getTime() - 1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25" — the Berlin calendar date of an instant. */
export function berlinDateString(d: Date): string {
  const p = berlinParts(d);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "25.11.2026" / "25 Nov 2026". Hand-built so ICU versions cannot change texts. */
export function formatBerlinDate(d: Date, locale: Locale): string {
  const p = berlinParts(d);
  return locale === 'de'
    ? `${pad(p.day)}.${pad(p.month)}.${p.year}`
    : `${p.day} ${MONTHS_EN[p.month - 1] ?? ''} ${p.year}`;
}

/** "25.11.2026, 14:05 Uhr" / "25 Nov 2026, 14:05". */
export function formatBerlinDateTime(d: Date, locale: Locale): string {
  const p = berlinParts(d);
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  return `${formatBerlinDate(d, locale)}, ${time}${locale === 'de' ? ' Uhr' : ''}`;
}

/**
 * An instant ("2026-11-25T14:41:00Z") → the Berlin wall clock for an <input type="datetime-local">
 * ("2026-11-25T15:41"); '' for anything that is not a date.
 */
export function isoToBerlinLocal(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = berlinParts(date);
  return `${berlinDateString(date)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A datetime-local value ("2026-11-25T15:41") read as Berlin time, whatever the device's zone →
 * the ISO instant with seconds and "Z" that `format: date-time` requires; undefined if it is none.
 */
export function berlinLocalToIso(local: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return undefined;
  const instant = berlinWallTime(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
