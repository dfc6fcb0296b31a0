import { useDeferredValue, useState } from 'react';
import type { FormDefinition, Lang } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { LangScope, useI18n } from '../../../i18n.js';
import { FormWizard } from '../../forms/wizard/form-wizard.js';
import { PreviewBoundary } from './preview-boundary.js';

/** The draft exactly as the citizen's page renders it (same wizard), in German or English; test-submit shows the data. */
export function FormPreview({ form, resetKey }: { form: FormDefinition | undefined; resetKey: string }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Lang>('de');
  const [sent, setSent] = useState<string>();
  const shown = useDeferredValue(form);
  const deferredKey = useDeferredValue(resetKey);

  return (
    <section aria-labelledby="preview-title" className="stack preview">
      <h2 id="preview-title" className="kern-heading-medium">
        {t.designer.previewTitle}
      </h2>
      <p className="kern-body">{t.designer.previewIntro}</p>
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t.designer.previewLang}</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {(['de', 'en'] as const).map((l) => (
            <div key={l} className="kern-form-check">
              <input type="radio" className="kern-form-check__radio" id={`preview-lang-${l}`} name="preview-lang" checked={lang === l} onChange={() => setLang(l)} />
              <label className="kern-label" htmlFor={`preview-lang-${l}`} lang={l}>
                {l === 'de' ? 'Deutsch' : 'English'}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {shown ? (
        <div className="preview__frame" lang={lang}>
          <PreviewBoundary resetKey={deferredKey} fallback={<Alert type="warning" title={t.designer.previewBroken} />}>
            <LangScope lang={lang}>
              <h3 className="kern-heading-small">{(shown.texts[lang] ?? shown.texts.de)?.title}</h3>
              <FormWizard form={shown} onSubmit={async (data) => setSent(JSON.stringify(data, null, 2))} />
            </LangScope>
          </PreviewBoundary>
        </div>
      ) : (
        <Alert type="info" title={t.designer.previewNeedsJson} />
      )}
      <div role="status">
        {sent ? (
          <Alert type="success" title={t.wizard.previewDone}>
            <pre className="json-output">{sent}</pre>
          </Alert>
        ) : null}
      </div>
    </section>
  );
}
