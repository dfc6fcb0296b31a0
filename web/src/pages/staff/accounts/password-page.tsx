import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { TextField } from '../../../components/text-field.js';
import { useI18n, usePageTitle } from '../../../i18n.js';

/** /dienst/passwort – every staff member changes their own password (current one required). */
export function PasswordPage() {
  const { t } = useI18n();
  usePageTitle(t.accounts.passwordPageTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.accounts.passwordPageTitle}</h1>
      <StaffGate>
        <PasswordForm />
      </StaffGate>
    </>
  );
}

type Field = 'currentPassword' | 'newPassword' | 'newPasswordRepeat';

/**
 * The own-password form. `onChanged`: called after a successful change (the staff gate uses
 * it when an issued password must be changed before anything else).
 */
export function PasswordForm({ onChanged, headingLevel = 2 }: { onChanged?: () => void | Promise<void>; headingLevel?: 2 | 3 } = {}) {
  const { t } = useI18n();
  const a = t.accounts;
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', newPasswordRepeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<{ type: 'success' | 'danger'; text: string }>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  function show(next: Partial<Record<Field, string>>, outcome?: { type: 'success' | 'danger'; text: string }) {
    setErrors(next);
    setResult(outcome);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {
      ...(values.currentPassword ? {} : { currentPassword: a.required(a.currentPassword) }),
      ...(values.newPassword.length >= 12 ? {} : { newPassword: a.tooShort }),
      ...(values.newPassword === values.newPasswordRepeat ? {} : { newPasswordRepeat: a.mismatch }),
    };
    if (Object.keys(problems).length) return show(problems);
    setBusy(true);
    try {
      await api('/api/staff/password', { method: 'POST', body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      setValues({ currentPassword: '', newPassword: '', newPasswordRepeat: '' });
      show({}, { type: 'success', text: a.passwordChanged });
      await onChanged?.();
    } catch (e) {
      const fromServer: Partial<Record<Field, string>> = {};
      if (e instanceof ApiError) for (const f of e.fields) fromServer[f.field.replace(/^\//, '') as Field] ??= f.message;
      show(fromServer, Object.keys(fromServer).length ? undefined : { type: 'danger', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }

  const fields: Array<[Field, string, string]> = [
    ['currentPassword', a.currentPassword, 'current-password'],
    ['newPassword', a.newPassword, 'new-password'],
    ['newPasswordRepeat', a.newPasswordRepeat, 'new-password'],
  ];
  const listed = fields.filter(([f]) => errors[f]);
  return (
    <section className="panel narrow stack" aria-labelledby="password-title">
      {headingLevel === 2
        ? <h2 id="password-title" className="kern-heading-medium">{a.changePassword}</h2>
        : <h3 id="password-title" className="kern-heading-small">{a.changePassword}</h3>}
      <p className="kern-body">{a.passwordIntro}</p>
      <div ref={summaryRef} tabIndex={-1} role="status">
        {result ? <Alert type={result.type} title={result.text} /> : null}
        {listed.length ? (
          <Alert type="danger" title={a.errorSummary}>
            <ul className="kern-list">
              {listed.map(([f]) => <li key={f}><a href={`#password-${f}`}>{errors[f]}</a></li>)}
            </ul>
          </Alert>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="stack">
        {fields.map(([f, label, autoComplete]) => (
          <TextField key={f} id={`password-${f}`} label={label} type="password" autoComplete={autoComplete} value={values[f]} error={errors[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))} />
        ))}
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{a.changePassword}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
