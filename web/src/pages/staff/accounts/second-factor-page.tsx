import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { TextField } from '../../../components/text-field.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { useStaffSession } from '../../../staff-session.js';
import type { SecondFactorEnrolment } from '../../../api/types.js';

/** /dienst/zweiter-faktor – staff set up the TOTP second factor (required for admins). */
export function SecondFactorPage() {
  const { t } = useI18n();
  usePageTitle(t.staffSecurity.pageTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.staffSecurity.pageTitle}</h1>
      <StaffGate>
        <SecondFactorSetup />
      </StaffGate>
    </>
  );
}

/** The key in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Enrolment: a new secret as QR code and as text, confirmed with a code from the app.
 * `onDone`: after the confirmation (the staff gate reloads the session then).
 */
export function SecondFactorSetup({ onDone, headingLevel = 2 }: { onDone?: () => void | Promise<void>; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const s = t.staffSecurity;
  const session = useStaffSession();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment>();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function begin() {
    setBusy(true);
    setFailure(undefined);
    try {
      setEnrolment(await api<SecondFactorEnrolment>('/api/staff/second-factor/enrolment', { method: 'POST' }));
      requestAnimationFrame(() => statusRef.current?.focus());
    } catch (e) {
      setFailure(messageOf(e));
      requestAnimationFrame(() => statusRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(s.codeRequired);
      requestAnimationFrame(() => codeRef.current?.focus());
      return;
    }
    setBusy(true);
    setError(undefined);
    setFailure(undefined);
    try {
      await api('/api/staff/second-factor', { method: 'POST', body: { code: digits } });
      setDone(true);
      setEnrolment(undefined);
      requestAnimationFrame(() => statusRef.current?.focus());
      await onDone?.();
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.field === 'code') : undefined;
      if (field) {
        setError(field.message);
        requestAnimationFrame(() => codeRef.current?.focus());
      } else {
        setFailure(messageOf(e));
        requestAnimationFrame(() => statusRef.current?.focus());
      }
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  const enabled = done || session?.secondFactor;
  return (
    <section className="panel narrow stack" aria-labelledby="second-factor-title">
      <Heading id="second-factor-title" className={headingLevel === 2 ? 'kern-heading-medium' : 'kern-heading-small'}>{s.navSecondFactor}</Heading>
      <p className="kern-body">{s.intro}</p>
      <div ref={statusRef} tabIndex={-1} role="status">
        {enabled ? <Alert type="success" title={done ? s.done : s.enabled} /> : null}
        {failure ? <Alert type="danger" title={failure} /> : null}
      </div>
      {!enabled && !enrolment ? (
        <div>
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => void begin()} disabled={busy}>
            <span className="kern-label">{s.start}</span>
          </button>
        </div>
      ) : null}
      {!enabled && enrolment ? (
        <div className="stack">
          <p className="kern-body">{s.step1}</p>
          <img className="totp-qr" src={enrolment.qrCode} alt={s.qrAlt} width={222} height={222} />
          <p className="kern-body kern-body--small">{s.manual}</p>
          <p><code className="mono totp-secret" data-testid="totp-secret">{grouped(enrolment.secret)}</code></p>
          <form onSubmit={confirm} noValidate className="stack">
            <p className="kern-body">{s.step2}</p>
            <TextField id="totp-code" label={s.codeLabel} hint={s.codeHint} inputMode="numeric" autoComplete="one-time-code" maxLength={8}
              value={code} error={error} inputRef={codeRef} onChange={(e) => setCode(e.target.value)} />
            <div>
              <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
                <span className="kern-label">{s.confirm}</span>
              </button>
            </div>
          </form>
        </div>
      ) : null}
    </section>
  );
}
