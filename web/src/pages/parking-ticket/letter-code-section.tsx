import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import type { PortalAccess } from '../../api/types.js';
import { ErrorSummary, useSummaryFocus } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useI18n } from '../../i18n.js';

type Props = {
  token: string;
  /** Before the letter went out there is no code yet ('not-yet'); with no holder found there is none ('none'). */
  letter: 'sent' | 'not-yet' | 'none';
  onAccess: (access: PortalAccess) => void;
};

/**
 * Shown in a session opened with the card's ticket code: answering the hearing, objecting and
 * reading notices need the access code from the hearing letter. Typing it raises the session.
 */
export function LetterCodeSection({ token, letter, onAccess }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { summary, focusSummary } = useSummaryFocus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(t.errors.required);
      focusSummary.current = true;
      return;
    }
    setBusy(true);
    try {
      onAccess(await api<PortalAccess>('/api/parking-tickets/current/letter-code', { method: 'POST', token, body: { code: code.trim() } }));
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.field.replace(/^\//, '') === 'code') : undefined;
      setError(field?.message ?? messageOf(e));
      focusSummary.current = true;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="letter-code-title" className="stack">
      <h2 id="letter-code-title" className="kern-heading-medium">
        {t.codes.letterTitle}
      </h2>
      <p className="kern-body">{t.codes.letterIntro}</p>
      {letter === 'sent' ? (
        <form onSubmit={submit} noValidate className="stack panel narrow">
          {error ? <ErrorSummary items={[{ id: 'letter-code', label: t.codes.letterCodeLabel, message: error }]} summaryRef={summary} /> : null}
          <TextField
            id="letter-code"
            label={t.codes.letterCodeLabel}
            hint={t.codes.letterCodeHint}
            value={code}
            error={error}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
          />
          <div>
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
              <span className="kern-label">{t.codes.unlock}</span>
            </button>
          </div>
        </form>
      ) : (
        <p className="kern-body">{letter === 'none' ? t.codes.noLetter : t.codes.letterNotYet}</p>
      )}
    </section>
  );
}
