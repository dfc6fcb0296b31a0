/** What the API shows of an account: never the password hash. */
import { randomUUID } from 'node:crypto';
import type { StaffAccountDoc, StaffRole } from '../../../store/accounts/staff-accounts';
import type { Department } from '../../../domain/departments';
import { appendAuditEvent } from '../../../store/audit';
import type { System } from '../../../system/system';

export interface AccountView {
  id: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  departments: Department[];
  leadOf: Department[];
  disabled: boolean;
  /** Set while the name is over its daily ceiling of failed sign-ins (password-only sign-in locked). */
  lockedUntil?: string;
  /** The password was issued by an administrator and is still to be changed by its owner. */
  mustChangePassword: boolean;
  /** A TOTP second factor is set up. */
  secondFactor: boolean;
}

export function toView(account: StaffAccountDoc, lockedUntil?: Date): AccountView {
  return {
    id: account._id, displayName: account.displayName, email: account.email,
    roles: account.roles as StaffRole[], departments: account.departments as Department[], leadOf: account.leadOf as Department[],
    disabled: Boolean(account.disabled), mustChangePassword: Boolean(account.mustChangePassword), secondFactor: Boolean(account.totp),
    ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}),
  };
}

/** One audit event per sign-in, sign-out, failure, lock-out and account change; each its own key. */
export function auditAccount(system: System, accountId: string, actor: string, action: string, details?: Record<string, unknown>): Promise<void> {
  return appendAuditEvent(system.model, {
    key: `staff-account:${accountId}:${action}:${randomUUID()}`, actor, action, caseType: 'staff-account', caseNumber: accountId, details,
  });
}
