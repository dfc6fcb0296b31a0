import { describe, it, expect } from 'vitest';
import {
  berlinDateString, berlinLocalToIso, berlinMidnight, berlinOffsetMinutes, formatBerlinDate, formatBerlinDateTime,
  isoToBerlinLocal, lastDayBefore, paymentDeadline,
} from '../../domain/berlin-time';
import * as webBerlinTime from '../../web/src/berlin-time';

const at = (iso: string) => new Date(iso);
const deadline = (iso: string, days?: number) => paymentDeadline(at(iso), days).toISOString();

describe('paymentDeadline (7 calendar days, Europe/Berlin, day 7 counts)', () => {
  it('when the offence is on an ordinary winter day, then the window ends at 00:00 CET of day 8', () => {
    // Wed 25 Nov 2026 14:05 CET → last day Wed 2 Dec → ends 3 Dec 00:00 CET.
    expect(deadline('2026-11-25T13:05:00Z')).toBe('2026-12-02T23:00:00.000Z');
  });

  it('when DST starts inside the window (spring), then the deadline is 00:00 CEST', () => {
    // 25 Mar 2026 23:30 CET; clocks go forward on 29 Mar → ends 2 Apr 00:00 CEST.
    expect(deadline('2026-03-25T22:30:00Z')).toBe('2026-04-01T22:00:00.000Z');
  });

  it('when DST ends inside the window (autumn), then the deadline is 00:00 CET', () => {
    // 20 Oct 2026 12:00 CEST; clocks go back on 25 Oct → ends 28 Oct 00:00 CET.
    expect(deadline('2026-10-20T10:00:00Z')).toBe('2026-10-27T23:00:00.000Z');
  });

  it('when the offence is in the repeated hour of the autumn switch, then day 0 is 25 Oct', () => {
    expect(deadline('2026-10-25T00:30:00Z')).toBe('2026-11-01T23:00:00.000Z'); // 02:30 CEST
    expect(deadline('2026-10-25T01:30:00Z')).toBe('2026-11-01T23:00:00.000Z'); // 02:30 CET
  });

  it('when the offence is one second before / at Berlin midnight, then the day is counted in Berlin', () => {
    expect(deadline('2026-03-25T22:59:59Z')).toBe('2026-04-01T22:00:00.000Z'); // 23:59:59 CET on 25 Mar
    expect(deadline('2026-03-25T23:00:00Z')).toBe('2026-04-02T22:00:00.000Z'); // 00:00 CET on 26 Mar
  });

  it('when the UTC date is still the previous day, then the Berlin date decides', () => {
    // 10 Jul 2026 22:30 UTC = 11 Jul 00:30 CEST → last day 18 Jul → ends 19 Jul 00:00 CEST.
    expect(deadline('2026-07-10T22:30:00Z')).toBe('2026-07-18T22:00:00.000Z');
  });

  it('when the window crosses the new year, then month and year roll over', () => {
    expect(deadline('2026-12-28T10:00:00Z')).toBe('2027-01-04T23:00:00.000Z');
  });

  it('when days = 14 (letter deadline), then 14 calendar days count', () => {
    expect(deadline('2026-12-04T08:00:00Z', 14)).toBe('2026-12-18T23:00:00.000Z');
    expect(deadline('2026-03-20T08:00:00Z', 14)).toBe('2026-04-03T22:00:00.000Z');
  });

  it('a payment at 23:59 on day 7 is inside, one at 00:00 on day 8 is not', () => {
    const end = paymentDeadline(at('2026-11-25T13:05:00Z'));
    expect(at('2026-12-02T22:59:00Z') < end).toBe(true); // 23:59 CET on 2 Dec
    expect(at('2026-12-02T23:00:00Z') < end).toBe(false);
    expect(berlinDateString(lastDayBefore(end))).toBe('2026-12-02');
  });

  it('rejects negative or fractional days and invalid dates', () => {
    expect(() => paymentDeadline(at('2026-11-25T13:05:00Z'), -1)).toThrow();
    expect(() => paymentDeadline(at('2026-11-25T13:05:00Z'), 1.5)).toThrow();
    expect(() => paymentDeadline(at('not a date'))).toThrow(/invalid date/);
  });
});

describe('Berlin calendar helpers', () => {
  it('berlinOffsetMinutes is +60 in winter and +120 in summer', () => {
    expect(berlinOffsetMinutes(at('2026-01-15T12:00:00Z'))).toBe(60);
    expect(berlinOffsetMinutes(at('2026-07-15T12:00:00Z'))).toBe(120);
  });

  it('berlinMidnight handles day overflow', () => {
    expect(berlinMidnight(2026, 2, 29).toISOString()).toBe('2026-02-28T23:00:00.000Z'); // = 1 Mar
  });

  it('berlinDateString uses the Berlin calendar day', () => {
    expect(berlinDateString(at('2026-11-25T23:30:00Z'))).toBe('2026-11-26');
    expect(berlinDateString(at('2026-11-25T13:05:00Z'))).toBe('2026-11-25');
  });

  it('formats date and time for texts', () => {
    expect(formatBerlinDateTime(at('2026-11-25T13:05:00Z'), 'de')).toBe('25.11.2026, 14:05 Uhr');
    expect(formatBerlinDateTime(at('2026-11-25T13:05:00Z'), 'en')).toBe('25 Nov 2026, 14:05');
    expect(formatBerlinDateTime(at('2026-07-01T22:00:00Z'), 'de')).toBe('02.07.2026, 00:00 Uhr');
    expect(formatBerlinDate(at('2026-03-05T10:00:00Z'), 'en')).toBe('5 Mar 2026');
  });
});

describe('the warden\'s datetime-local input (the same module in the browser)', () => {
  it('when the web app imports its Berlin time, then it is the domain module, not a copy', () => {
    expect(webBerlinTime.berlinLocalToIso).toBe(berlinLocalToIso);
    expect(webBerlinTime.isoToBerlinLocal).toBe(isoToBerlinLocal);
  });

  it('when an instant is shown, then the input gets Berlin\'s wall clock in winter and summer', () => {
    expect(isoToBerlinLocal('2026-11-25T14:41:00Z')).toBe('2026-11-25T15:41');
    expect(isoToBerlinLocal('2026-07-10T22:30:00Z')).toBe('2026-07-11T00:30');
    expect(isoToBerlinLocal('')).toBe('');
    expect(isoToBerlinLocal('not a date')).toBe('');
    expect(isoToBerlinLocal(42)).toBe('');
  });

  it('when the input is read, then it is Berlin time as an ISO instant with seconds and Z; the round trip holds', () => {
    expect(berlinLocalToIso('2026-11-25T15:41')).toBe('2026-11-25T14:41:00Z');
    expect(berlinLocalToIso('2026-07-11T00:30:15')).toBe('2026-07-10T22:30:15Z');
    expect(berlinLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00Z'); // first hour after the spring switch
    expect(berlinLocalToIso('')).toBeUndefined();
    expect(berlinLocalToIso('25.11.2026 15:41')).toBeUndefined();
    for (const iso of ['2026-01-01T00:00:00Z', '2026-10-25T02:00:00Z', '2026-12-31T23:59:00Z']) {
      expect(berlinLocalToIso(isoToBerlinLocal(iso))).toBe(iso);
    }
  });
});
