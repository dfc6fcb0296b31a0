import type { Department, StaffRole } from '../../../api/types.js';

// Records, not lists: a role or department added to the API fails the type check until it is offered here.
const roles: Record<StaffRole, true> = { warden: true, caseworker: true, station: true, designer: true, admin: true };
const departments: Record<Department, true> = { traffic: true, 'fine-office': true, 'tax-office': true, 'citizens-office': true };

export const ROLES = Object.keys(roles) as StaffRole[];
export const DEPARTMENTS = Object.keys(departments) as Department[];
