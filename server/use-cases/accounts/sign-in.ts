/**
 * Staff sign-in and sign-out. A wrong password and an unknown user name get the same answer
 * after the same argon2 work; a name that must wait at this address, and a busy address, get
 * 429 before any hashing (limits: server/security/sign-in-limiter.ts). An account with a
 * second factor signs in with password and the current TOTP code in one request; without the
 * code the answer is 401 `second_factor_required` (only after the right password).
 */
import { findStaffAccount, listStaffAccounts, type StaffAccountDoc, type StaffRole } from '../../../store/accounts/staff-accounts';
import { sendMailOnce } from '../../../adapters/mail/mailer';
import type { Department } from '../../../domain/departments';
import { AppError } from '../../http/app-error';
import { verifyPassword } from '../../security/passwords';
import { SessionStore, type SessionDoc } from '../../security/sessions';
import { CEILING_LOCK_MS, NAME_CEILING, type SignInLimiter } from '../../security/sign-in-limiter';
import type { System } from '../../../system/system';
import { auditAccount } from './account-view';
import { lockedForNewDevices, tooManyAttempts } from './errors';
import { mintDevice, trustedDevice } from '../../security/device-cookie';
import { deriveSecret } from '../../../system/secrets';
import { hasSecondFactor, verifySignInCode } from './second-factor';
import { pendingStepOf, type PendingStep } from './pending-step';

export { tooManyAttempts } from './errors';

/** What the web app learns about the person signed in (GET /api/staff/session and the sign-in answer). */
export interface StaffSessionView {
  id: string;
  displayName: string;
  roles: StaffRole[];
  departments: Department[];
  leadOf: Department[];
  csrfToken: string;
  /** Until done, the session can do only this (and sign out). */
  pendingStep?: PendingStep;
  secondFactor: boolean;
}

export const toSessionView = (account: StaffAccountDoc, session: SessionDoc, config: System['config']): StaffSessionView => {
  const pendingStep = pendingStepOf(account, config);
  return {
    id: account._id, displayName: account.displayName, roles: account.roles as StaffRole[],
    departments: account.departments as Department[], leadOf: account.leadOf as Department[], csrfToken: session.csrfToken,
    ...(pendingStep ? { pendingStep } : {}), secondFactor: hasSecondFactor(account),
  };
};

const wrongCredentials = () => new AppError('access_denied', {
  de: 'Benutzername oder Passwort ist falsch.',
  en: 'The user name or password is wrong.',
});
const codeRequired = () => new AppError('second_factor_required', {
  de: 'Bitte geben Sie zusätzlich den aktuellen Code aus Ihrer Authenticator-App ein.',
  en: 'Please also enter the current code from your authenticator app.',
});
const wrongCode = () => new AppError('access_denied', {
  de: 'Der Code aus der Authenticator-App stimmt nicht. Bitte geben Sie den aktuellen Code ein.',
  en: 'The code from the authenticator app is not right. Please enter the current code.',
});

export const normaliseUserName = (name: string) => name.trim().toLowerCase();

/**
 * The name reached its daily ceiling of failures: audit event and one e-mail to every active
 * administrator (once per ceiling: the mail key carries the day). Never fails the sign-in answer.
 */
async function alertAdministrators(system: System, name: string, address: string): Promise<void> {
  await auditAccount(system, name, 'system', 'sign-in-ceiling-reached', { address, failures: NAME_CEILING, lockedForHours: CEILING_LOCK_MS / 3_600_000 });
  const admins = (await listStaffAccounts(system.conn)).filter((a) => a.roles.includes('admin') && !a.disabled);
  const day = new Date().toISOString().slice(0, 10);
  await Promise.all(admins.map((admin) => sendMailOnce(system.model, system.mailer, `staff-sign-in-ceiling:${name}:${day}:${admin._id}`, {
    to: admin.email,
    subject: `Anmeldesperre für das Konto ${name} / Sign-in lock on the account ${name}`,
    text: [
      `Für das Dienstkonto „${name}“ sind heute ${NAME_CEILING} Anmeldungen fehlgeschlagen, zuletzt von der Adresse ${address}.`,
      `Die Anmeldung nur mit Passwort ist für dieses Konto ${CEILING_LOCK_MS / 3_600_000} Stunden gesperrt; mit zweitem Faktor (Authenticator-App) bleibt sie möglich.`,
      'Bitte prüfen Sie den Vorgang. Entsperren: Dienst › Konten › „Entsperren“ oder auf dem Server `npm run accounts:unlock -- ' + name + '`.',
      '',
      `The staff account "${name}" had ${NAME_CEILING} failed sign-ins today, the last from ${address}.`,
      `Password-only sign-in is locked for this account for ${CEILING_LOCK_MS / 3_600_000} hours; with a second factor (authenticator app) it still works.`,
      'Please look into it. To unlock: Staff › Accounts › "Unlock", or on the server `npm run accounts:unlock -- ' + name + '`.',
    ].join('\n'),
  }).catch((error: unknown) => console.error(`[amtsweg] sign-in alert to ${admin._id} not sent: ${(error as Error).message}`))));
}

