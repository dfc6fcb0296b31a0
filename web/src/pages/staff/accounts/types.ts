import type { StaffRole } from '../../../staff-session.js';

/** An account as GET /api/staff/accounts lists it (never a password hash). */
export type Account = {
  id: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  departments: string[];
  leadOf: string[];
  disabled: boolean;
  lockedUntil?: string;
};

export const ROLES: StaffRole[] = ['warden', 'caseworker', 'station', 'designer', 'admin'];
export const DEPARTMENTS = ['traffic', 'fine-office', 'tax-office', 'citizens-office'];
