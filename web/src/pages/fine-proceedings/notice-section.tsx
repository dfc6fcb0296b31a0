import { useState } from 'react';
import { messageOf } from '../../api.js';
import { Alert } from '../../components/alert.js';
import { formatLastPayableDay, formatMoney } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { CitizenTicketView } from '../../api/types.js';

/** The Bußgeldbescheid or Kostenbescheid: amounts, deadline, remedy, and the PDF. */
export function NoticeSection({ ticket, token }: { ticket: CitizenTicketView; token: string }) {
  const { t, lang } = useI18n();
  const [error, setError] = useState<string>();
  const notice = ticket.notice;
  if (!notice) return null;
  const fine = notice.kind === 'fine_notice';
  const rows: [string, string][] = [
    ...(fine ? [[t.hearing.fine, formatMoney(notice.fineCents, lang)] as [string, string]] : []),
    [t.hearing.fee, formatMoney(notice.feeCents, lang)],
    [t.hearing.postage, formatMoney(notice.postageCents, lang)],
    [t.hearing.total, formatMoney(notice.totalCents, lang)],
    [t.hearing.noticeDeadline, formatLastPayableDay(notice.deadline, lang)],
  ];

  // The PDF needs the portal token, which a plain link cannot send: fetched, then opened as a blob.
  async function openPdf() {
    setError(undefined);
    try {
      const res = await fetch(notice!.documentUrl, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(res.statusText);
      const url = URL.createObjectURL(await res.blob());
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <section aria-labelledby="notice-title" className="stack">
      <h2 id="notice-title" className="kern-heading-medium">
        {t.hearing.noticeTitle(fine)}
      </h2>
      <dl className="kern-description-list">
        {rows.map(([label, value]) => (
          <div key={label} className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{label}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="kern-body">{fine ? t.hearing.noticeRemedy : t.hearing.costRemedy}</p>
      {ticket.access === 'case' ? (
        <div>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void openPdf()}>
            <span className="kern-label">{t.hearing.noticePdf}</span>
          </button>
        </div>
      ) : (
        // The notice can carry the name and address of whoever it is for: not for the card's code alone.
        <p className="kern-body">{t.codes.noticeNeedsCode}</p>
      )}
      {error ? <Alert type="danger" title={error} live="alert" /> : null}
    </section>
  );
}
