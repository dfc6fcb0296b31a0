import type { OutboxItem } from '../../api/types.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { formatDateTime } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { PagedState } from './use-list.js';
import { ShowMore } from './show-more.js';

/** Letters the workflow queued for printing and postal dispatch. */
export function OutboxTable({ list, reload, more }: { list: PagedState<OutboxItem>; reload: () => void; more: () => void }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="outbox-title" className="stack">
      <div className="section-head">
        <h2 id="outbox-title" className="kern-heading-medium">
          {t.staff.outboxTitle}
        </h2>
        <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={reload}>
          <span className="kern-icon kern-icon--autorenew" aria-hidden="true" />
          <span className="kern-label">
            {t.staff.refresh}
            <span className="sr-only">: {t.staff.outboxTitle}</span>
          </span>
        </button>
      </div>
      {list.kind === 'loading' ? <Loading /> : null}
      {list.kind === 'failed' ? <ErrorState message={list.message} onRetry={reload} /> : null}
      {list.kind === 'ready' && list.items.length === 0 ? <p className="kern-body">{t.staff.noLetters}</p> : null}
      {list.kind === 'ready' && list.items.length > 0 ? (
        <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby="outbox-title">
          <table className="kern-table kern-table--small">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">{t.portal.fileNumber}</th>
                <th scope="col" className="kern-table__header">{t.staff.recipient}</th>
                <th scope="col" className="kern-table__header">{t.staff.createdAt}</th>
                <th scope="col" className="kern-table__header">{t.portal.status}</th>
                <th scope="col" className="kern-table__header">{t.staff.letter}</th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {list.items.map((item) => (
                <tr key={item.id} className="kern-table__row">
                  <th scope="row" className="kern-table__header">{item.ticketNumber}</th>
                  <td className="kern-table__cell">{item.recipientName}</td>
                  <td className="kern-table__cell">{formatDateTime(item.createdAt, lang)}</td>
                  <td className="kern-table__cell">{t.staff.letterStatus[item.status] ?? item.status}</td>
                  <td className="kern-table__cell">
                    <a className="kern-link" href={item.documentUrl} target="_blank" rel="noopener">
                      {t.staff.letterLink(item.ticketNumber)}
                      <span className="sr-only"> ({t.site.newTab})</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ShowMore list={list} more={more} what={t.staff.outboxTitle} />
    </section>
  );
}
