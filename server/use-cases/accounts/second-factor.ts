/**
 * The TOTP second factor (RFC 6238: 6 digits, 30 s, SHA-1 — what every authenticator app
 * reads from the QR code), with otplib. Optional for staff, required for the admin role: an
 * admin without it is sent to enrolment at sign-in and can do nothing else until done.
 *
 * The secret is stored sealed (store/sealed-box.ts, key derived from the payload key, bound to
 * the account's id), never shown again after enrolment. A code is accepted within one step
 * either side (clock drift) and only once (store/accounts/totp-steps.ts). Lost device: an
 * administrator or the command line (`npm run accounts:reset-totp -- <name>`) removes it, and
 * the person enrols again at the next sign-in.
 */
import { generateSecret, generateURI, verifySync } from 'otplib';
import { enableStaffTotp, findStaffAccount, removeStaffTotp, setStaffTotpPending, type StaffAccountDoc, type StoredTotp } from '../../../store/accounts/staff-accounts';
import { claimTotpStep } from '../../../store/accounts/totp-steps';
import { isSealed, SealedBox } from '../../../store/sealed-box';
import { deriveSecret } from '../../../system/secrets';
import { qrPng } from '../../../documents/qr';
import { AppError, notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { SessionStore } from '../../security/sessions';
import { auditAccount } from './account-view';
import { guarded } from './own-account-limits';

const ISSUER = 'Stadt Hagen – amtsweg';
/** Codes one 30-second step early or late still count (phones' clocks drift). */
const TOLERANCE_SECONDS = 30;

const box = (system: Pick<System, 'secrets'>) => new SealedBox(deriveSecret(system.secrets.payloadKey, 'staff-totp-secret'));
const context = (accountId: string) => `staff-account:${accountId}:totp`;

export const hasSecondFactor = (account: Pick<StaffAccountDoc, 'totp'> | null | undefined): boolean =>
  Boolean(account?.totp && isSealed((account.totp as StoredTotp).secret));

/** Checks `code` against a stored secret; a code matches once. */
async function codeMatches(system: System, accountId: string, stored: StoredTotp, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code) || !isSealed(stored.secret)) return false;
  const secret = box(system).open<string>(stored.secret, context(accountId));
  const result = verifySync({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid) return false;
  // A TOTP result names the 30-second step the code matched (a HOTP one would not: not used here).
  const { timeStep } = result as { timeStep: number };
  return claimTotpStep(system.conn, accountId, timeStep);
}

/** At sign-in: the account's second factor accepts this code (once). */
export async function verifySignInCode(system: System, account: StaffAccountDoc, code: string): Promise<boolean> {
  return account.totp ? codeMatches(system, account._id, account.totp as StoredTotp, code) : false;
}

export interface Enrolment { secret: string; otpauthUri: string; qrCode: string }

/** A new secret to scan (replaces an earlier unconfirmed one); the QR code as a PNG data URL. */
export async function startEnrolment(system: System, accountId: string): Promise<Enrolment> {
  const account = await findStaffAccount(system.conn, accountId);
  if (!account) throw notFound({ de: 'Das Konto', en: 'The account' });
  if (hasSecondFactor(account)) {
    throw new AppError('conflict', { de: 'Für Ihr Konto ist schon ein zweiter Faktor eingerichtet.', en: 'Your account already has a second factor.' });
  }
  const secret = generateSecret();
  await setStaffTotpPending(system.conn, accountId, { secret: box(system).seal(secret, context(accountId)), createdAt: new Date() });
  const otpauthUri = generateURI({ issuer: ISSUER, label: accountId, secret });
  return { secret, otpauthUri, qrCode: `data:image/png;base64,${(await qrPng(otpauthUri, { scale: 6 })).toString('base64')}` };
}

const wrongCode = () => new AppError('rejected', { de: 'Der Code stimmt nicht. Bitte geben Sie den aktuellen Code aus Ihrer App ein.', en: 'The code is not right. Please enter the current code from your app.' }, {
  fields: [{ field: 'code', message: { de: 'Der Code stimmt nicht.', en: 'The code is not right.' } }],
});

/** Confirms enrolment with a code from the app; guesses are limited like the password change. */
export async function confirmEnrolment(system: System, accountId: string, code: string): Promise<void> {
  await guarded(system, `totp-enrolment|${accountId}`, async () => {
    const account = await findStaffAccount(system.conn, accountId);
    if (!account) throw notFound({ de: 'Das Konto', en: 'The account' });
    const pending = account.totpPending as StoredTotp | undefined;
    if (!pending) {
      throw new AppError('conflict', { de: 'Bitte beginnen Sie die Einrichtung neu.', en: 'Please start the set-up again.' });
    }
    if (!(await codeMatches(system, accountId, pending, code))) return { ok: false, error: wrongCode() };
    await enableStaffTotp(system.conn, accountId, { secret: pending.secret, enabledAt: new Date() });
    await auditAccount(system, accountId, accountId, 'second-factor-enabled');
    return { ok: true };
  });
}

/** Removes the second factor (an administrator, or the command line for a lost device); sessions end. */
export async function resetSecondFactor(system: Pick<System, 'conn' | 'model'>, actor: string, accountId: string): Promise<boolean> {
  const account = await findStaffAccount(system.conn, accountId);
  if (!account) return false;
  await removeStaffTotp(system.conn, accountId);
  await new SessionStore(system.conn).deleteForAccount(accountId);
  await auditAccount(system as System, accountId, actor, 'second-factor-removed');
  return true;
}