/**
 * `device`: the browser's device cookie (device-cookie.ts). The answer's `device` is the cookie
 * to set: a new one after every successful sign-in.
 */
export async function signIn(system: System, limiter: SignInLimiter, input: { userName: string; password: string; code?: string; address: string; device?: string }): Promise<{ token: string; view: StaffSessionView; session: SessionDoc; device: string }> {
  const name = normaliseUserName(input.userName);
  const code = input.code?.replace(/\s/g, '') || undefined;
  const deviceKey = deriveSecret(system.secrets.payloadKey, 'staff-device');
  const device = trustedDevice(deviceKey, name, input.device);
  // Numbered before the (slow) password check, so parallel guesses cannot all get one.
  const attempt = await limiter.begin(name, input.address, code !== undefined, Date.now(), device);
  if (!attempt.allowed) throw attempt.ceiling ? lockedForNewDevices(attempt.retryAfterMs) : tooManyAttempts(attempt.retryAfterMs);
  const account = await findStaffAccount(system.conn, name);
  const usable = account && !account.disabled ? account : undefined;
  const secondFactor = hasSecondFactor(usable);
  const ceilingWait = async () => Math.max(1000, ((await limiter.lockedUntil(name))?.getTime() ?? 0) - Date.now());
  if (attempt.ceilingLocked && !secondFactor) {
    // Over the daily ceiling only password plus second factor pass; this name has none.
    await limiter.abandon(attempt);
    throw lockedForNewDevices(await ceilingWait());
  }
  const passwordOk = await verifyPassword(usable?.passwordHash, input.password);
  if (passwordOk && usable && secondFactor && code === undefined) {
    // The right password, the code still to come: neither a failure nor a success.
    await limiter.abandon(attempt);
    throw codeRequired();
  }
  const codeOk = passwordOk && usable && secondFactor ? await verifySignInCode(system, usable, code!) : true;
  if (!passwordOk || !usable || !codeOk) {
    const { ceilingReached } = await limiter.failed(attempt);
    // Failures for names that are no account are not audited: anyone could fill the trail with them.
    if (account) {
      await auditAccount(system, name, 'anonymous', passwordOk ? 'second-factor-failed' : 'sign-in-failed', { address: input.address, ...(account.disabled ? { disabled: true } : {}) });
      if (ceilingReached) await alertAdministrators(system, name, input.address);
    }
    // Under the ceiling lock every answer but success is the lock's: a guess learns nothing.
    if (attempt.ceilingLocked) throw lockedForNewDevices(await ceilingWait());
    throw passwordOk && usable ? wrongCode() : wrongCredentials();
  }
  await limiter.succeeded(attempt);
  const sessions = new SessionStore(system.conn);
  await sessions.purgeExpired();
  const { token, session } = await sessions.create(usable._id);
  await auditAccount(system, usable._id, usable._id, 'signed-in', { address: input.address, ...(secondFactor ? { secondFactor: true } : {}), ...(device ? { knownDevice: true } : {}) });
  return { token, session, view: toSessionView(usable, session, system.config), device: mintDevice(deviceKey, name) };
}

export async function signOut(system: System, session: SessionDoc): Promise<void> {
  await new SessionStore(system.conn).delete(session._id);
  await auditAccount(system, session.accountId, session.accountId, 'signed-out');
}
