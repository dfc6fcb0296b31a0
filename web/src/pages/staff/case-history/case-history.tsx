import type { Lang } from '../../../api/types.js';
import { ErrorState } from '../../../components/error-state.js';
import { Loading } from '../../../components/loading.js';
import { formatDateTime } from '../../../format.js';
import { useI18n } from '../../../i18n.js';
import type { StaffCaseState } from './use-staff-case.js';
import type { HistoryEvent, StaffCase } from '../../../api/types.js';
import { hasRole, useStaffSession } from '../../../staff-session.js';
import { historySentence, isDoubledStep, technicalDetails } from './history-sentence.js';

/** Documents and the audit trail of a case; used on the case page and beside an inbox task. */
export function CaseHistory({ state, reload, headingLevel = 2 }: { state: StaffCaseState; reload: () => void; headingLevel?: 2 | 3 }) {
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return <ErrorState message={state.message} onRetry={reload} />;
  return (
    <div className="stack-lg">
      <CaseDocuments value={state.value} headingLevel={headingLevel} />
      <HistoryTable value={state.value} headingLevel={headingLevel} />
    </div>
  );
}

function Heading({ level, id, children }: { level: 2 | 3; id: string; children: string }) {
  return level === 2
    ? <h2 id={id} className="kern-heading-medium">{children}</h2>
    : <h3 id={id} className="kern-heading-small">{children}</h3>;
}

function CaseDocuments({ value, headingLevel }: { value: StaffCase; headingLevel: 2 | 3 }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="case-documents-title" className="stack">
      <Heading level={headingLevel} id="case-documents-title">{t.caseHistory.documentsTitle}</Heading>
      {value.documents.length === 0 ? <p className="kern-body">{t.caseHistory.noDocuments}</p> : (
        <ul className="kern-list">
          {value.documents.map((d) => (
            <li key={d.id}>
              <a className="kern-link" href={d.url} target="_blank" rel="noopener">
                {t.caseHistory.documentKind(d.kind)}: {d.filename}
                <span className="sr-only"> ({t.site.newTab})</span>
              </a>{' '}
              <span className="kern-body kern-body--small">({formatDateTime(d.createdAt, lang)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function actorText(e: HistoryEvent, t: ReturnType<typeof useI18n>['t']): string {
  if (e.actor === 'system') return t.caseHistory.actorSystem;
  if (e.actor === 'citizen' || e.actor.startsWith('citizen:')) return t.caseHistory.actorCitizen;
  // A payment books itself: its channel in words, not the key `payment:bank_transfer`.
  if (e.actor.startsWith('payment:')) return t.caseHistory.actorPayment(e.actor.slice('payment:'.length));
  return e.actorName ? `${e.actorName} (${e.actor})` : e.actor;
}

function HistoryTable({ value, headingLevel }: { value: StaffCase; headingLevel: 2 | 3 }) {
  const { t, lang } = useI18n();
  const admin = hasRole(useStaffSession(), ['admin']);
  const events = value.history.filter((e) => !isDoubledStep(e.action, e.details, value.history));
  return (
    <section aria-labelledby="case-history-title" className="stack">
      <Heading level={headingLevel} id="case-history-title">{t.caseHistory.historyTitle}</Heading>
      <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby="case-history-title">
        <table className="kern-table kern-table--small">
          <caption className="sr-only">{t.caseHistory.historyCaption(value.caseNumber)}</caption>
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">{t.caseHistory.when}</th>
              <th scope="col" className="kern-table__header">{t.caseHistory.who}</th>
              <th scope="col" className="kern-table__header">{t.caseHistory.what}</th>
              <th scope="col" className="kern-table__header">{t.caseHistory.details}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {events.map((e, i) => (
              <tr key={`${e.at}-${i}`} className="kern-table__row">
                <td className="kern-table__cell">{formatDateTime(e.at, lang as Lang)}</td>
                <td className="kern-table__cell">{actorText(e, t)}</td>
                <th scope="row" className="kern-table__header">{t.caseHistory.actionText(e.action)}</th>
                <td className="kern-table__cell">
                  {historySentence(e.action, e.details, lang as Lang)}
                  {admin ? <TechnicalDetails event={e} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Ids of the task, the workflow run and such: for administrators, folded away. */
function TechnicalDetails({ event }: { event: HistoryEvent }) {
  const { t } = useI18n();
  const rows = [...technicalDetails(event.details), ...(event.workflowId ? [[t.caseHistory.run, `${event.workflowId} / ${event.runId ?? ''}`] as [string, string]] : [])];
  if (rows.length === 0) return null;
  return (
    <details className="case-history__technical">
      <summary className="kern-body kern-body--small">{t.caseHistory.technical}</summary>
      <dl className="kern-body kern-body--small">
        {rows.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
    </details>
  );
}
