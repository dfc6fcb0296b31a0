import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import { Alert } from '../../components/alert.js';
import { ErrorSummary, useSummaryFocus } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useI18n } from '../../i18n.js';

/** "A valid permit was displayed": becomes a withdrawal task of the traffic department. */
export function ObjectionForm({ token }: { token: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const { summary, focusSummary } = useSummaryFocus();
  // The same objection sent again (after a lost answer or a 503) opens no second task and gets no 409.
  const idempotency = useIdempotencyKey();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError(t.hearing.objectionTooShort);
      focusSummary.current = true;
      return;
    }
    setBusy(true);
    const body = { reason: reason.trim() };
    try {
      await api('/api/parking-tickets/current/objection', { method: 'POST', token, body, headers: { 'Idempotency-Key': idempotency.keyFor(body) } });
      setSent(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) idempotency.forget();
      const field = e instanceof ApiError ? e.fields.find((f) => f.field === 'reason') : undefined;
      setError(field?.message ?? messageOf(e));
      focusSummary.current = true;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="objection-title" className="stack">
      <h2 id="objection-title" className="kern-heading-medium">
        {t.hearing.objectionTitle}
      </h2>
      {sent ? (
        <Alert type="success" title={t.hearing.objectionSent} live="status" />
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          {error ? <ErrorSummary items={[{ id: 'objection-reason', label: t.hearing.objectionLabel, message: error }]} summaryRef={summary} /> : null}
          <p className="kern-body">{t.hearing.objectionIntro}</p>
          <TextField id="objection-reason" label={t.hearing.objectionLabel} multiline value={reason} error={error} onChange={(e) => setReason(e.target.value)} />
          <div>
            <button type="submit" className="kern-btn kern-btn--secondary" disabled={busy}>
              <span className="kern-label">{t.hearing.objectionSend}</span>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
