/** Who is calling: a staff session cookie, a citizen's portal token, or nobody. */
import type { Request } from 'express';
import { verifyToken } from '../security/tokens';
import { ticketNumberFromPortalToken } from '../use-cases/portal/open-ticket';
import type { System } from '../system';
import type { Principal } from './route';
import { DEPARTMENT_IDS } from '../../domain/departments';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function authenticate(req: Request, system: System, staffCookie: string): Principal {
  if (verifyToken(system.secrets.staffSession, cookie(req, staffCookie))) {
    return { kind: 'staff', roles: ['warden', 'caseworker', 'station', 'designer', 'admin'], id: 'staff', departments: [...DEPARTMENT_IDS] };
  }
  const bearer = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1];
  const caseNumber = ticketNumberFromPortalToken(system, bearer);
  if (caseNumber) return { kind: 'citizen', roles: ['citizen'], id: `citizen:${caseNumber}`, departments: [], caseNumber };
  return { kind: 'anonymous', roles: [], id: 'anonymous', departments: [] };
}
