import { Alert } from '../../components/alert.js';
import { useI18n } from '../../i18n.js';
import type { PagedState } from './use-list.js';

/** Below a paged list: how many of how many are shown, and a button for the next page. */
export function ShowMore<T>({ list, more, what }: { list: PagedState<T>; more: () => void; what: string }) {
  const { t } = useI18n();
  if (list.kind !== 'ready' || list.items.length === 0) return null;
  return (
    <div className="stack">
      <p className="kern-body kern-body--small" aria-live="polite">
        {t.staff.shownOf(list.items.length, list.total)}
      </p>
      {list.moreFailed ? <Alert type="danger" title={list.moreFailed} /> : null}
      {list.nextCursor ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={more} disabled={list.loadingMore} aria-busy={list.loadingMore}>
          <span className="kern-label">
            {list.loadingMore ? t.staff.loadingMore : t.staff.showMore}
            <span className="sr-only">: {what}</span>
          </span>
        </button>
      ) : null}
    </div>
  );
}
