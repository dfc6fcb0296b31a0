/**
 * Properties of the calendar deadlines (domain/berlin-time.ts), over generated instants that
 * crowd around the daylight-saving switches and the turn of the year: the 7-day payment window
 * of a ticket, the 14-day window of the hearing letter and the notice's payment days all end
 * with `paymentDeadline(start, days)` = 00:00 Berlin after the `days`-th Berlin calendar day
 * after the start (docs/procedures/parking-ticket.md step 3). The tasks' due dates (hearing
 * decision 14 days, withdrawal 7 days) are plain N × 24 h in workflow code, not calendar days:
 * they are pinned at their real values in the workflow tests, not here.
 *
 * The oracle is an independent Intl formatter, not berlin-time.ts. Each property also runs
 * against wrong rules (one day off, UTC instead of Berlin, N × 24 h) and must find them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastDayBefore, paymentDeadline, formatBerlinDate, berlinMidnight } from '../../domain/berlin-time';
import { fineTariff } from '../../domain/fine-proceedings/fees';
import { noticeMail } from '../../activities/fine-proceedings/mails';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Rule = (start: Date, days: number) => Date;

// Oracle: Berlin calendar day and wall clock from Intl directly.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });
const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const berlinDay = (d: Date) => dayFormat.format(d); // "2026-11-25"
const berlinClock = (d: Date) => clockFormat.format(d); // "00:00:00"
const plusDays = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const dotted = (day: string) => day.split('-').reverse().join('.'); // "25.11.2026"

// Instants: anywhere in 2000–2099, and within 16 days before to 3 days after a DST switch
// (01:00 UTC on the last Sunday of March/October) or Berlin's New Year (23:00 UTC on 31 Dec),
// so that many windows start or end across one.
const lastSunday = (y: number, month: number) => {
  const last = Date.UTC(y, month, 31);
  return last - new Date(last).getUTCDay() * DAY;
};
const anchors = {
  spring: (y: number) => lastSunday(y, 2) + HOUR,
  autumn: (y: number) => lastSunday(y, 9) + HOUR,
  newYear: (y: number) => Date.UTC(y, 0, 1) - HOUR,
};
const instant = fc.oneof(
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.constantFrom(...Object.values(anchors)), fc.integer({ min: -16 * DAY, max: 3 * DAY }))
    .map(([y, anchor, offset]) => new Date(anchor(y) + offset)),
);
/** How much later a second start is: mostly within hours (where a day boundary is crossed), sometimes months. */
const later = fc.oneof(fc.integer({ min: 0, max: 6 * HOUR }), fc.integer({ min: 0, max: 100 * DAY }));
const days = fc.oneof(fc.constantFrom(7, 14, fineTariff.paymentDays), fc.integer({ min: 0, max: 60 }));

// The properties, for any rule, so the wrong rules below can be run through them too.
const properties = {
  /** Ends at 00:00 Berlin of day days+1; its last instant lies on day `days` (a payment on day `days` counts). */
  calendarRule: (rule: Rule) => fc.property(instant, days, (start, n) => {
    const end = rule(start, n);
    const first = berlinDay(start);
    expect(berlinClock(end)).toBe('00:00:00');
    expect(berlinDay(end)).toBe(plusDays(first, n + 1));
    expect(berlinDay(new Date(end.getTime() - 1))).toBe(plusDays(first, n));
  }),
  /** After the start by more than days − 1 h (a start at 23:59 on day 0, a spring switch) and at most days + 1 plus 1 h. */
  afterStart: (rule: Rule) => fc.property(instant, days, (start, n) => {
    const length = rule(start, n).getTime() - start.getTime();
    expect(length).toBeGreaterThan(n * DAY - HOUR);
    expect(length).toBeLessThanOrEqual((n + 1) * DAY + HOUR);
  }),
  /** A later start (or more days) never ends earlier. */
  monotonic: (rule: Rule) => fc.property(instant, later, days, days, (early, by, n, m) => {
    const late = new Date(early.getTime() + by);
    expect(rule(early, n).getTime()).toBeLessThanOrEqual(rule(late, n).getTime());
    expect(rule(early, Math.min(n, m)).getTime()).toBeLessThanOrEqual(rule(early, Math.max(n, m)).getTime());
  }),
};

