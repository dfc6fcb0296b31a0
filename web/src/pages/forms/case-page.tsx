import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { CaseView, StatusLinkReplaced } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { CopyButton } from '../../components/copy-button.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { formatDateTime } from '../../format.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { useCaseStatus } from './use-case-status.js';

/**
 * The status token of the link: in its fragment (`#<token>`, never sent to a server). An older
 * link with `?token=` is moved into the fragment, out of what a server or a Referer sees.
 */
function tokenOfLink(search: string): string {
  const fromHash = window.location.hash.replace(/^#/, '');
  if (fromHash) return fromHash;
  const fromQuery = new URLSearchParams(search).get('token') ?? '';
  if (fromQuery) window.history.replaceState(window.history.state, '', `${window.location.pathname}#${fromQuery}`);
  return fromQuery;
}

/** /vorgang/:caseNumber#<token> – the citizen's view of a case (link from the confirmation and e-mail). */
export function CasePage({ caseNumber, search }: { caseNumber: string; search: string }) {
  const { t } = useI18n();
  const [token, setToken] = useState(() => tokenOfLink(search));
  const [state, retry] = useCaseStatus(caseNumber, token);
  usePageTitle(t.caseView.title(caseNumber));

  return (
    <>
      <h1 className="kern-heading-x-large">{t.caseView.title(caseNumber)}</h1>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'not-found' ? <Alert type="danger" title={t.caseView.notFound} live="alert" /> : null}
      {state.kind === 'failed' ? <ErrorState message={state.message} onRetry={retry} /> : null}
      {state.kind === 'ready' ? (
        <div className="stack-lg">
          <CaseBody view={state.view} polling={state.polling} token={token} />
          <ReplaceLink caseNumber={caseNumber} token={token} onReplaced={setToken} />
        </div>
      ) : null}
    </>
  );
}

/** The documents need the token, which a plain link must not carry: fetched by POST, then opened as a blob. */
async function download(url: string, token: string, filename: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }), credentials: 'same-origin' });
  if (!res.ok) throw new Error(res.statusText);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function CaseBody({ view, polling, token }: { view: CaseView; polling: boolean; token: string }) {
  const { t, lang, local } = useI18n();
  const [error, setError] = useState<string>();
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
              <button type="button" className="kern-link link-button"
                onClick={() => { setError(undefined); download(doc.url, token, `${local(doc.title)}.pdf`).catch(() => setError(t.errors.unexpected)); }}>
                <span className="kern-icon kern-icon--download" aria-hidden="true" />
                {local(doc.title)} ({t.caseView.pdf})
              </button>
            </li>
          ))}
        </ul>
        )}
        {error ? <Alert type="danger" title={error} live="alert" /> : null}
      </section>
    </div>
  );
}

/** The citizen revokes the link (shared, opened on someone else's device): a new one replaces it, the old one stops working. */
function ReplaceLink({ caseNumber, token, onReplaced }: { caseNumber: string; token: string; onReplaced: (token: string) => void }) {
  const { t } = useI18n();
  const [replaced, setReplaced] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function replace() {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<StatusLinkReplaced>(`/api/cases/${encodeURIComponent(caseNumber)}/status-link`, { method: 'POST', body: { token } });
      window.history.replaceState(window.history.state, '', `${window.location.pathname}#${next.statusToken}`);
      setReplaced(next.statusUrl);
      onReplaced(next.statusToken);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="status-link-title" className="stack">
      <h2 id="status-link-title" className="kern-heading-medium">
        {t.statusLink.title}
      </h2>
      {replaced ? (
        <>
          <Alert type="success" title={t.statusLink.replaced} live="status" />
          <p className="kern-body kern-body--small mono">{replaced}</p>
          <CopyButton value={replaced} what={t.statusLink.linkWhat} />
        </>
      ) : (
        <>
          <p className="kern-body">{t.statusLink.intro}</p>
          <div>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void replace()}>
              <span className="kern-label">{t.statusLink.replace}</span>
            </button>
          </div>
        </>
      )}
      {error ? <Alert type="danger" title={error} live="alert" /> : null}
    </section>
  );
}
