import type { CaseView } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { formatDateTime } from '../../format.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { useCaseStatus } from './use-case-status.js';

/** /vorgang/:caseNumber?token=… – the citizen's view of a case (link from the confirmation and e-mail). */
export function CasePage({ caseNumber, search }: { caseNumber: string; search: string }) {
  const { t } = useI18n();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [state, retry] = useCaseStatus(caseNumber, token);
  usePageTitle(t.caseView.title(caseNumber));

  return (
    <>
      <h1 className="kern-heading-x-large">{t.caseView.title(caseNumber)}</h1>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'not-found' ? <Alert type="danger" title={t.caseView.notFound} live="alert" /> : null}
      {state.kind === 'failed' ? <ErrorState message={state.message} onRetry={retry} /> : null}
      {state.kind === 'ready' ? <CaseBody view={state.view} polling={state.polling} /> : null}
    </>
  );
}

function CaseBody({ view, polling }: { view: CaseView; polling: boolean }) {
  const { t, lang, local } = useI18n();
  const intermediate = ['received', 'awaiting_decision'].includes(view.status);
  return (
    <div className="stack-lg">
      <p className="kern-body kern-body--large">{local(view.title)}</p>
      {/* Announced when the status changes; the text only changes then, so polling stays quiet. */}
      <div aria-live="polite" aria-atomic="true">
        <Alert type={intermediate ? 'info' : 'success'} title={`${t.caseView.status}: ${local(view.statusText)}`}>
          {intermediate ? <p className="kern-body">{polling ? t.caseView.updating : t.caseView.checkLater}</p> : null}
        </Alert>
      </div>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.caseView.received}</dt>
          <dd className="kern-description-list-item__value">{formatDateTime(view.receivedAt, lang)}</dd>
        </div>
      </dl>
      <section aria-labelledby="case-steps">
        <h2 id="case-steps" className="kern-heading-medium">
          {t.caseView.stepsTitle}
        </h2>
        <ol className="case-steps">
          {view.steps.map((step, i) => (
            <li key={`${step.at}-${i}`} className="case-steps__item">
              <time dateTime={step.at} className="kern-body kern-body--small case-steps__time">
                {formatDateTime(step.at, lang)}
              </time>
              <span className="kern-body">{local(step.text)}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="case-documents">
        <h2 id="case-documents" className="kern-heading-medium">
          {t.caseView.documentsTitle}
        </h2>
        {view.documents.length === 0 ? <p className="kern-body">{t.caseView.noDocuments}</p> : null}
        {view.documents.length === 0 ? null : (
        <ul className="document-list">
          {view.documents.map((doc) => (
            <li key={doc.id}>
              <a className="kern-link" href={doc.url} download>
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                {local(doc.title)} ({t.caseView.pdf})
              </a>
            </li>
          ))}
        </ul>
        )}
      </section>
    </div>
  );
}
