import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import { TextField } from '../../../components/text-field.js';
import { useIdempotencyKey } from '../../../idempotency.js';
import { useI18n } from '../../../i18n.js';
import type { WithdrawalRequested } from '../../../api/types.js';

/** `requested`: the traffic department got a 'parking-ticket.withdrawal' task; it withdraws or keeps the ticket. */
type Props = { ticketNumber: string; onDone: (requested: boolean) => void };

/**
 * Native modal <dialog>: the browser traps focus, closes on Escape and returns focus to the
 * button that opened it, which a hand-made overlay would have to imitate.
 */
export function WithdrawDialog({ ticketNumber, onDone }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The same request sent again (after a lost answer or a 503) opens no second task and gets no 409.
  const idempotency = useIdempotencyKey();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t.errors.required);
      return document.getElementById('withdraw-reason')?.focus();
    }
    setBusy(true);
    const body = { reason: reason.trim() };
    try {
      await api<WithdrawalRequested>(`/api/parking-tickets/${encodeURIComponent(ticketNumber)}/withdrawal-requests`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotency.keyFor([ticketNumber, body]) },
      });
      onDone(true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) idempotency.forget();
      const field = e instanceof ApiError ? e.fields.find((f) => f.field.replace(/^\//, '') === 'reason') : undefined;
      setError(field?.message ?? messageOf(e));
      setBusy(false);
      document.getElementById('withdraw-reason')?.focus();
    }
  }

  return (
    <dialog ref={ref} className="kern-dialog" aria-labelledby="withdraw-title" onCancel={() => onDone(false)}>
      <form onSubmit={submit} noValidate>
        <header className="kern-dialog__header">
          <h2 id="withdraw-title" className="kern-title kern-title--large">
            {t.hearing.requestTitle(ticketNumber)}
          </h2>
        </header>
        <section className="kern-dialog__body">
          <p className="kern-body">{t.hearing.requestIntro}</p>
          <TextField
            id="withdraw-reason"
            label={t.staff.reasonLabel}
            hint={t.staff.reasonHint}
            multiline
            value={reason}
            error={error}
            onChange={(e) => setReason(e.target.value)}
          />
        </section>
        <footer className="kern-dialog__footer">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onDone(false)}>
            <span className="kern-label">{t.staff.cancel}</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t.hearing.requestWithdrawal}</span>
          </button>
        </footer>
      </form>
    </dialog>
  );
}
