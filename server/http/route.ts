/**
 * A route is declared once: method, path, allowed roles, input schemas, responses and the
 * handler. The same table registers express handlers, enforces roles and builds the OpenAPI
 * document, so the documentation cannot drift from what is served.
 */
import type { Request, Response } from 'express';
import type { Lang } from './app-error';
import type { System } from '../../system/system';
import type { StaffRole } from '../../store/accounts/staff-accounts';
import type { Department, Procedure } from '../../domain/departments';

/**
 * 'public': anyone; 'citizen': a citizen holding a case's token (portal sign-in with ticket
 * number and access code); the rest are staff roles held by accounts (see STAFF_ROLES).
 */
export type Role = 'public' | 'citizen' | StaffRole;

export interface Principal {
  kind: 'anonymous' | 'citizen' | 'staff';
  roles: Role[];
  /** Staff: the account id (user name); citizen: `citizen:<case>`; else 'anonymous'. */
  id: string;
  displayName?: string;
  /** Staff only: the departments whose inbox queues this person works. */
  departments: Department[];
  caseNumber?: string;
}

export interface RouteContext {
  req: Request;
  res: Response;
  body: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
  lang: Lang;
  principal: Principal;
  system: System;
  /** Staff routes with a `procedures` scope: those of its procedures the caller works (an administrator: all of them). */
  procedures: Procedure[];
}

/**
 * Whose cases a staff route returns or changes: server/app.ts checks the caller's departments
 * against it before the handler runs (403), administrators pass. Every route a staff role other
 * than admin may call declares one; without, it is closed to all but administrators
 * (test/integration/authorization-matrix.test.ts fails on such a route).
 * - `none`: the route touches no case data (its own session, accounts, form definitions).
 * - `procedures`: cases of these procedures (a list, recording a new case); the caller works a
 *   department of at least one of them, and the handler gets those in `procedures`.
 * - `case`: one case, named by the request (null: no such case, 404); its procedure's departments.
 * - `departments`: the departments that may act, read from the request (a task's department;
 *   null: no such thing, 404).
 */
export type CaseScope =
  | { kind: 'none'; why: string }
  | { kind: 'procedures'; procedures: Procedure[] }
  | { kind: 'case'; caseNumber: (ctx: ScopeContext) => string | null | Promise<string | null> }
  | { kind: 'departments'; departments: (ctx: ScopeContext) => Promise<readonly Department[] | null> };
/** What a scope reads: the request as sent (before validation) and the caller. */
export type ScopeContext = Pick<RouteContext, 'req' | 'params' | 'principal' | 'system'> & { query: Record<string, unknown> };

export type RouteResult =
  | { status?: number; json: unknown; headers?: Record<string, string> }
  | { status?: number; file: { contentType: string; filename: string; data: Buffer; inline?: boolean } }
  | { status: 204 };

export interface ResponseSpec { description: string; schema?: object; contentType?: string }
/** A request header the route reads (documented in OpenAPI; the handler checks it). */
export interface HeaderSpec { name: string; required: boolean; description: string; schema: object }

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  tags: string[];
  roles: Role[];
  /** Required when `roles` lists a staff role other than admin (see CaseScope). */
  scope?: CaseScope;
  body?: object;
  /**
   * 'handler': the body is documented with `body` but validated by the handler, because it
   * depends on the request (a form submission is checked against the version it was rendered from).
   */
  bodyValidation?: 'route' | 'handler';
  /**
   * The body is raw bytes (a file upload), read by `express.raw` on this route only, up to
   * `limitBytes` (larger: `tooLarge()`, else the generic 413). The handler gets a Buffer as `body`
   * (or whatever the JSON parser made of an application/json body) and checks it itself.
   */
  rawBody?: { contentTypes: string[]; limitBytes: number; tooLarge?: () => Error };
  query?: object;
  /**
   * Set only on a route that changes nothing, with the reason: a staff session's request then
   * needs no CSRF token. (The Temporal Web UI cannot send one to the codec endpoint; what another
   * site could make a browser send there, it cannot read — see server/http/codec-cors.ts.)
   */
  csrfNotNeeded?: string;
  headers?: HeaderSpec[];
  responses: Record<number, ResponseSpec>;
  handler(ctx: RouteContext): Promise<RouteResult>;
}

export const defineRoutes = (routes: RouteSpec[]): RouteSpec[] => routes;
