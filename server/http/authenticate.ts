/**
 * Who is calling: a citizen's portal token (Authorization: Bearer), a staff session cookie, or
 * nobody. Staff: one `_id` lookup of the session and one of the account per request, so a
 * disabled account or a deleted session stops working at once.
 */
import type { Request, Response } from 'express';
import { parseCookie } from 'cookie';
import { findStaffAccount, type StaffRole } from '../../store/accounts/staff-accounts';
import type { Department } from '../../domain/departments';
import { SessionStore, type SessionDoc } from '../security/sessions';
import { ticketNumberFromPortalToken } from '../use-cases/parking-ticket/open-ticket';
import type { System } from '../../system/system';
import type { Principal } from './route';
import { pendingStepOf, type PendingStep } from '../use-cases/accounts/pending-step';

export const STAFF_COOKIE = 'amtsweg_staff';

/** Whether this request reached us over TLS (directly, or by a trusted proxy's X-Forwarded-Proto), or the public address is https. */
export const servedOverTls = (req: Request, system: Pick<System, 'config'>): boolean => req.secure || system.config.publicBaseUrl.startsWith('https:');

/**
 * The staff cookie's name: behind TLS with the `__Host-` prefix, which a browser accepts only
 * Secure, for Path=/ and without Domain — so a sibling subdomain cannot plant or overwrite it.
 * Over TLS only the prefixed name is read.
 */
export const staffCookieName = (req: Request, system: Pick<System, 'config'>): string => (servedOverTls(req, system) ? `__Host-${STAFF_COOKIE}` : STAFF_COOKIE);

/** The request's cookie `name` (set by express's res.cookie, read with the same `cookie` package). */
export const cookie = (req: Request, name: string): string | undefined => parseCookie(req.headers.cookie ?? '')[name];

const anonymous = (): Principal => ({ kind: 'anonymous', roles: [], id: 'anonymous', departments: [] });

/** The staff session behind this request (set by authenticate), for the session routes and the CSRF check. */
/** `pendingStep`: the session may do only that (change the issued password, enrol the second factor). */
export interface StaffSessionLocals { session: SessionDoc; leadOf: Department[]; pendingStep?: PendingStep }
export const staffSessionOf = (res: Response): StaffSessionLocals | undefined => res.locals.staffSession as StaffSessionLocals | undefined;

export async function authenticate(req: Request, res: Response, system: System): Promise<Principal> {
  // A portal call names its case token explicitly; it is never mixed up with a staff cookie in the same browser.
  const bearer = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1];
  if (bearer) {
    const caseNumber = ticketNumberFromPortalToken(system, bearer);
    return caseNumber ? { kind: 'citizen', roles: ['citizen'], id: `citizen:${caseNumber}`, departments: [], caseNumber } : anonymous();
  }
  const token = cookie(req, staffCookieName(req, system));
  if (!token) return anonymous();
  const session = await new SessionStore(system.conn).find(token);
  if (!session) return anonymous();
  const account = await findStaffAccount(system.conn, session.accountId);
  if (!account || account.disabled) return anonymous();
  res.locals.staffSession = { session, leadOf: account.leadOf as Department[], pendingStep: pendingStepOf(account, system.config) } satisfies StaffSessionLocals;
  return {
    kind: 'staff', id: account._id, displayName: account.displayName,
    roles: account.roles as StaffRole[], departments: account.departments as Department[],
  };
}
