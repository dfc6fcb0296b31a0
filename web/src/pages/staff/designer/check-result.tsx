import type { FormCheck } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { useI18n } from '../../../i18n.js';

/** Problems (what blocks publishing) and the diff against the published version. */
export function CheckResult({ check }: { check: Pick<FormCheck, 'publishable' | 'problems'> & Partial<FormCheck> }) {
  const { t, local } = useI18n();
  return (
    <section aria-labelledby="check-title" className="stack">
      <h3 id="check-title" tabIndex={-1} className="review-section__title">
        {t.designer.checkTitle}
      </h3>
      <Alert type={check.publishable ? 'success' : 'danger'} title={check.publishable ? t.designer.publishable : t.designer.notPublishable}>
        {check.problems.length ? (
          <ul className="kern-list">
            {check.problems.map((p, i) => (
              <li key={i} className="kern-body">
                {p.field ? <code>{p.field}</code> : null} {p.message}
              </li>
            ))}
          </ul>
        ) : null}
      </Alert>
      {check.diff ? (
        <>
          <h4 className="review-group__title">{t.designer.diffTitle(check.against ?? null)}</h4>
          {check.diff.length === 0 ? (
            <p className="kern-body">{t.designer.noDiff}</p>
          ) : (
            <ul className="diff-list">
              {check.diff.map((change, i) => (
                <li key={i} className={`diff-list__item diff-list__item--${change.kind}`}>
                  <span className="diff-list__kind">{t.designer.kind[change.kind]}</span> <code>{change.path}</code>:{' '}
                  {typeof change.message === 'string' ? change.message : local(change.message)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
