/**
 * What a signed-in person must do before anything else: choose their own password after an
 * administrator (or a script) issued one, then — for the admin role — set up the TOTP second
 * factor. Until done, the session reaches only the routes of that step, the session itself
 * and sign-out (server/http/authenticate.ts `checkPendingStep`); the web app shows the step's
 * page instead of the one asked for.
 */
import type { StaffAccountDoc } from '../../../store/accounts/staff-accounts';
import type { AppConfig } from '../../../config/config';
import { AppError } from '../../http/app-error';
import { hasSecondFactor } from './second-factor';

export type PendingStep = 'change-password' | 'enrol-second-factor';

export function pendingStepOf(account: StaffAccountDoc, config?: Pick<AppConfig, 'adminSecondFactorOptional'>): PendingStep | undefined {
  if (account.mustChangePassword) return 'change-password';
  if (account.roles.includes('admin') && !hasSecondFactor(account) && !config?.adminSecondFactorOptional) return 'enrol-second-factor';
  return undefined;
}

/** The routes a session with a pending step may call: `<METHOD> <route path>`. */
const ALLOWED: Record<PendingStep, ReadonlySet<string>> = {
  'change-password': new Set(['GET /api/staff/session', 'DELETE /api/staff/session', 'POST /api/staff/password']),
  'enrol-second-factor': new Set(['GET /api/staff/session', 'DELETE /api/staff/session', 'POST /api/staff/password',
    'POST /api/staff/second-factor/enrolment', 'POST /api/staff/second-factor']),
};

export function pendingStepBlocks(step: PendingStep | undefined, method: string, routePath: string): AppError | undefined {
  if (!step || ALLOWED[step].has(`${method.toUpperCase()} ${routePath}`)) return undefined;
  return step === 'change-password'
    ? new AppError('password_change_required', { de: 'Bitte ändern Sie zuerst Ihr Passwort.', en: 'Please change your password first.' })
    : new AppError('second_factor_enrolment_required', {
      de: 'Bitte richten Sie zuerst den zweiten Faktor (Authenticator-App) ein.', en: 'Please set up the second factor (authenticator app) first.',
    });
}
