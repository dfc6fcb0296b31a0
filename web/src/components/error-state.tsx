import { useI18n } from '../i18n.js';
import { Alert } from './alert.js';

/** A failed load: the API's message plus a way to try again without reloading the page. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="danger" title={t.site.errorTitle} live="alert">
      <p className="kern-body">{message}</p>
      {onRetry ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onRetry}>
          <span className="kern-label">{t.site.retry}</span>
        </button>
      ) : null}
    </Alert>
  );
}
