import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { FieldProps } from '@rjsf/utils';
import { currentLang, useI18n } from '../i18n.js';
import { describedBy, FieldError } from '../components/field-error.js';
import type { ApiErrorBody, Attachment } from '../api/types.js';

type Upload = { key: string; name: string; state: 'uploading' | 'done' | 'refused'; id?: string; message?: string };

/** Names of uploaded ids survive step changes (the form data holds only the ids). */
const names = new Map<string, string>();

/** The file name of an uploaded attachment id, if this page uploaded it. */
export const uploadedName = (id: string): string | undefined => names.get(id);

/** One file to POST /api/attachments; the server checks the type by content and answers its message. */
async function send(file: File, fallback: string): Promise<Pick<Attachment, 'id' | 'filename'>> {
  let response: Response;
  try {
    response = await fetch('/api/attachments', {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-Filename': encodeURIComponent(file.name), 'Accept-Language': currentLang(), Accept: 'application/json' },
    });
  } catch {
    throw new Error(fallback);
  }
  const body = await response.json().catch(() => undefined) as Partial<Attachment & ApiErrorBody> | undefined;
  if (!response.ok || !body?.id) throw new Error(body?.error?.fields?.[0]?.message ?? body?.error?.message ?? fallback);
  return { id: body.id, filename: body.filename ?? file.name };
}

/**
 * The evidence (Nachweise) field: uploads each chosen file at once and keeps the answered ids
 * as the field's value (`evidenceIds`). Progress and refusals are announced per file.
 */
export function EvidenceNoteField({ schema, fieldPathId, formData, onChange, rawErrors, required, disabled }: FieldProps) {
  const { t } = useI18n();
  const base = useId();
  const ids: string[] = Array.isArray(formData) ? formData : [];
  // Several uploads finish at different times: each adds to the newest list, not to a stale one.
  const latest = useRef(ids);
  latest.current = ids;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const inputId = fieldPathId.$id;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const fieldError = rawErrors?.[0];

  const setIds = (next: string[]) => {
    latest.current = next;
    onChange(next.length ? next : undefined, fieldPathId.path);
  };
  const update = (key: string, patch: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...patch } : u)));

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) {
      const key = `${Date.now()}-${Math.random()}`;
      setUploads((list) => [...list, { key, name: file.name, state: 'uploading' }]);
      send(file, t.evidence.failed).then(
        (done) => {
          names.set(done.id, done.filename);
          setIds([...latest.current, done.id]);
          update(key, { state: 'done', id: done.id });
        },
        (error: Error) => update(key, { state: 'refused', message: error.message }),
      );
    }
  };
  const remove = (id: string) => {
    setIds(latest.current.filter((x) => x !== id));
    setUploads((list) => list.filter((u) => u.id !== id));
  };

  const pending = uploads.filter((u) => u.state !== 'done');
  return (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={inputId}>
        {schema.title}{required ? ' *' : ''}
      </label>
      <p className="kern-hint" id={hintId}>{schema.description ? `${schema.description} – ` : ''}{t.evidence.hint}</p>
      {fieldError ? <FieldError id={errorId} message={fieldError} /> : null}
      <input
        className="kern-form-input__input" id={inputId} type="file" multiple disabled={disabled}
        accept="application/pdf,image/jpeg,image/png" aria-describedby={describedBy(hintId, fieldError && errorId)}
        aria-invalid={fieldError ? true : undefined} onChange={choose}
      />
      {pending.length ? (
        <ul className="kern-list" aria-live="polite">
          {pending.map((u) => (
            <li key={u.key}>
              {/* The alert role sits inside the item: on the <li> it would hide the list item. */}
              <span role={u.state === 'refused' ? 'alert' : undefined}>
                {u.name}: {u.state === 'uploading' ? t.evidence.uploading : t.evidence.refused(u.message ?? '')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {ids.length ? (
        <>
          <p className="kern-body">{t.evidence.listTitle}</p>
          <ul className="kern-list">
            {ids.map((id) => {
              const name = names.get(id) ?? id;
              return (
                <li key={id}>
                  {name} – {t.evidence.uploaded}{' '}
                  <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => remove(id)}>
                    <span className="kern-label">{t.evidence.remove(name)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The same field under the name it has now. */
export const EvidenceUploadField = EvidenceNoteField;
