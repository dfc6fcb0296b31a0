import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import type { DraftSaved, FormDefinition } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { TextField } from '../../../components/text-field.js';
import { formatDateTime } from '../../../format.js';
import { useI18n } from '../../../i18n.js';

type Props = { form: FormDefinition; data: Record<string, unknown> };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Zwischenspeichern": a disclosure (button with aria-expanded) that asks for an e-mail address
 * and saves the entries so far; the resume link goes only to that address.
 */
export function SaveDraft({ form, data }: Props) {
  const { t, lang } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [sending, setSending] = useState(false);
  const [savedUntil, setSavedUntil] = useState<string>();
  const input = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    setError(undefined);
    setFailure(undefined);
    toggle.current?.focus();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (!EMAIL.test(email.trim())) {
      setError(t.drafts.emailInvalid);
      input.current?.focus();
      return;
    }
    setSending(true);
    setError(undefined);
    setFailure(undefined);
    try {
      const saved = await api<DraftSaved>(`/api/forms/${encodeURIComponent(form.id)}/drafts`, {
        method: 'POST', body: { formVersion: form.version, email: email.trim(), data },
      });
      setSavedUntil(saved.expiresAt);
      setOpen(false);
      toggle.current?.focus();
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.field === 'email') : undefined;
      if (field) setError(field.message);
      else setFailure(messageOf(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="stack">
      <div role="status">{savedUntil ? <Alert type="success" title={t.drafts.saved(formatDateTime(savedUntil, lang))} /> : null}</div>
      <div className="button-row">
        <button ref={toggle} type="button" className="kern-btn kern-btn--secondary" aria-expanded={open} aria-controls={`${id}-panel`}
          onClick={() => (open ? close() : setOpen(true))}>
          <span className="kern-label">{t.drafts.save}</span>
        </button>
      </div>
      {open ? (
        <form id={`${id}-panel`} className="stack" onSubmit={(e) => void save(e)} noValidate aria-label={t.drafts.save}>
          <p className="kern-body">{t.drafts.intro}</p>
          {failure ? <Alert type="danger" title={failure} live="alert" /> : null}
          <TextField id={`${id}-email`} label={t.drafts.email} hint={t.drafts.emailHint} error={error} type="email" autoComplete="email"
            value={email} onChange={(e) => setEmail(e.target.value)} inputRef={input} />
          <div className="button-row">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={sending}>
              <span className="kern-label">{t.drafts.send}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={close}>
              <span className="kern-label">{t.drafts.cancel}</span>
            </button>
          </div>
          <p className="kern-body kern-body--small" role="status">{sending ? t.drafts.sending : ''}</p>
        </form>
      ) : null}
    </div>
  );
}
