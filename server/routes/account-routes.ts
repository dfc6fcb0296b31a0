/** Staff accounts: administration (role admin). Generated passwords appear once, in the answer. */
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { defineRoutes } from '../http/route';
import { named } from '../http/openapi';
import { department, staffRole } from './schemas';
import {
  createAccount, listAccounts, removeSecondFactor, resetPassword, unlockAccount, updateAccount, type AccountUpdate, type NewAccount,
} from '../use-cases/accounts/manage-accounts';

const departments = { type: 'array', maxItems: DEPARTMENT_IDS.length, uniqueItems: true, items: department };
const editable = {
  // Printed in the audit trail and in e-mails: no control characters, not only spaces.
  displayName: { type: 'string', minLength: 1, maxLength: 120, pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]+$' },
  email: { type: 'string', format: 'email', maxLength: 200 },
  roles: { type: 'array', minItems: 1, maxItems: STAFF_ROLES.length, uniqueItems: true, items: staffRole },
  departments,
  leadOf: departments,
};
export const accountSchema = named('Account', {
  type: 'object',
  required: ['id', 'displayName', 'email', 'roles', 'departments', 'leadOf', 'disabled', 'mustChangePassword', 'secondFactor'],
  properties: {
    id: { type: 'string' }, ...editable, disabled: { type: 'boolean' },
    lockedUntil: { type: 'string', format: 'date-time', description: 'Password-only sign-in locked: the name reached its daily ceiling of failed sign-ins' },
    mustChangePassword: { type: 'boolean', description: 'The password was issued by an administrator; its owner changes it at the next sign-in' },
    secondFactor: { type: 'boolean', description: 'A TOTP second factor is set up' },
  },
});
const withPassword = named('AccountWithPassword', { type: 'object', required: ['account', 'password'], properties: { account: accountSchema, password: { type: 'string', description: 'Shown once; not stored in clear.' } } });
const idParam = { 404: { description: 'No such account' } };
/** What every account route answers before its handler runs (server/app.ts: sign-in, role, CSRF token). */
const guarded = {
  401: { description: 'Not signed in' },
  403: { description: 'Not an administrator, or the X-CSRF-Token header is missing or wrong' },
};

export const accountRoutes = defineRoutes([
  {
    method: 'get', path: '/api/staff/accounts', summary: 'All staff accounts', tags: ['accounts'], roles: ['admin'],
    responses: { ...guarded, 200: { description: 'Accounts by user name', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: accountSchema } } } } },
    async handler({ system }) {
      return { json: { items: await listAccounts(system) } };
    },
  },
  {
    method: 'post', path: '/api/staff/accounts', summary: 'Create an account; the initial password is in the answer, once', tags: ['accounts'], roles: ['admin'],
    body: {
      type: 'object', additionalProperties: false, required: ['id', 'displayName', 'email', 'roles', 'departments', 'leadOf'],
      properties: { id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9._-]{1,39}$', description: 'User name (stored lower case)' }, ...editable },
    },
    responses: { ...guarded, 201: { description: 'Created', schema: withPassword }, 409: { description: 'User name or e-mail address taken' }, 422: { description: 'Invalid fields' } },
    async handler({ body, system, principal }) {
      return { status: 201, json: await createAccount(system, principal.id, body as NewAccount) };
    },
  },
  {
    method: 'put', path: '/api/staff/accounts/:id', summary: 'Change an account (name, e-mail, roles, departments, leads, disabled)', tags: ['accounts'], roles: ['admin'],
    body: {
      type: 'object', additionalProperties: false, required: ['displayName', 'email', 'roles', 'departments', 'leadOf', 'disabled'],
      properties: { ...editable, disabled: { type: 'boolean' } },
    },
    responses: { ...guarded, 200: { description: 'Changed', schema: accountSchema }, ...idParam, 409: { description: 'E-mail address taken by another account' },
      422: { description: 'Invalid, an admin removing their own admin role or disabling themselves, or the change would leave no active admin' } },
    async handler({ body, system, principal, params }) {
      return { json: await updateAccount(system, principal.id, params.id!, body as AccountUpdate) };
    },
  },
  {
    method: 'post', path: '/api/staff/accounts/:id/password-reset', summary: 'Reset the password; the new one is in the answer, once; sessions end', tags: ['accounts'], roles: ['admin'],
    responses: { ...guarded, 200: { description: 'Reset', schema: withPassword }, ...idParam },
    async handler({ system, principal, params }) {
      return { json: await resetPassword(system, principal.id, params.id!) };
    },
  },
  {
    method: 'post', path: '/api/staff/accounts/:id/unlock', summary: "End a name's sign-in lock (the daily ceiling and every address's delay)", tags: ['accounts'], roles: ['admin'],
    responses: { ...guarded, 200: { description: 'Unlocked', schema: accountSchema }, ...idParam },
    async handler({ system, principal, params }) {
      return { json: await unlockAccount(system, principal.id, params.id!) };
    },
  },
  {
    method: 'post', path: '/api/staff/accounts/:id/second-factor-reset', summary: 'Remove the TOTP second factor (lost device); sessions end, the person enrols again', tags: ['accounts'], roles: ['admin'],
    responses: { ...guarded, 200: { description: 'Removed', schema: accountSchema }, ...idParam },
    async handler({ system, principal, params }) {
      return { json: await removeSecondFactor(system, principal.id, params.id!) };
    },
  },
]);
