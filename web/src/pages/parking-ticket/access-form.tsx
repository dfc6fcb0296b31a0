import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import type { PortalAccess } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { ErrorSummary, useSummaryFocus, type SummaryItem } from '../../components/error-summary.js';
import { TextField } from '../../components/text-field.js';
import { useI18n } from '../../i18n.js';

type Props = {
  /** Known from the QR code link; when absent the person types it from the card. */
  code?: string;
  onAccess: (code: string, access: PortalAccess) => void;
};
type Errors = { code?: string; plate?: string; form?: string };

/** Ticket code (if not in the link) plus plate: the two things only the driver has together. */
export function AccessForm({ code: knownCode, onAccess }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [plate, setPlate] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const { summary, focusSummary } = useSummaryFocus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ticketCode = (knownCode ?? code).trim();
    const next: Errors = {};
    if (!knownCode && !ticketCode) next.code = t.errors.required;
    if (!plate.trim()) next.plate = t.errors.required;
    setErrors(next);
    if (next.code || next.plate) {
      // To the summary of every problem, whose links lead into the fields.
      focusSummary.current = true;
      return;
    }

    setBusy(true);
    try {
      const access = await api<PortalAccess>('/api/parking-tickets/access', {
        method: 'POST',
        body: { code: ticketCode, plate: plate.trim() },
      });
      onAccess(ticketCode, access);
    } catch (e) {
      const found = toErrors(e);
      setErrors(found);
      if (found.code || found.plate) focusSummary.current = true;
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = [
    ...(errors.code ? [{ id: 'portal-code', label: t.codes.entryCodeLabel, message: errors.code }] : []),
    ...(errors.plate ? [{ id: 'portal-plate', label: t.portal.plateLabel, message: errors.plate }] : []),
  ];
  return (
    <form onSubmit={submit} noValidate className="stack">
      {items.length ? (
        <ErrorSummary items={items} general={errors.form ? [errors.form] : []} summaryRef={summary} />
      ) : errors.form ? (
        <Alert type="danger" title={errors.form} live="alert" />
      ) : null}
      {knownCode ? null : (
        <TextField
          id="portal-code"
          label={t.codes.entryCodeLabel}
          hint={t.codes.entryCodeHint}
          value={code}
          error={errors.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
        />
      )}
      <TextField
        id="portal-plate"
        label={t.portal.plateLabel}
        hint={t.portal.plateHint}
        value={plate}
        error={errors.plate}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        onChange={(e) => setPlate(e.target.value)}
      />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{t.portal.show}</span>
        </button>
      </div>
    </form>
  );
}

function toErrors(e: unknown): Errors {
  if (!(e instanceof ApiError)) return { form: messageOf(e) };
  const byField = Object.fromEntries(e.fields.map((f) => [f.field.replace(/^\//, ''), f.message]));
  // A wrong code/plate pair is one message for the whole form: telling which half is wrong
  // would help someone guessing plates. messageOf adds how long to wait after too many tries.
  return { code: byField.code, plate: byField.plate, form: messageOf(e) };
}