/** The notice e-mail's "bis einschließlich …" for a deadline made by `rule`, with the letter's own formatting. */
const letterProperty = (rule: Rule, lastDay: (deadline: Date) => Date = lastDayBefore) => fc.property(instant, days, (start, n) => {
  const deadline = rule(start, n);
  const mail = noticeMail({
    to: 'a@example.org', kind: 'fine_notice', ticketNumber: 'VG-2026-000001', totalCents: 5_850, deadline: deadline.toISOString(),
    reference: 'RF18539007547034', portalBaseUrl: 'https://example.org', pdf: Buffer.alloc(0), filename: 'b.pdf', caseLink: 'https://example.org/x',
  });
  const day = plusDays(berlinDay(start), n);
  expect(mail.text).toContain(`bis einschließlich ${dotted(day)},`);
  // The same date, however it is printed: German on the letters and cards, English in the mail.
  expect(formatBerlinDate(lastDay(deadline), 'de')).toBe(dotted(day));
  expect(berlinDay(lastDay(deadline))).toBe(day);
});

// Wrong rules a change could introduce; every property must catch the ones it is about.
const wrong: Record<string, Rule> = {
  oneDayLate: (s, n) => paymentDeadline(s, n + 1),
  oneDayEarly: (s, n) => new Date(paymentDeadline(s, n).getTime() - DAY),
  utcMidnight: (s, n) => new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate() + n + 1)),
  utcCalendarDay: (s, n) => berlinMidnight(s.getUTCFullYear(), s.getUTCMonth() + 1, s.getUTCDate() + n + 1),
  wholeDaysFromMidnight: (s, n) => {
    const [y, m, d] = berlinDay(s).split('-').map(Number) as [number, number, number];
    return new Date(berlinMidnight(y, m, d).getTime() + (n + 1) * DAY);
  },
  fixedLengthFromStart: (s, n) => new Date(s.getTime() + n * DAY),
};
const fails = <T>(property: fc.IProperty<T>) => fc.check(property, { numRuns: 1_000 }).failed;

describe('deadline properties (7-day ticket window, 14-day letter, notice payment days)', () => {
  it('when any start and number of days is given, then the window ends at 00:00 Berlin after the last counted calendar day', () => {
    fc.assert(properties.calendarRule(paymentDeadline), { numRuns: 2_000 });
  });

  it('when any start is given, then the deadline is never before it and at most days + 1 days (±1 h of DST) after it', () => {
    fc.assert(properties.afterStart(paymentDeadline), { numRuns: 1_000 });
  });

  it('when the start moves later or the days grow, then the deadline never moves earlier', () => {
    fc.assert(properties.monotonic(paymentDeadline), { numRuns: 1_000 });
  });

  it('when a notice is mailed, then "bis einschließlich" prints the Berlin calendar day `days` after the start', () => {
    fc.assert(letterProperty(paymentDeadline), { numRuns: 500 });
  });

  it('when the rule is one day off, uses UTC instead of Berlin or counts 24-hour days, then the properties fail', () => {
    for (const name of Object.keys(wrong)) {
      expect.soft(fails(properties.calendarRule(wrong[name]!)), `calendar rule catches ${name}`).toBe(true);
    }
    expect(fails(properties.afterStart(wrong.oneDayLate!)), 'a window a day too long').toBe(true);
    expect(fails(letterProperty(wrong.oneDayLate!))).toBe(true);
    expect(fails(letterProperty(wrong.utcCalendarDay!))).toBe(true);
    // The letter printing the exclusive end instead of the last day counted.
    expect(fails(letterProperty(paymentDeadline, (d) => d))).toBe(true);
  });

  it('when the rule is not monotonic (a start after 23:00 Berlin ends a day earlier), then the monotonic property fails', () => {
    const jumpy: Rule = (s, n) => paymentDeadline(s, berlinClock(s) >= '23:00:00' ? n - 1 : n);
    expect(fails(properties.monotonic(jumpy))).toBe(true);
  });
});
