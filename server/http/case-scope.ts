/**
 * The department check of every staff route (issue 9, item 3): a route declares whose cases it
 * touches (RouteSpec.scope), and a caller who is not an administrator must work one of the
 * departments of those cases (domain/departments.ts). One place for every route, so a list,
 * a download and a change are checked alike.
 */
import { AppError, notFound } from './app-error';
import type { RouteSpec, ScopeContext } from './route';
import { departmentsOf, PROCEDURES, proceduresOf, type Department, type Procedure } from '../../domain/departments';
import { procedureOfCase } from '../use-cases/cases/case-procedure';

export const notYourDepartment = () => new AppError('forbidden', {
  de: 'Dieser Vorgang gehört nicht zu Ihren Fachbereichen.', en: 'This case does not belong to your departments.',
});
const noScope = () => new AppError('forbidden', { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' });

/**
 * Checks the caller against the route's scope; answers the route's procedures the caller works
 * (for lists). Citizens and the public are not checked here (their routes open one case by its token).
 */
export async function checkScope(route: RouteSpec, ctx: ScopeContext): Promise<Procedure[]> {
  const { principal } = ctx;
  const scope = route.scope;
  const admin = principal.roles.includes('admin');
  // A public route (the forms, the portal) is not a staff route: a staff cookie sent along changes nothing.
  if (principal.kind !== 'staff' || route.roles.includes('public')) return [];
  // A staff route that does not say whose cases it touches is closed to everyone but administrators
  // (routes only administrators may call need no scope).
  if (!scope) {
    if (admin) return [...PROCEDURES];
    console.error(`[amtsweg] ${route.method.toUpperCase()} ${route.path} declares no department scope (RouteSpec.scope): refused`);
    throw noScope();
  }
  switch (scope.kind) {
    case 'none':
      return [];
    case 'procedures': {
      const mine = admin ? scope.procedures : proceduresOf(principal.departments).filter((p) => scope.procedures.includes(p));
      if (mine.length === 0) throw notYourDepartment();
      return mine;
    }
    case 'case': {
      const caseNumber = await scope.caseNumber(ctx);
      const procedure = caseNumber ? await procedureOfCase(ctx.system, caseNumber) : null;
      if (!procedure) throw notFound({ de: 'Der Vorgang', en: 'The case' });
      if (!admin) allow(departmentsOf(procedure), principal.departments);
      return [procedure];
    }
    case 'departments': {
      const departments = await scope.departments(ctx);
      if (!departments) throw notFound({ de: 'Der Vorgang', en: 'The case' });
      if (!admin) allow(departments, principal.departments);
      return [];
    }
  }
}

function allow(allowed: readonly Department[], held: readonly Department[]): void {
  if (!allowed.some((d) => held.includes(d))) throw notYourDepartment();
}
