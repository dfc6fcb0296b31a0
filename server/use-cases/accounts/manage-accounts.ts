/**
 * Account administration (role admin) and the own-password change. Passwords an admin hands
 * out are generated and returned exactly once; the database keeps only the argon2id hash.
 * Disabling an account or resetting its password ends its sessions at once.
 */
import {
  findStaffAccount, insertStaffAccount, listStaffAccounts, setStaffPasswordHash, staffEmails, updateStaffAccount, type StaffAccountDoc, type StaffRole,
} from '../../../store/accounts/staff-accounts';
import type { Department } from '../../../domain/departments';
import { AppError, notFound, type FieldError } from '../../http/app-error';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../security/passwords';
import { SessionStore } from '../../security/sessions';
import { SignInLimiter } from '../../security/sign-in-limiter';
import type { System } from '../../../system/system';
import { isActiveAdmin, withAdminGuard } from '../../../store/accounts/admin-guard';
import { auditAccount, toView, type AccountView } from './account-view';
import { guarded } from './own-account-limits';
import { resetSecondFactor } from './second-factor';

export interface AccountFields {
  displayName: string;
  email: string;
  roles: StaffRole[];
  departments: Department[];
  leadOf: Department[];
}
export interface NewAccount extends AccountFields { id: string }
export interface AccountUpdate extends AccountFields { disabled: boolean }

const ACCOUNT = { de: 'Das Konto', en: 'The account' };
const rejected = (field: string, message: { de: string; en: string }) =>
  new AppError('rejected', message, { fields: [{ field, message } satisfies FieldError] });

/** Rules beyond the JSON schema: a caseworker works at least one department's queue. */
function checkFields(fields: AccountFields): void {
  if (fields.roles.includes('caseworker') && fields.departments.length === 0) {
    throw rejected('departments', { de: 'Sachbearbeitung braucht mindestens ein Amt.', en: 'A caseworker needs at least one department.' });
  }
}

/**
 * One account per e-mail address (compared without case): overdue-task mails and password
 * notices must reach one person. A scan, but of a few hundred accounts, on an admin's action.
 */
async function checkEmailFree(system: System, email: string, exceptId?: string): Promise<void> {
  const wanted = email.toLowerCase();
  const others = await staffEmails(system.conn);
  if (others.some((a) => a.id !== exceptId && a.email?.toLowerCase() === wanted)) {
    throw new AppError('conflict', { de: 'Diese E-Mail-Adresse hat schon ein anderes Konto.', en: 'Another account already has this e-mail address.' }, {
      fields: [{ field: 'email', message: { de: 'Schon vergeben.', en: 'Already taken.' } }],
    });
  }
}

const unique = <T>(values: T[]) => [...new Set(values)];
const clean = (f: AccountFields): AccountFields => ({
  displayName: f.displayName.trim(), email: f.email.trim(), roles: unique(f.roles), departments: unique(f.departments), leadOf: unique(f.leadOf),
});

export async function listAccounts(system: System): Promise<AccountView[]> {
  // A scan, but of a few hundred accounts; lock states are `_id` lookups.
  const accounts = await listStaffAccounts(system.conn);
  const limiter = new SignInLimiter(system.conn);
  return Promise.all(accounts.map(async (a) => toView(a, await limiter.lockedUntil(a._id))));
}

async function load(system: System, id: string): Promise<StaffAccountDoc> {
  const account = await findStaffAccount(system.conn, id);
  if (!account) throw notFound(ACCOUNT);
  return account;
}

const RESERVED_ACTORS = ['system', 'citizen', 'anonymous', 'staff'];

/**
 * Creates the account with a generated password, returned once. The user name is claimed by
 * insert. The password is `issued` (changed at the first sign-in) unless the caller says the
 * person chose it themselves (test fixtures).
 */
export async function createAccount(system: System, actor: string, input: NewAccount, password = generatePassword(), options: { issued?: boolean } = {}): Promise<{ account: AccountView; password: string }> {
  const fields = clean(input);
  checkFields(fields);
  const id = input.id.trim().toLowerCase();
  // The audit trail names these as actors: an account of that name would pass for them.
  if (RESERVED_ACTORS.includes(id)) throw rejected('id', { de: 'Dieser Name ist reserviert.', en: 'This name is reserved.' });
  const problem = passwordProblem(password, id);
  if (problem) throw rejected('password', problem);
  await checkEmailFree(system, fields.email);
  if (!(await insertStaffAccount(system.conn, { _id: id, ...fields, passwordHash: await hashPassword(password), passwordChangedAt: new Date(), mustChangePassword: options.issued ?? true }))) {
    throw new AppError('conflict', { de: 'Diesen Benutzernamen gibt es schon.', en: 'This user name is already taken.' }, {
      fields: [{ field: 'id', message: { de: 'Schon vergeben.', en: 'Already taken.' } }],
    });
  }
  await auditAccount(system, id, actor, 'account-created', { roles: fields.roles, departments: fields.departments, leadOf: fields.leadOf });
  return { account: toView(await load(system, id)), password };
}

