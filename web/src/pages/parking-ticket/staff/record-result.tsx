import { useEffect, useRef } from 'react';
import type { RecordedTicket } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { formatLastPayableDay, formatMoney, formatReference } from '../../../format.js';
import { useI18n } from '../../../i18n.js';

/** What the warden needs next: the card to print and the data printed on it. */
export function RecordResult({ ticket, onNext }: { ticket: RecordedTicket; onNext: () => void }) {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const rows = [
    { key: 'number', label: t.portal.fileNumber, value: ticket.ticketNumber },
    { key: 'amount', label: t.portal.amount, value: formatMoney(ticket.amountCents, lang) },
    { key: 'deadline', label: t.portal.deadline, value: t.portal.payableUntil(formatLastPayableDay(ticket.paymentDeadline, lang)) },
    { key: 'code', label: t.staff.ticketCode, value: <span className="mono">{ticket.accessCode}</span> },
    { key: 'reference', label: t.portal.reference, value: <span className="mono">{formatReference(ticket.reference)}</span> },
    {
      key: 'portal',
      label: t.staff.portalUrl,
      value: (
        <a className="kern-link" href={ticket.portalUrl}>
          {ticket.portalUrl}
        </a>
      ),
    },
    { key: 'status', label: t.portal.status, value: <StatusBadge status={ticket.status} /> },
  ];

  return (
    <section aria-labelledby="record-result-title" className="stack">
      <Alert type="success" title={t.staff.recordedTitle} live="status" />
      <h2 id="record-result-title" ref={heading} tabIndex={-1} className="kern-heading-medium">
        {t.portal.ticketTitle(ticket.ticketNumber)}
      </h2>
      <dl className="kern-description-list">
        {rows.map((row) => (
          <div key={row.key} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{row.label}</dt>
            <dd className="kern-description-list-item__value">{row.value}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        <a className="kern-btn kern-btn--secondary" href={ticket.noticeCardUrl} target="_blank" rel="noopener">
          <span className="kern-icon kern-icon--open-in-new" aria-hidden="true" />
          <span className="kern-label">
            {t.staff.noticeCard}
            <span className="sr-only"> ({t.site.newTab})</span>
          </span>
        </a>
        <button type="button" className="kern-btn kern-btn--primary" onClick={onNext}>
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t.staff.next}</span>
        </button>
      </div>
    </section>
  );
}
