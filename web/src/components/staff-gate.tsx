import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, messageOf } from '../api.js';
import { useI18n } from '../i18n.js';
import { hasRole, setStaffSession, useStaffSession } from '../staff-session.js';
import type { StaffRole, StaffSession } from '../api/types.js';
import { Alert } from './alert.js';
import { ErrorState } from './error-state.js';
import { Loading } from './loading.js';
import { TextField } from './text-field.js';
import { PasswordForm } from '../pages/staff/accounts/password-page.js';
import { SecondFactorSetup } from '../pages/staff/accounts/second-factor-page.js';

type Props = {
  children: ReactNode;
  /** Roles that may use the page; without it any staff role may. The server checks again. */
  roles?: readonly StaffRole[];
};

type FieldErrors = { userName?: string; password?: string; code?: string };

/**
 * Staff sign-in with user name and password. The server sets an httpOnly session cookie and
 * answers the CSRF token, which api.ts then sends on every change. Children render only for a
 * confirmed session holding one of `roles`.
 */
export function StaffGate({ children, roles }: Props) {
  const { t } = useI18n();
  const session = useStaffSession();
  const [check, setCheck] = useState<{ kind: 'checking' } | { kind: 'done' } | { kind: 'failed'; message: string }>(
    session ? { kind: 'done' } : { kind: 'checking' },
  );

  const load = useCallback(async () => {
    setCheck({ kind: 'checking' });
    try {
      setStaffSession(await api<StaffSession>('/api/staff/session'));
      setCheck({ kind: 'done' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setStaffSession(null);
        setCheck({ kind: 'done' });
      } else setCheck({ kind: 'failed', message: messageOf(e) });
    }
  }, []);

  useEffect(() => {
    if (!session) void load();
    // Only on mount: a later sign-out or expiry shows the form without asking the server again.
  }, []);

  async function signOut() {
    await api('/api/staff/session', { method: 'DELETE' }).catch(() => undefined);
    setStaffSession(null);
  }

  if (check.kind === 'checking') return <Loading />;
  if (check.kind === 'failed') return <ErrorState message={check.message} onRetry={load} />;
  if (!session) return <SignInForm />;
  return (
    <>
      <div className="staff-bar" style={{ gap: 16, alignItems: 'center' }}>
        <span className="kern-body kern-body--small">{t.accounts.signedInAs(session.displayName)}</span>
        <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={signOut}>
          <span className="kern-icon kern-icon--logout" aria-hidden="true" />
          <span className="kern-label">{t.staff.signOut}</span>
        </button>
      </div>
      {session.pendingStep ? <PendingStep step={session.pendingStep} onDone={load} />
        : !roles || hasRole(session, roles) ? children : <Alert type="warning" title={t.accounts.notAllowedTitle}>{t.accounts.notAllowedText}</Alert>}
    </>
  );
}

/**
 * What the session must do before anything else (the server refuses every other route until
 * then): choose an own password after an issued one, or — admins — set up the second factor.
 */
function PendingStep({ step, onDone }: { step: NonNullable<StaffSession['pendingStep']>; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const s = t.staffSecurity;
  const mustChange = step === 'change-password';
  return (
    <div className="stack-lg">
      <Alert type="warning" title={mustChange ? s.mustChangeTitle : s.requiredTitle}>{mustChange ? s.mustChangeText : s.requiredText}</Alert>
      {mustChange ? <PasswordForm onChanged={onDone} /> : <SecondFactorSetup onDone={onDone} />}
    </div>
  );
}

function SignInForm() {
  const { t } = useI18n();
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // After the right password of an account with a second factor, the form asks for the code too.
  const [needCode, setNeedCode] = useState(false);
  const codeRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  // The code field appears: the cursor goes there (the message above it is announced as a status).
  useEffect(() => {
    if (needCode) codeRef.current?.focus();
  }, [needCode]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const missing: FieldErrors = {
      ...(userName.trim() ? {} : { userName: t.accounts.userNameRequired }),
      ...(password ? {} : { password: t.accounts.passwordRequired }),
      ...(!needCode || /^\d{6}$/.test(code.replace(/\s/g, '')) ? {} : { code: t.staffSecurity.codeRequired }),
    };
    setFields(missing);
    setFailure(undefined);
    if (Object.keys(missing).length) {
      // Focus the summary so a screen reader announces what is missing (WCAG 3.3.1).
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const body = { userName: userName.trim(), password, ...(needCode ? { code: code.replace(/\s/g, '') } : {}) };
      const session = await api<StaffSession>('/api/staff/session', { method: 'POST', body });
      setPassword('');
      setCode('');
      setStaffSession(session);
    } catch (e) {
      setCode('');
      if (e instanceof ApiError && e.code === 'second_factor_required') {
        // The password was right: keep it, ask for the code.
        setNeedCode(true);
        codeRef.current?.focus(); // asked before already: the effect below does not run again
      } else {
        setFailure(messageOf(e));
        if (!needCode) setPassword('');
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  const errors = Object.entries(fields) as Array<[keyof FieldErrors, string]>;
  return (
    <section className="panel narrow stack" aria-labelledby="staff-signin-title">
      <h2 id="staff-signin-title" className="kern-heading-medium">
        {t.staff.signInTitle}
      </h2>
      <p className="kern-body">{t.staff.signInIntro}</p>
      {errors.length ? (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert type="danger" title={t.accounts.errorSummary}>
            <ul className="kern-list">
              {errors.map(([field, message]) => (
                <li key={field}>
                  <a href={`#staff-${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      <div ref={failureRef} tabIndex={-1}>
        {failure ? <Alert type="danger" title={t.accounts.signInFailed} live="alert">{failure}</Alert> : null}
      </div>
      <form onSubmit={signIn} noValidate className="stack">
        <TextField
          id="staff-userName"
          label={t.accounts.userName}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={userName}
          error={fields.userName}
          onChange={(e) => setUserName(e.target.value)}
        />
        <TextField
          id="staff-password"
          label={t.accounts.password}
          type="password"
          autoComplete="current-password"
          value={password}
          error={fields.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {needCode ? (
          <>
            <p className="kern-body" role="status">{t.staffSecurity.codeAsked}</p>
            <TextField
              id="staff-code"
              label={t.staffSecurity.codeLabel}
              hint={t.staffSecurity.codeHint}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={8}
              value={code}
              error={fields.code}
              inputRef={codeRef}
              onChange={(e) => setCode(e.target.value)}
            />
          </>
        ) : null}
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t.staff.signIn}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
