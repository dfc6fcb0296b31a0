import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { TextField } from '../../../components/text-field.js';
import { useI18n } from '../../../i18n.js';
import type { AccountWithPassword, StaffRole } from '../../../api/types.js';
import { DEPARTMENTS, ROLES } from './types.js';
import type { Account } from '../../../api/types.js';

type Props = {
  /** Absent: create a new account. */
  account?: Account;
  onDone: (result: { account: Account; password?: string } | null) => void;
};

type Errors = Partial<Record<'id' | 'displayName' | 'email' | 'roles' | 'departments' | 'leadOf' | 'disabled', string>>;
const FIELD_ORDER: Array<keyof Errors> = ['id', 'displayName', 'email', 'roles', 'departments', 'leadOf', 'disabled'];

/** Create or edit one account. Errors (ours and the server's) are listed in a focused summary linking to each field. */
export function AccountForm({ account, onDone }: Props) {
  const { t } = useI18n();
  const a = t.accounts;
  const [id, setId] = useState(account?.id ?? '');
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [email, setEmail] = useState(account?.email ?? '');
  const [roles, setRoles] = useState<StaffRole[]>(account?.roles ?? []);
  const [departments, setDepartments] = useState<string[]>(account?.departments ?? []);
  const [leadOf, setLeadOf] = useState<string[]>(account?.leadOf ?? []);
  const [disabled, setDisabled] = useState(account?.disabled ?? false);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = account ? `edit-${account.id}` : 'new-account';

  function showErrors(next: Errors, message?: string) {
    setErrors(next);
    setFailure(message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Errors = {
      ...(!account && !id.trim() ? { id: a.required(a.id) } : {}),
      ...(!displayName.trim() ? { displayName: a.required(a.displayName) } : {}),
      ...(!email.trim() ? { email: a.required(a.email) } : {}),
    };
    if (Object.keys(missing).length) return showErrors(missing);
    setBusy(true);
    const fields = { displayName: displayName.trim(), email: email.trim(), roles, departments, leadOf };
    try {
      const result = account
        ? { account: await api<Account>(`/api/staff/accounts/${encodeURIComponent(account.id)}`, { method: 'PUT', body: { ...fields, disabled } }) }
        : await api<AccountWithPassword>('/api/staff/accounts', { method: 'POST', body: { id: id.trim(), ...fields } });
      onDone(result);
    } catch (e) {
      // Server field names: `roles`, `/roles/0`, … → the field's first segment.
      const fromServer: Errors = {};
      if (e instanceof ApiError) for (const f of e.fields) fromServer[f.field.replace(/^\//, '').split('/')[0] as keyof Errors] ??= f.message;
      showErrors(fromServer, Object.keys(fromServer).length ? undefined : messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const listed = FIELD_ORDER.filter((f) => errors[f]);
  const checkboxes = (name: 'roles' | 'departments' | 'leadOf', legend: string, options: string[], labels: Record<string, string>, value: string[], set: (v: string[]) => void) => (
    <fieldset className={`kern-fieldset${errors[name] ? ' kern-fieldset--error' : ''}`} id={`${prefix}-${name}`} tabIndex={-1}
      aria-describedby={errors[name] ? `${prefix}-${name}-error` : undefined}>
      <legend className="kern-label">{legend}</legend>
      {errors[name] ? <p className="kern-error" id={`${prefix}-${name}-error`}><span className="kern-body">{errors[name]}</span></p> : null}
      <div className="kern-fieldset__body">
        {options.map((option) => (
          <div key={option} className="kern-form-check">
            <input
              type="checkbox"
              id={`${prefix}-${name}-${option}`}
              className="kern-form-check__checkbox"
              checked={value.includes(option)}
              onChange={(e) => set(e.target.checked ? [...value, option] : value.filter((v) => v !== option))}
            />
            <label className="kern-label" htmlFor={`${prefix}-${name}-${option}`}>{labels[option] ?? option}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );

  return (
    <section className="panel stack" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} className="kern-heading-medium">{account ? a.editTitle(account.id) : a.createTitle}</h2>
      <div ref={summaryRef} tabIndex={-1}>
        {listed.length || failure ? (
          <Alert type="danger" title={a.errorSummary}>
            {failure ? <p className="kern-body">{failure}</p> : null}
            {listed.length ? (
              <ul className="kern-list">
                {listed.map((f) => (
                  <li key={f}><a href={`#${prefix}-${f}`}>{errors[f]}</a></li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <form onSubmit={submit} noValidate className="stack">
        {account ? null : (
          <TextField id={`${prefix}-id`} label={a.id} hint={a.idHint} autoComplete="off" autoCapitalize="none" spellCheck={false}
            value={id} error={errors.id} onChange={(e) => setId(e.target.value)} />
        )}
        <TextField id={`${prefix}-displayName`} label={a.displayName} autoComplete="off" value={displayName} error={errors.displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <TextField id={`${prefix}-email`} label={a.email} type="email" autoComplete="off" value={email} error={errors.email} onChange={(e) => setEmail(e.target.value)} />
        {checkboxes('roles', a.roles, ROLES, a.roleNames, roles, (v) => setRoles(v as StaffRole[]))}
        {checkboxes('departments', a.departments, DEPARTMENTS, a.departmentNames, departments, setDepartments)}
        {checkboxes('leadOf', a.leadOf, DEPARTMENTS, a.departmentNames, leadOf, setLeadOf)}
        {account ? (
          <div className="kern-form-check" id={`${prefix}-disabled`} tabIndex={-1}>
            <input type="checkbox" id={`${prefix}-disabled-input`} className="kern-form-check__checkbox" checked={disabled}
              aria-describedby={errors.disabled ? `${prefix}-disabled-error` : undefined} onChange={(e) => setDisabled(e.target.checked)} />
            <label className="kern-label" htmlFor={`${prefix}-disabled-input`}>{a.disabled}</label>
            {errors.disabled ? <p className="kern-error" id={`${prefix}-disabled-error`}><span className="kern-body">{errors.disabled}</span></p> : null}
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{account ? a.save : a.create}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onDone(null)}>
            <span className="kern-label">{a.cancel}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