const lastAdmin = (field: 'roles' | 'disabled') => rejected(field, {
  de: 'Es muss mindestens ein aktives Konto mit der Rolle Administration bleiben.',
  en: 'At least one active account with the admin role must remain.',
});
const noLongerAdmin = () => new AppError('forbidden', { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' });

export async function updateAccount(system: System, actor: string, id: string, input: AccountUpdate): Promise<AccountView> {
  const fields = clean(input);
  checkFields(fields);
  if (id === actor && !fields.roles.includes('admin')) {
    throw rejected('roles', { de: 'Sie können sich die Rolle Administration nicht selbst nehmen.', en: 'You cannot remove your own admin role.' });
  }
  if (id === actor && input.disabled) {
    throw rejected('disabled', { de: 'Sie können Ihr eigenes Konto nicht sperren.', en: 'You cannot disable your own account.' });
  }
  // Under the admin guard: two admins demoting each other at once run one after the other, and the second sees the first's change.
  const before = await withAdminGuard(system.conn, async (accounts, lease) => {
    const current = accounts.find((a) => a._id === id);
    if (!current) throw notFound(ACCOUNT);
    // The caller was an admin when the request came in; a change that ran just before may have ended that.
    if (!isActiveAdmin(accounts.find((a) => a._id === actor))) throw noLongerAdmin();
    const after = { roles: fields.roles, disabled: input.disabled };
    if (isActiveAdmin(current) && !isActiveAdmin(after) && !accounts.some((a) => a._id !== id && isActiveAdmin(a))) {
      throw lastAdmin(fields.roles.includes('admin') ? 'disabled' : 'roles');
    }
    if (fields.email.toLowerCase() !== current.email?.toLowerCase()) await checkEmailFree(system, fields.email, id);
    lease.check();
    await updateStaffAccount(system.conn, id, { ...fields, disabled: input.disabled });
    return current;
  });
  if (input.disabled) await new SessionStore(system.conn).deleteForAccount(id);
  const changed = Object.fromEntries(Object.entries({ ...fields, disabled: input.disabled })
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k] ?? (k === 'disabled' ? false : undefined))));
  await auditAccount(system, id, actor, 'account-updated', { changed });
  return toView(await load(system, id), await new SignInLimiter(system.conn).lockedUntil(id));
}

/** A new generated password, returned once; every session of the account ends. */
export async function resetPassword(system: System, actor: string, id: string): Promise<{ account: AccountView; password: string }> {
  await load(system, id);
  const password = generatePassword();
  // Issued: the person chooses their own at the next sign-in.
  await setStaffPasswordHash(system.conn, id, await hashPassword(password), true);
  await new SessionStore(system.conn).deleteForAccount(id);
  await auditAccount(system, id, actor, 'password-reset');
  return { account: toView(await load(system, id), await new SignInLimiter(system.conn).lockedUntil(id)), password };
}

export async function unlockAccount(system: System, actor: string, id: string): Promise<AccountView> {
  const account = await load(system, id);
  await new SignInLimiter(system.conn).unlock(id);
  await auditAccount(system, id, actor, 'account-unlocked');
  return toView(account);
}

/**
 * The person's own change: the current password proves it is them; their other sessions end.
 * Wrong current passwords are limited like sign-in (own-account-limits.ts). After an issued
 * password the new one must differ from it.
 */
export async function changeOwnPassword(system: System, id: string, keepSession: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const account = await load(system, id);
  await guarded(system, `password-change|${id}`, async () => {
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      return { ok: false, error: rejected('currentPassword', { de: 'Das bisherige Passwort ist falsch.', en: 'The current password is wrong.' }) };
    }
    return { ok: true };
  });
  const problem = passwordProblem(input.newPassword, id);
  if (problem) throw rejected('newPassword', problem);
  if (input.newPassword === input.currentPassword) {
    throw rejected('newPassword', { de: 'Das neue Passwort muss sich vom bisherigen unterscheiden.', en: 'The new password must differ from the current one.' });
  }
  await setStaffPasswordHash(system.conn, id, await hashPassword(input.newPassword));
  await new SessionStore(system.conn).deleteForAccount(id, keepSession);
  await auditAccount(system, id, id, 'password-changed');
}

/** An administrator removes someone's second factor (a lost phone); they enrol again at the next sign-in. */
export async function removeSecondFactor(system: System, actor: string, id: string): Promise<AccountView> {
  await load(system, id);
  await resetSecondFactor(system, actor, id);
  return toView(await load(system, id), await new SignInLimiter(system.conn).lockedUntil(id));
}
