import { useRef, useState } from 'react';
import type { StaffTicket, TicketStatus } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { ErrorState } from '../../../components/error-state.js';
import { Loading } from '../../../components/loading.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { formatDateTime, formatLastPayableDay, formatMoney } from '../../../format.js';
import { useI18n } from '../../../i18n.js';
import { usePagedList } from '../../staff/use-list.js';
import { ShowMore } from '../../staff/show-more.js';
import { WithdrawDialog } from './withdraw-dialog.js';

// Withdrawal can be requested until a notice is issued (the server would answer 409 ticket_closed).
const WITHDRAWABLE: TicketStatus[] = ['open', 'letter_sent', 'holder_unknown', 'decision_pending'];

export function TicketsTable({ onChanged }: { onChanged: () => void }) {
  const { t, lang, local } = useI18n();
  const [status, setStatus] = useState<TicketStatus | ''>('');
  // Newest first, a page at a time; the server filters by status.
  const [list, reload, more] = usePagedList<StaffTicket>(`/api/parking-tickets${status ? `?status=${status}` : ''}`);
  const [withdrawing, setWithdrawing] = useState<string>();
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  async function done(ticketNumber: string, requested: boolean) {
    setWithdrawing(undefined);
    if (!requested) return opener.current?.focus();
    // The traffic department decides in its inbox; the ticket's status changes only then.
    setNotice(t.hearing.requested(ticketNumber));
    await reload();
    onChanged();
    noticeRef.current?.focus();
  }

  const items = list.kind === 'ready' ? list.items : [];

  return (
    <section aria-labelledby="tickets-title" className="stack">
      <h2 id="tickets-title" className="kern-heading-medium">
        {t.staff.ticketsTitle}
      </h2>
      <div className="kern-form-input filter">
        <label className="kern-label" htmlFor="ticket-status-filter">
          {t.staff.filterLabel}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id="ticket-status-filter"
            className="kern-form-input__select"
            value={status}
            onChange={(e) => setStatus(e.target.value as TicketStatus | '')}
          >
            <option value="">{t.staff.filterAll}</option>
            {(Object.keys(t.status) as TicketStatus[]).filter((s) => s !== 'registering').map((s) => (
              <option key={s} value={s}>
                {t.status[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div ref={noticeRef} tabIndex={-1} role="status">
        {notice ? <Alert type="success" title={notice} /> : null}
      </div>
      {list.kind === 'loading' ? <Loading /> : null}
      {list.kind === 'failed' ? <ErrorState message={list.message} onRetry={reload} /> : null}
      {list.kind === 'ready' && items.length === 0 ? <p className="kern-body">{t.staff.noTickets}</p> : null}
      {list.kind === 'ready' && items.length > 0 ? (
        <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby="tickets-title">
          <table className="kern-table kern-table--small">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">{t.portal.fileNumber}</th>
                <th scope="col" className="kern-table__header">{t.portal.plate}</th>
                <th scope="col" className="kern-table__header">{t.portal.offence}</th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">{t.portal.amount}</th>
                <th scope="col" className="kern-table__header">{t.portal.place}</th>
                <th scope="col" className="kern-table__header">{t.portal.observedAt}</th>
                <th scope="col" className="kern-table__header">{t.portal.deadline}</th>
                <th scope="col" className="kern-table__header">{t.portal.status}</th>
                <th scope="col" className="kern-table__header kern-table__header--action">{t.staff.actions}</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {items.map((ticket) => (
                <tr key={ticket.ticketNumber} className="kern-table__row">
                  <th scope="row" className="kern-table__header">{ticket.ticketNumber}</th>
                  <td className="kern-table__cell nowrap">{ticket.plate}</td>
                  <td className="kern-table__cell">
                    {local(ticket.offence.title)} ({ticket.offence.code})
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatMoney(ticket.amountCents, lang)}</td>
                  <td className="kern-table__cell">{ticket.place}</td>
                  <td className="kern-table__cell">{formatDateTime(ticket.observedAt, lang)}</td>
                  <td className="kern-table__cell">{formatLastPayableDay(ticket.paymentDeadline, lang)}</td>
                  <td className="kern-table__cell">
                    <StatusBadge status={ticket.status} />
                  </td>
                  <td className="kern-table__cell kern-table__cell--action">
                    {WITHDRAWABLE.includes(ticket.status) ? (
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary kern-btn--x-small"
                        onClick={(e) => {
                          opener.current = e.currentTarget;
                          setWithdrawing(ticket.ticketNumber);
                        }}
                      >
                        <span className="kern-label">
                          {t.hearing.requestWithdrawal}
                          <span className="sr-only"> {ticket.ticketNumber}</span>
                        </span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore list={list} more={() => void more()} what={t.staff.ticketsTitle} />
      {withdrawing ? <WithdrawDialog ticketNumber={withdrawing} onDone={(ok) => void done(withdrawing, ok)} /> : null}
    </section>
  );
}
