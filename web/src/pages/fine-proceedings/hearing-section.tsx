import { lazy, Suspense, useState } from 'react';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { formatLastPayableDay } from '../../format.js';
import { useI18n } from '../../i18n.js';
import type { CitizenTicketView } from '../../api/types.js';

// The answer form pulls in rjsf and ajv: loaded only when the person chooses to answer.
const HearingAnswerForm = lazy(() => import('./hearing-answer-form.js').then((m) => ({ default: m.HearingAnswerForm })));

type Props = { ticket: CitizenTicketView; token: string; onAnswered: (ticket: CitizenTicketView) => void };

/** The Anhörung (§ 55 OWiG) online: the accusation, the Belehrung, and the answer form. */
export function HearingSection({ ticket, token, onAnswered }: Props) {
  const { t, lang, local } = useI18n();
  const [answering, setAnswering] = useState(false);
  const { accusation, hearing } = ticket;
  if (!hearing.open && !hearing.answered) return null;
  return (
    <section aria-labelledby="hearing-title" className="stack">
      <h2 id="hearing-title" className="kern-heading-medium">
        {t.hearing.answerTitle}
      </h2>
      {hearing.answered ? (
        <Alert type="success" title={t.hearing.answered} />
      ) : (
        <>
          {hearing.deadline ? <p className="kern-body">{t.hearing.answerIntro(formatLastPayableDay(hearing.deadline, lang))}</p> : null}
          <h3 className="kern-heading-small">{t.hearing.accusationTitle}</h3>
          <dl className="kern-description-list">
            {accusation.text ? (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t.hearing.accusationText}</dt>
                {/* The binding Tatbestandstext exists in German only: marked as German (WCAG 3.1.2), named so in English. */}
                <dd className="kern-description-list-item__value" lang="de">{accusation.text}</dd>
              </div>
            ) : null}
            {accusation.legalBasis ? (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t.hearing.legalBasis}</dt>
                <dd className="kern-description-list-item__value" lang="de">{accusation.legalBasis}</dd>
              </div>
            ) : null}
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t.hearing.evidence}</dt>
              <dd className="kern-description-list-item__value">{local(accusation.evidence)}</dd>
            </div>
          </dl>
          <Alert type="info" title={t.hearing.rightsTitle}>
            <p className="kern-body">{t.hearing.rights}</p>
          </Alert>
          {answering ? (
            <Suspense fallback={<Loading />}>
              <HearingAnswerForm token={token} onAnswered={onAnswered} />
            </Suspense>
          ) : (
            <div>
              <button type="button" className="kern-btn kern-btn--primary" onClick={() => setAnswering(true)}>
                <span className="kern-label">{t.hearing.answerOpen}</span>
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
