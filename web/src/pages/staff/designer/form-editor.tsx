import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../../components/alert.js';
import { ErrorState } from '../../../components/error-state.js';
import { Link } from '../../../components/link.js';
import { Loading } from '../../../components/loading.js';
import { useI18n } from '../../../i18n.js';
import { useFormDefinition } from '../use-form-definition.js';
import { DraftEditor } from './draft-editor.js';
import { useVersions } from './use-versions.js';

/** One form: load the newest version and its version list, then the draft editor. */
export function FormEditor({ formId }: { formId: string }) {
  const { t } = useI18n();
  const [definition, reload] = useFormDefinition(formId);
  const [versions, reloadVersions] = useVersions(formId);
  // A new key after publishing or restoring starts the editors from the newest version.
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string>();
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  function published(text: string) {
    setNotice(text);
    reload();
    void reloadVersions();
    setRound((n) => n + 1);
  }

  return (
    <div className="stack-lg">
      <p className="kern-body">
        <Link href="/dienst/formulare">{t.designer.toList}</Link>
      </p>
      <div ref={noticeRef} tabIndex={-1} role="status">
        {notice ? <Alert type="success" title={notice} /> : null}
      </div>
      {definition.kind === 'loading' ? <Loading /> : null}
      {definition.kind === 'failed' ? <ErrorState message={definition.message} onRetry={reload} /> : null}
      {definition.kind === 'ready' ? (
        <DraftEditor key={`${round}-${definition.form.version}`} form={definition.form} versions={versions} onPublished={published} />
      ) : null}
    </div>
  );
}
