import { useRef, useState } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import type { FormCheck, FormDefinition, FormVersion, FormVersionMeta } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { ErrorState } from '../../../components/error-state.js';
import { Loading } from '../../../components/loading.js';
import { TextField } from '../../../components/text-field.js';
import { useI18n } from '../../../i18n.js';
import { CheckResult } from './check-result.js';
import { FormPreview } from './form-preview.js';
import { JsonEditor } from './json-editor.js';
import { PARTS, useDraft, type DraftPart } from './use-draft.js';
import type { VersionsState } from './use-versions.js';
import { VersionsTable } from './versions-table.js';

type Props = { form: FormDefinition; versions: VersionsState; onPublished: (notice: string) => void };
type Shown = Pick<FormCheck, 'publishable' | 'problems'> & Partial<FormCheck>;

/** Schema, uiSchema and texts as JSON, a note, Prüfen/Veröffentlichen, the live preview and the versions. */
export function DraftEditor({ form, versions, onPublished }: Props) {
  const { t } = useI18n();
  const draft = useDraft(form);
  const [note, setNote] = useState('');
  const [check, setCheck] = useState<Shown>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const editors = useRef<Partial<Record<DraftPart, HTMLTextAreaElement | null>>>({});
  const base = `/api/forms/${encodeURIComponent(form.id)}`;
  const labels: Record<DraftPart, string> = { schema: t.designer.schemaLabel, uiSchema: t.designer.uiSchemaLabel, texts: t.designer.textsLabel };

  async function call(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      // 422 from publishing: the draft's problems, shown like a failed check.
      if (e instanceof ApiError && e.fields.length) setCheck({ publishable: false, problems: e.fields });
      else setError(messageOf(e));
    } finally {
      setBusy(false);
      // The result of Prüfen (or a refused publish) is read from its heading on.
      setTimeout(() => document.getElementById('check-title')?.focus(), 0);
    }
  }

  function submitDraft(kind: 'check' | 'publish') {
    const body = draft.body;
    if (!body) {
      setError(t.designer.fixJson);
      const bad = PARTS.find((p) => !draft.parsed[p].ok);
      if (bad) editors.current[bad]?.focus();
      return;
    }
    const payload = { ...body, ...(note.trim() ? { note: note.trim() } : {}) };
    void call(async () => {
      if (kind === 'check') {
        setCheck(await api<FormCheck>(`${base}/check`, { method: 'POST', body: payload }));
      } else {
        const published = await api<FormVersion>(`${base}/versions`, { method: 'POST', body: payload });
        onPublished(t.designer.published(published.version));
      }
    });
  }

  function restore(version: number) {
    void call(async () => {
      const restored = await api<FormVersion>(`${base}/versions/${version}/restore`, { method: 'POST', body: note.trim() ? { note: note.trim() } : {} });
      onPublished(t.designer.restored(restored.version, version));
    });
  }

  return (
    <>
      <div className="designer-grid">
        <section aria-labelledby="draft-title" className="stack">
          <h2 id="draft-title" className="kern-heading-medium">
            {t.designer.editorsTitle}
          </h2>
          {PARTS.map((part) => (
            <JsonEditor
              key={part}
              id={`draft-${part}`}
              label={labels[part]}
              value={draft.text[part]}
              parsed={draft.parsed[part]}
              onChange={(text) => draft.set(part, text)}
              inputRef={(el) => void (editors.current[part] = el)}
            />
          ))}
          <TextField id="draft-note" label={t.designer.noteLabel} hint={t.designer.noteHint} optional maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="button-row">
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => submitDraft('check')}>
              <span className="kern-icon kern-icon--checklist" aria-hidden="true" />
              <span className="kern-label">{t.designer.check}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => submitDraft('publish')}>
              <span className="kern-label">{t.designer.publish}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--tertiary" disabled={busy} onClick={() => { draft.reset(); setCheck(undefined); setError(undefined); }}>
              <span className="kern-label">{t.designer.reset}</span>
            </button>
          </div>
          <div className="stack">
            {error ? <Alert type="danger" title={error} live="alert" /> : null}
            {check ? <CheckResult check={check} /> : null}
          </div>
        </section>
        <FormPreview form={draft.preview} resetKey={`${draft.text.schema}${draft.text.uiSchema}${draft.text.texts}`} />
      </div>
      <section aria-labelledby="versions-title" className="stack">
        <h2 id="versions-title" className="kern-heading-medium">
          {t.designer.versionsTitle}
        </h2>
        {versions.kind === 'loading' ? <Loading /> : null}
        {versions.kind === 'failed' ? <ErrorState message={versions.message} /> : null}
        {versions.kind === 'ready' ? <VersionsTable items={versions.items} busy={busy} onRestore={restore} /> : null}
      </section>
    </>
  );
}
