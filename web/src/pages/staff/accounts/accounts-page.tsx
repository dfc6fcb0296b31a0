import { useRef, useState } from 'react';
import { api, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { CopyButton } from '../../../components/copy-button.js';
import { ErrorState } from '../../../components/error-state.js';
import { Loading } from '../../../components/loading.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { formatDateTime } from '../../../format.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { useList } from '../use-list.js';
import { AccountForm } from './account-form.js';
import type { Account, AccountWithPassword } from '../../../api/types.js';

/** /dienst/konten – staff accounts for admins: list, create, edit, disable, reset password, unlock. */
export function AccountsPage() {
  const { t } = useI18n();
  usePageTitle(t.accounts.pageTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.accounts.pageTitle}</h1>
      <StaffGate roles={['admin']}>
        <Accounts />
      </StaffGate>
    </>
  );
}

type Notice = { text: string; password?: string; id?: string; type: 'success' | 'danger' };
type Editing = { kind: 'new' } | { kind: 'edit'; account: Account } | null;

function Accounts() {
  const { t, lang } = useI18n();
  const a = t.accounts;
  const [list, reload] = useList<Account>('/api/staff/accounts');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<Notice>();
  const noticeRef = useRef<HTMLDivElement>(null);

  async function announce(next: Notice) {
    setNotice(next);
    await reload();
    // After the change the notice (with a one-time password, if any) is where to continue.
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  async function act(account: Account, action: 'password-reset' | 'unlock' | 'second-factor-reset') {
    setEditing(null);
    try {
      const answer = await api<AccountWithPassword | Account>(`/api/staff/accounts/${encodeURIComponent(account.id)}/${action}`, { method: 'POST' });
      await announce(action === 'unlock' ? { type: 'success', text: a.unlocked(account.id) }
        : action === 'second-factor-reset' ? { type: 'success', text: t.staffSecurity.secondFactorRemoved(account.id) }
          : { type: 'success', text: a.passwordReset(account.id), password: 'password' in answer ? answer.password : undefined, id: account.id });
    } catch (e) {
      await announce({ type: 'danger', text: messageOf(e) });
    }
  }

  const names = (values: string[], labels: Record<string, string>) => (values.length ? values.map((v) => labels[v] ?? v).join(', ') : a.none);

  return (
    <div className="stack-lg">
      <p className="kern-body">{a.intro}</p>
      <div ref={noticeRef} tabIndex={-1} role="status">
        {notice ? (
          <Alert type={notice.type} title={notice.text}>
            {notice.password ? (
              <>
                <p className="kern-body">
                  {a.oneTimePassword}: <code className="mono" data-testid="one-time-password">{notice.password}</code>
                </p>
                <CopyButton value={notice.password} what={a.passwordWhat} />
                <p className="kern-body kern-body--small">{a.oneTimeHint}</p>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {editing ? (
        <AccountForm
          key={editing.kind === 'edit' ? editing.account.id : 'new'}
          account={editing.kind === 'edit' ? editing.account : undefined}
          onDone={(result) => {
            setEditing(null);
            if (!result) return;
            void announce(result.password
              ? { type: 'success', text: a.created(result.account.id), password: result.password, id: result.account.id }
              : { type: 'success', text: a.saved(result.account.id) });
          }}
        />
      ) : (
        <div>
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => setEditing({ kind: 'new' })}>
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{a.create}</span>
          </button>
        </div>
      )}
      <section aria-labelledby="accounts-title" className="stack">
        <h2 id="accounts-title" className="kern-heading-medium">{a.listTitle}</h2>
        <p className="kern-body kern-body--small">{a.columnsNote}</p>
        {list.kind === 'loading' ? <Loading /> : null}
        {list.kind === 'failed' ? <ErrorState message={list.message} onRetry={reload} /> : null}
        {list.kind === 'ready' ? (
          <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby="accounts-title">
            <table className="kern-table kern-table--small accounts-table">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">{a.id}</th>
                  <th scope="col" className="kern-table__header">{a.displayName}</th>
                  <th scope="col" className="kern-table__header">{a.email}</th>
                  <th scope="col" className="kern-table__header">{a.roles}</th>
                  <th scope="col" className="kern-table__header">{a.departmentsShort}</th>
                  <th scope="col" className="kern-table__header">{a.leadOfShort}</th>
                  <th scope="col" className="kern-table__header">{a.status}</th>
                  <th scope="col" className="kern-table__header kern-table__header--action">{a.actions}</th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {list.items.map((account) => (
                  <tr key={account.id} className="kern-table__row">
                    <th scope="row" className="kern-table__header">{account.id}</th>
                    <td className="kern-table__cell">{account.displayName}</td>
                    <td className="kern-table__cell">{account.email}</td>
                    <td className="kern-table__cell">{names(account.roles, a.roleNames)}</td>
                    <td className="kern-table__cell">{names(account.departments, a.departmentNames)}</td>
                    <td className="kern-table__cell">{names(account.leadOf, a.departmentNames)}</td>
                    <td className="kern-table__cell">
                      {account.disabled ? a.inactive : a.active}
                      {account.lockedUntil ? `, ${a.lockedUntil(formatDateTime(account.lockedUntil, lang))}` : ''}
                      {account.mustChangePassword ? `, ${t.staffSecurity.mustChange}` : ''}
                      {`, ${account.secondFactor ? t.staffSecurity.secondFactorOn : t.staffSecurity.secondFactorOff}`}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <div className="accounts-actions">
                        <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => setEditing({ kind: 'edit', account })}>
                          <span className="kern-label">{a.edit}<span className="sr-only"> {account.id}</span></span>
                        </button>
                        <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void act(account, 'password-reset')}>
                          <span className="kern-label">{a.resetPassword}<span className="sr-only"> {account.id}</span></span>
                        </button>
                        {account.secondFactor ? (
                          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void act(account, 'second-factor-reset')}>
                            <span className="kern-label">{t.staffSecurity.removeSecondFactor}<span className="sr-only"> {account.id}</span></span>
                          </button>
                        ) : null}
                        {account.lockedUntil ? (
                          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void act(account, 'unlock')}>
                            <span className="kern-label">{a.unlock}<span className="sr-only"> {account.id}</span></span>
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
