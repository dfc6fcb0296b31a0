/**
 * Staff sign-in with user name and password. The session cookie is httpOnly, SameSite=Strict
 * and Secure on https; the answer carries the session's CSRF token, which the web app sends as
 * `X-CSRF-Token` on every unsafe call (checked centrally in server/app.ts).
 */
import type { Request } from 'express';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { department, staffRole } from './schemas';
import { named } from '../http/openapi';
import { cookie, servedOverTls, staffCookieName, staffSessionOf } from '../http/authenticate';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, DEVICE_MAX_AGE_MS } from '../security/device-cookie';
import { defineRoutes } from '../http/route';
import type { System } from '../../system/system';
import { ABSOLUTE_TTL_MS } from '../security/sessions';
import { csrfFailed } from '../security/csrf';
import { signIn, signOut, type StaffSessionView } from '../use-cases/accounts/sign-in';
import { changeOwnPassword } from '../use-cases/accounts/manage-accounts';
import { confirmEnrolment, hasSecondFactor, startEnrolment } from '../use-cases/accounts/second-factor';
import { findStaffAccount } from '../../store/accounts/staff-accounts';


export const staffSessionSchema = named('StaffSession', {
  type: 'object',
  required: ['id', 'displayName', 'roles', 'departments', 'leadOf', 'csrfToken', 'secondFactor'],
  properties: {
    id: { type: 'string' }, displayName: { type: 'string' },
    roles: { type: 'array', items: staffRole },
    departments: { type: 'array', items: department },
    leadOf: { type: 'array', items: department },
    csrfToken: { type: 'string', description: 'Send as X-CSRF-Token on every POST, PUT and DELETE.' },
    pendingStep: {
      type: 'string', enum: ['change-password', 'enrol-second-factor'],
      description: 'Until done, the session reaches only this step (403 password_change_required / second_factor_enrolment_required elsewhere)',
    },
    secondFactor: { type: 'boolean', description: 'The account has a TOTP second factor' },
  },
});
const tooMany = { 429: { description: 'Too many wrong guesses in a row: wait (Retry-After, growing with every further failure)' } };


export const staffSessionRoutes = defineRoutes([
  {
    method: 'get', path: '/api/staff/session', summary: 'The current staff session and its CSRF token', tags: ['staff'], roles: [...STAFF_ROLES],
    responses: { 200: { description: 'Signed in', schema: staffSessionSchema }, 401: { description: 'Not signed in' } },
    async handler({ principal, res, system }) {
      const staff = staffSessionOf(res)!;
      const view: StaffSessionView = {
        id: principal.id, displayName: principal.displayName ?? principal.id, roles: principal.roles as StaffSessionView['roles'],
        departments: principal.departments, leadOf: staff.leadOf, csrfToken: staff.session.csrfToken,
        ...(staff.pendingStep ? { pendingStep: staff.pendingStep } : {}),
        secondFactor: hasSecondFactor(await findStaffAccount(system.conn, principal.id)),
      };
      return { json: view };
    },
  },
  {
    method: 'post', path: '/api/staff/session', summary: 'Sign in with user name and password (and the TOTP code, for an account with a second factor)', tags: ['staff'], roles: ['public'],
    body: {
      type: 'object', required: ['userName', 'password'], additionalProperties: false,
      properties: {
        userName: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 500 },
        code: { type: 'string', maxLength: 20, description: 'The current 6-digit code of the authenticator app' },
      },
    },
    responses: {
      200: { description: 'Signed in; session cookie set', schema: staffSessionSchema },
      401: { description: 'User name or password wrong (one answer for both), the code wrong, or second_factor_required: the password was right, the code is missing' },
      422: { description: 'User name or password missing, empty or too long' },
      429: { description: 'This name must wait at this address (5 failures in a row, then 1, 2, 4 … minutes), the name reached its daily ceiling (password-only sign-in locked for 24 h; administrators are alerted), or too many failures from this address (Retry-After)' },
    },
    async handler({ body, system, res, req }) {
      const { userName, password, code } = body as { userName: string; password: string; code?: string };
      const { token, view, device } = await signIn(system, req.app.locals.signInLimiter, { userName, password, code, address: req.ip ?? 'unknown', device: cookie(req, DEVICE_COOKIE) });
      res.cookie(staffCookieName(req, system), token, { httpOnly: true, sameSite: 'strict', secure: servedOverTls(req, system), maxAge: ABSOLUTE_TTL_MS, path: '/' });
      // A browser the owner signed in with: the name's ceiling does not lock it out (security/device-cookie.ts).
      res.cookie(DEVICE_COOKIE, device, { httpOnly: true, sameSite: 'strict', secure: servedOverTls(req, system), maxAge: DEVICE_MAX_AGE_MS, path: DEVICE_COOKIE_PATH });
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
      422: { description: 'Current password wrong, or the new one breaks a rule' }, ...tooMany,
    },
    async handler({ body, system, principal, res }) {
      await changeOwnPassword(system, principal.id, staffSessionOf(res)!.session._id, body as { currentPassword: string; newPassword: string });
      return { status: 204 };
    },
  },
  {
    method: 'post', path: '/api/staff/second-factor/enrolment', summary: 'Begin setting up the TOTP second factor: a new secret and its QR code (replaces an unconfirmed one)', tags: ['staff'], roles: [...STAFF_ROLES],
    responses: {
      200: { description: 'Scan the QR code (or type the secret) into an authenticator app, then confirm with a code', schema: named('SecondFactorEnrolment', {
        type: 'object', required: ['secret', 'otpauthUri', 'qrCode'],
        properties: { secret: { type: 'string', description: 'Base32, for typing in' }, otpauthUri: { type: 'string' }, qrCode: { type: 'string', description: 'PNG data URL of the otpauth URI' } },
      }) },
      401: { description: 'Not signed in' }, 403: { description: 'The X-CSRF-Token header is missing or wrong' }, 409: { description: 'A second factor is set up already' },
    },
    async handler({ system, principal }) {
      return { json: await startEnrolment(system, principal.id) };
    },
  },
  {
    method: 'post', path: '/api/staff/second-factor', summary: 'Confirm the second factor with the current code of the app; from then on sign-in asks for a code', tags: ['staff'], roles: [...STAFF_ROLES],
    body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 20 } } },
    responses: {
      204: { description: 'Set up' }, 401: { description: 'Not signed in' }, 403: { description: 'The X-CSRF-Token header is missing or wrong' },
      409: { description: 'No set-up begun' }, 422: { description: 'The code is not right' }, ...tooMany,
    },
    async handler({ system, principal, body }) {
      await confirmEnrolment(system, principal.id, (body as { code: string }).code.replace(/\s/g, ''));
      return { status: 204 };
    },
  },
]);
