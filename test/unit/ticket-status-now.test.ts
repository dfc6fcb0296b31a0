import { describe, expect, it } from 'vitest';
import { deadlinePassed, statusNow } from '../../web/src/pages/parking-ticket/status-now';
import { de } from '../../web/src/locales/de';
import type { CitizenTicketView } from '../../web/src/api/types';

const ticket = (over: Partial<CitizenTicketView>) => ({ status: 'open', paymentDeadline: '2026-12-01T23:00:00.000Z', hearing: { open: false, answered: false }, ...over }) as CitizenTicketView;
const after = Date.parse('2026-12-02T10:00:00Z');
const before = Date.parse('2026-12-01T10:00:00Z');

describe('what the ticket page says applies now', () => {
  it('when an open ticket is past its deadline, then the letter is on its way', () => {
    expect(deadlinePassed(ticket({}), after)).toBe(true);
    expect(statusNow(ticket({}), de, after)).toBe(de.portal.nowLetterDue);
  });
  it('when an open ticket is within its deadline, then its status says enough', () => {
    expect(statusNow(ticket({}), de, before)).toBeUndefined();
  });
  it('when the hearing is open, then that is what applies', () => {
    expect(statusNow(ticket({ status: 'letter_sent', hearing: { open: true, answered: false } as CitizenTicketView['hearing'] }), de, after)).toBe(de.portal.nowHearingOpen);
  });
});
