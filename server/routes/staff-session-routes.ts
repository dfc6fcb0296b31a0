/**
 * Interim staff sign-in with one shared access key (printed by `npm start`), until staff
 * accounts with passwords and per-person roles replace it. The cookie is httpOnly and
 * SameSite=Strict, which also keeps other sites from posting with it.
 */
import { AppError } from '../http/app-error';
import { defineRoutes } from '../http/route';
import { safeEqual, signToken } from '../security/tokens';

export const STAFF_COOKIE = 'amtsweg_staff';
const TTL_SECONDS = 10 * 60 * 60;

export const staffSessionRoutes = defineRoutes([
  {
    method: 'get', path: '/api/staff/session', summary: 'The current staff session', tags: ['staff'], roles: ['warden', 'caseworker'],
    responses: { 200: { description: 'Signed in' }, 401: { description: 'Not signed in' } },
    async handler({ principal }) {
      return { json: { role: 'staff', roles: principal.roles } };
    },
  },
  {
    method: 'post', path: '/api/staff/session', summary: 'Sign in with the staff access key', tags: ['staff'], roles: ['public'],
    body: { type: 'object', required: ['accessKey'], additionalProperties: false, properties: { accessKey: { type: 'string', minLength: 1, maxLength: 200 } } },
    responses: { 204: { description: 'Signed in; cookie set' }, 401: { description: 'Wrong key' } },
    async handler({ body, system, res, req }) {
      const { accessKey } = body as { accessKey: string };
      if (!safeEqual(accessKey.trim(), system.secrets.staffAccessKey)) {
        throw new AppError('access_denied', { de: 'Der Zugangsschlüssel ist falsch.', en: 'The access key is wrong.' });
      }
      res.cookie(STAFF_COOKIE, signToken(system.secrets.staffSession, { s: 'staff' }, TTL_SECONDS), {
        httpOnly: true, sameSite: 'strict', secure: req.secure, maxAge: TTL_SECONDS * 1000, path: '/',
      });
      return { status: 204 };
    },
  },
  {
    method: 'delete', path: '/api/staff/session', summary: 'Sign out', tags: ['staff'], roles: ['public'],
    responses: { 204: { description: 'Signed out' } },
    async handler({ res }) {
      res.clearCookie(STAFF_COOKIE, { path: '/' });
      return { status: 204 };
    },
  },
]);
