import { useEffect, useRef } from 'react';
import type { SubmissionAccepted } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { CopyButton } from '../../components/copy-button.js';
import { Link } from '../../components/link.js';
import { useI18n } from '../../i18n.js';

/** After a 202: the case number, the e-mail note and the status page link (with its secret token). */
export function SubmissionConfirmation({ result, emailed }: { result: SubmissionAccepted; emailed: boolean }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The token in the fragment: it never reaches a server log or a Referer.
  const path = `/vorgang/${encodeURIComponent(result.caseNumber)}#${result.statusToken}`;
  const link = new URL(path, window.location.origin).toString();

  return (
    <section aria-labelledby="confirmation-title" className="stack">
      <h2 id="confirmation-title" ref={heading} tabIndex={-1} className="kern-heading-medium">
        {t.wizard.doneTitle}
      </h2>
      <Alert type="success" title={`${t.wizard.caseNumber}: ${result.caseNumber}`} live="status">
        {emailed ? <p className="kern-body">{t.wizard.emailSent}</p> : null}
      </Alert>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t.wizard.caseNumber}</dt>
          <dd className="kern-description-list-item__value mono">{result.caseNumber}</dd>
        </div>
      </dl>
      <p className="kern-body">{t.wizard.statusLinkIntro}</p>
      <p className="kern-body">
        <Link href={path}>{t.wizard.statusLink}</Link>
      </p>
      <p className="kern-body kern-body--small mono">{link}</p>
      <CopyButton value={link} what={t.wizard.linkWhat} />
    </section>
  );
}
