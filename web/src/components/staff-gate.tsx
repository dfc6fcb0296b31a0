import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, messageOf } from '../api.js';
import { useI18n } from '../i18n.js';
import { ErrorState } from './error-state.js';
import { Loading } from './loading.js';
import { TextField } from './text-field.js';

type State = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in' } | { kind: 'failed'; message: string };

/**
 * Interim staff sign-in (one shared access key, the server sets an httpOnly cookie) until real
 * accounts exist. Children render only once the session is confirmed.
 */
export function StaffGate({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [accessKey, setAccessKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const check = useCallback(async () => {
    setState({ kind: 'checking' });
    try {
      await api('/api/staff/session');
      setState({ kind: 'signed-in' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ kind: 'signed-out' });
      else setState({ kind: 'failed', message: messageOf(e) });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  async function signIn(event: FormEvent) {
    event.preventDefault();
    const field = () => document.getElementById('staff-access-key')?.focus();
    if (!accessKey.trim()) {
      setError(t.errors.required);
      return field();
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/staff/session', { method: 'POST', body: { accessKey } });
      setAccessKey('');
      setState({ kind: 'signed-in' });
    } catch (e) {
      setError(messageOf(e));
      field();
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    await api('/api/staff/session', { method: 'DELETE' }).catch(() => undefined);
    setState({ kind: 'signed-out' });
  }

  if (state.kind === 'checking') return <Loading />;
  if (state.kind === 'failed') return <ErrorState message={state.message} onRetry={check} />;
  if (state.kind === 'signed-in') {
    return (
      <>
        <div className="staff-bar">
          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={signOut}>
            <span className="kern-icon kern-icon--logout" aria-hidden="true" />
            <span className="kern-label">{t.staff.signOut}</span>
          </button>
        </div>
        {children}
      </>
    );
  }
  return (
    <section className="panel narrow" aria-labelledby="staff-signin-title">
      <h2 id="staff-signin-title" className="kern-heading-medium">
        {t.staff.signInTitle}
      </h2>
      <p className="kern-body">{t.staff.signInIntro}</p>
      <form onSubmit={signIn} noValidate className="stack">
        <TextField
          id="staff-access-key"
          label={t.staff.accessKey}
          type="password"
          autoComplete="current-password"
          value={accessKey}
          error={error}
          onChange={(e) => setAccessKey(e.target.value)}
        />
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t.staff.signIn}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
