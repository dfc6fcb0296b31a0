/**
 * Staff sign-in and sign-out. A wrong password and an unknown user name get the same answer
 * after the same argon2 work; locked names and busy addresses get 429 before any hashing.
 */
import { findStaffAccount, type StaffRole } from '../../../store/accounts/staff-accounts';
import type { Department } from '../../../domain/departments';
import { AppError } from '../../http/app-error';
import { verifyPassword } from '../../security/passwords';
import { SessionStore, type SessionDoc } from '../../security/sessions';
import { LOCK_MS, type SignInLimiter } from '../../security/sign-in-limiter';
import type { System } from '../../../system/system';
import { auditAccount } from './account-view';

/** What the web app learns about the person signed in (GET /api/staff/session and the sign-in answer). */
export interface StaffSessionView {
  id: string;
  displayName: string;
  roles: StaffRole[];
  departments: Department[];
  leadOf: Department[];
  csrfToken: string;
}

export const tooManyAttempts = (retryAfterMs: number) => new AppError('too_many_attempts', {
  de: 'Zu viele fehlgeschlagene Anmeldungen. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  en: 'Too many failed sign-ins. Please wait a few minutes and try again.',
}, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

const wrongCredentials = () => new AppError('access_denied', {
  de: 'Benutzername oder Passwort ist falsch.',
  en: 'The user name or password is wrong.',
});

export const normaliseUserName = (name: string) => name.trim().toLowerCase();

export async function signIn(system: System, limiter: SignInLimiter, input: { userName: string; password: string; address: string }): Promise<{ token: string; view: StaffSessionView; session: SessionDoc }> {
  const name = normaliseUserName(input.userName);
  const wait = await limiter.retryAfterMs(name, input.address);
  if (wait > 0) throw tooManyAttempts(wait);
  // Numbered before the (slow) password check, so parallel guesses cannot all get one.
  const attempt = await limiter.claimAttempt(name);
  if (!attempt.allowed) throw tooManyAttempts(LOCK_MS);
  const account = await findStaffAccount(system.conn, name);
  const usable = account && !account.disabled ? account : undefined;
  const ok = await verifyPassword(usable?.passwordHash, input.password);
  if (!ok || !usable) {
    const { locked } = await limiter.recordFailure(name, input.address, attempt.n);
    // Failures for names that are no account are not audited: anyone could fill the trail with them.
    if (account) {
      await auditAccount(system, name, 'anonymous', 'sign-in-failed', { address: input.address, ...(account.disabled ? { disabled: true } : {}) });
      if (locked) await auditAccount(system, name, 'system', 'locked-out', { address: input.address });
    }
    throw wrongCredentials();
  }
  await limiter.recordSuccess(name);
  const sessions = new SessionStore(system.conn);
  await sessions.purgeExpired();
  const { token, session } = await sessions.create(usable._id);
  await auditAccount(system, usable._id, usable._id, 'signed-in', { address: input.address });
  return {
    token, session,
    view: {
      id: usable._id, displayName: usable.displayName, roles: usable.roles as StaffRole[],
      departments: usable.departments as Department[], leadOf: usable.leadOf as Department[], csrfToken: session.csrfToken,
    },
  };
}

export async function signOut(system: System, session: SessionDoc): Promise<void> {
  await new SessionStore(system.conn).delete(session._id);
  await auditAccount(system, session.accountId, session.accountId, 'signed-out');
}
