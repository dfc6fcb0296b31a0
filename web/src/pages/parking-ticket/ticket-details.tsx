import type { ReactNode } from 'react';
import type { CitizenTicketView } from '../../api/types.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime, formatMoney } from '../../format.js';
import { statusNow } from './status-now.js';
import { useI18n } from '../../i18n.js';

/** What the warden recorded, in the citizen's language. */
export function TicketDetails({ ticket }: { ticket: CitizenTicketView }) {
  const { t, lang, local } = useI18n();
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'number', label: t.portal.fileNumber, value: <span className="nowrap">{ticket.ticketNumber}</span> },
    { key: 'status', label: t.portal.status, value: <StatusBadge status={ticket.status} label={statusNow(ticket, t)} /> },
    {
      key: 'offence',
      label: t.portal.offence,
      value: (
        <>
          {local(ticket.offence.title)}
          <br />
          <span className="kern-body--muted">
            {t.portal.offenceCode} {ticket.offence.code}
          </span>
        </>
      ),
    },
    { key: 'amount', label: t.portal.amount, value: formatMoney(ticket.amountCents, lang) },
    { key: 'place', label: t.portal.place, value: ticket.place },
    { key: 'time', label: t.portal.observedAt, value: formatDateTime(ticket.observedAt, lang) },
    { key: 'plate', label: t.portal.plate, value: ticket.plate },
    // The deadline is said once, in the payment box below.
    ...(ticket.paidAt ? [{ key: 'paid', label: t.portal.paidAt, value: formatDateTime(ticket.paidAt, lang) }] : []),
  ];

  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title" className="kern-heading-medium">
        {t.portal.detailsTitle}
      </h2>
      <dl className="kern-description-list">
        {rows.map((row) => (
          <div key={row.key} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{row.label}</dt>
            <dd className="kern-description-list-item__value">{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
