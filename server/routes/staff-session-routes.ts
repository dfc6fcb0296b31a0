/**
 * Staff sign-in with user name and password. The session cookie is httpOnly, SameSite=Strict
 * and Secure on https; the answer carries the session's CSRF token, which the web app sends as
 * `X-CSRF-Token` on every unsafe call (checked centrally in server/app.ts).
 */
import type { Request } from 'express';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { department, staffRole } from './schemas';
import { named } from '../http/openapi';
import { servedOverTls, staffCookieName, staffSessionOf } from '../http/authenticate';
import { defineRoutes } from '../http/route';
import type { System } from '../../system/system';
import { ABSOLUTE_TTL_MS } from '../security/sessions';
import { csrfFailed } from '../security/csrf';
import { signIn, signOut, type StaffSessionView } from '../use-cases/accounts/sign-in';
import { changeOwnPassword } from '../use-cases/accounts/manage-accounts';


export const staffSessionSchema = named('StaffSession', {
  type: 'object',
  required: ['id', 'displayName', 'roles', 'departments', 'leadOf', 'csrfToken'],
  properties: {
    id: { type: 'string' }, displayName: { type: 'string' },
    roles: { type: 'array', items: staffRole },
    departments: { type: 'array', items: department },
    leadOf: { type: 'array', items: department },
    csrfToken: { type: 'string', description: 'Send as X-CSRF-Token on every POST, PUT and DELETE.' },
  },
});


export const staffSessionRoutes = defineRoutes([
  {
    method: 'get', path: '/api/staff/session', summary: 'The current staff session and its CSRF token', tags: ['staff'], roles: [...STAFF_ROLES],
    responses: { 200: { description: 'Signed in', schema: staffSessionSchema }, 401: { description: 'Not signed in' } },
    async handler({ principal, res }) {
      const staff = staffSessionOf(res)!;
      const view: StaffSessionView = {
        id: principal.id, displayName: principal.displayName ?? principal.id, roles: principal.roles as StaffSessionView['roles'],
        departments: principal.departments, leadOf: staff.leadOf, csrfToken: staff.session.csrfToken,
      };
      return { json: view };
    },
  },
  {
    method: 'post', path: '/api/staff/session', summary: 'Sign in with user name and password', tags: ['staff'], roles: ['public'],
    body: {
      type: 'object', required: ['userName', 'password'], additionalProperties: false,
      properties: { userName: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 500 } },
    },
    responses: {
      200: { description: 'Signed in; session cookie set', schema: staffSessionSchema },
      401: { description: 'User name or password wrong (one answer for both)' },
      422: { description: 'User name or password missing, empty or too long' },
      429: { description: 'Locked for 15 minutes after 5 failures, or too many failures from this address (Retry-After)' },
    },
    async handler({ body, system, res, req }) {
      const { userName, password } = body as { userName: string; password: string };
      const { token, view } = await signIn(system, req.app.locals.signInLimiter, { userName, password, address: req.ip ?? 'unknown' });
      res.cookie(staffCookieName(req, system), token, { httpOnly: true, sameSite: 'strict', secure: servedOverTls(req, system), maxAge: ABSOLUTE_TTL_MS, path: '/' });
      return { json: view };
    },
  },
  {
    method: 'delete', path: '/api/staff/session', summary: 'Sign out (ends the session on the server)', tags: ['staff'], roles: ['public'],
    responses: { 204: { description: 'Signed out' }, 403: { description: 'Signed in, but the X-CSRF-Token header is missing or wrong' } },
    async handler({ res, req, system }) {
      // Signing out ends the server-side session, so it needs the CSRF token like any change.
      if (res.locals.csrfRejected) throw csrfFailed();
      const staff = staffSessionOf(res);
      if (staff) await signOut(system, staff.session);
      res.clearCookie(staffCookieName(req, system), { httpOnly: true, sameSite: 'strict', secure: servedOverTls(req, system), path: '/' });
      return { status: 204 };
    },
  },
  {
    method: 'post', path: '/api/staff/password', summary: 'Change your own password (other sessions end)', tags: ['staff'], roles: [...STAFF_ROLES],
    body: {
      type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false,
      properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 500 }, newPassword: { type: 'string', minLength: 1, maxLength: 500 } },
    },
    responses: {
      204: { description: 'Changed' }, 401: { description: 'Not signed in' }, 403: { description: 'The X-CSRF-Token header is missing or wrong' },
      422: { description: 'Current password wrong, or the new one breaks a rule' },
    },
    async handler({ body, system, principal, res }) {
      await changeOwnPassword(system, principal.id, staffSessionOf(res)!.session._id, body as { currentPassword: string; newPassword: string });
      return { status: 204 };
    },
  },
]);
