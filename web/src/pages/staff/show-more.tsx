import { useEffect, useRef } from 'react';
import { Alert } from '../../components/alert.js';
import { useI18n } from '../../i18n.js';
import type { PagedState } from './use-list.js';

/**
 * Below a paged list: how many of how many are shown, and a button for the next page. When the
 * last page came in, the button goes away and the focus moves to the count (not to the page's top).
 */
export function ShowMore<T>({ list, more, what }: { list: PagedState<T>; more: () => void; what: string }) {
  const { t } = useI18n();
  const count = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  const ready = list.kind === 'ready' ? list : undefined;
  useEffect(() => {
    if (asked.current && ready && !ready.loadingMore && !ready.nextCursor) {
      asked.current = false;
      count.current?.focus();
    }
  }, [ready]);
  if (!ready || ready.items.length === 0) return null;
  return (
    <div className="stack">
      <p ref={count} tabIndex={-1} className="kern-body kern-body--small" aria-live="polite">
        {t.staff.shownOf(ready.items.length, ready.total)}
      </p>
      {ready.moreFailed ? <Alert type="danger" title={ready.moreFailed} /> : null}
      {ready.nextCursor ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => { asked.current = true; more(); }} disabled={ready.loadingMore} aria-busy={ready.loadingMore}>
          <span className="kern-label">
            {ready.loadingMore ? t.staff.loadingMore : t.staff.showMore}
            <span className="sr-only">: {what}</span>
          </span>
        </button>
      ) : null}
    </div>
  );
}
