import type { CitizenTicketView } from '../../api/types.js';
import type { Dictionary } from '../../locales/de.js';

/** True once the last payable day (the deadline is the end of that day) has passed. */
export const deadlinePassed = (ticket: CitizenTicketView, now = Date.now()): boolean =>
  Boolean(ticket.paymentDeadline) && Date.parse(ticket.paymentDeadline) < now;

/**
 * The ticket's status as what applies now, where the stored status says less: a ticket recorded
 * late (or not yet moved on by the workflow) is still "open" after its deadline, but what the
 * person needs to know is that the letter is on its way; while the hearing is open, that it is.
 */
export function statusNow(ticket: CitizenTicketView, t: Dictionary, now = Date.now()): string | undefined {
  if (ticket.hearing?.open && !ticket.hearing.answered) return t.portal.nowHearingOpen;
  if (ticket.status === 'open' && deadlinePassed(ticket, now)) return t.portal.nowLetterDue;
  return undefined;
}
