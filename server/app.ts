/**
 * The web process: the REST API under /api (every route from the route table, with its roles
 * enforced and documented in /api/openapi.json), the embedded sandbox systems, and the built
 * React app for every role.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { errorHandler } from './http/error-handler';
import { rejectDeepJson } from './http/json-depth';
import { AppError, preferredLang } from './http/app-error';
import { authenticate, servedOverTls, staffSessionOf } from './http/authenticate';
import { pendingStepBlocks } from './use-cases/accounts/pending-step';
import { buildOpenApi } from './http/openapi';
import { validateInput } from './http/validation';
import { InFlightLimit, isLimited } from './http/in-flight-limit';
import type { RouteSpec } from './http/route';
import { checkScope } from './http/case-scope';
import { issueClientCookie } from './security/citizen-guards';
import { SignInLimiter } from './security/sign-in-limiter';
import { CSRF_HEADER, csrfFailed, csrfTokenMatches, UNSAFE_METHODS } from './security/csrf';
import { codecCors, temporalUiOrigin } from './http/codec-cors';
import type { System } from '../system/system';
import { systemRoutes } from './routes/system-routes';
import { staffSessionRoutes } from './routes/staff-session-routes';
import { parkingTicketRoutes } from './routes/parking-ticket-routes';
import { parkingTicketCitizenRoutes } from './routes/parking-ticket-citizen-routes';
import { formRoutes } from './routes/form-routes';
import { caseRoutes } from './routes/case-routes';
import { draftRoutes } from './routes/draft-routes';
import { attachmentRoutes } from './routes/attachment-routes';
import { taskRoutes } from './routes/task-routes';
import { accountRoutes } from './routes/account-routes';
import { fineProceedingsRoutes } from './routes/fine-proceedings-routes';
import { dogTaxRoutes } from './routes/dog-tax-routes';
import { auditRoutes } from './routes/audit-routes';
import { temporalCodecRoutes } from './routes/temporal-codec-routes';
import { createSandboxPaymentRouter } from '../sandboxes/payments/router';
import { createSandboxVehicleRegistryRouter } from '../sandboxes/vehicle-registry/router';
import { createSandboxResidentRegistryRouter } from '../sandboxes/resident-registry/router';
import { embeddedOnlyOpenApi } from '../sandboxes/openapi';

const API_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS']);

/** The session routes act on the caller's own session and password only (no case data). */
const ownSession = (routes: RouteSpec[]): RouteSpec[] => routes.map((r) => ({ scope: { kind: 'none', why: "the caller's own session" }, ...r }));

export const routeTable: RouteSpec[] = bySpecificity([...systemRoutes, ...formRoutes, ...caseRoutes, ...draftRoutes, ...attachmentRoutes, ...ownSession(staffSessionRoutes),
  ...parkingTicketRoutes, ...parkingTicketCitizenRoutes, ...fineProceedingsRoutes, ...dogTaxRoutes, ...taskRoutes, ...accountRoutes, ...auditRoutes, ...temporalCodecRoutes]);

/** Express matches in order: `/api/parking-tickets/current` must come before `/api/parking-tickets/:ticketNumber`. */
function bySpecificity(routes: RouteSpec[]): RouteSpec[] {
  const rank = (path: string) => path.split('/').map((part) => (part.startsWith(':') ? '1' : '0')).join('');
  return [...routes].sort((a, b) => rank(a.path).localeCompare(rank(b.path)));
}

const unauthenticated = () => new AppError('unauthenticated', { de: 'Bitte melden Sie sich an.', en: 'Please sign in.' });
const forbidden = () => new AppError('forbidden', { de: 'Dafür fehlt Ihnen die Berechtigung.', en: 'You are not allowed to do this.' });

export function createApp(system: System, options: { webDir?: string } = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy(system.config.trustProxy));
  const embedded = system.config.mode === 'embedded';
  // The sandboxes' APIs are documented, marked x-embedded-only, while they exist (embedded mode).
  app.locals.openapi = embedded ? embeddedOnlyOpenApi(buildOpenApi(routeTable, system.config.publicBaseUrl)) : buildOpenApi(routeTable, system.config.publicBaseUrl);
  app.locals.signInLimiter = new SignInLimiter(system.conn);
  // Changes (workflow starts, signals, Updates, writes) wait briefly for one of a bounded number of slots, else 503 overloaded.
  const inFlight: InFlightLimit = app.locals.inFlightLimit = new InFlightLimit(system.config.admission.maxInFlight, system.config.admission.maxWaitMs);
  app.use(securityHeaders(system));
  // Every browser's client id for the citizen-side rate limits (security/client-id.ts), from its first GET.
  app.use(issueClientCookie(system));
  // The raw body is kept for webhook signatures.
  app.use('/api', express.json({ limit: '256kb', verify: (req, _res, buf) => { rejectDeepJson(buf); (req as unknown as { rawBody: string }).rawBody = buf.toString('utf8'); } }));

  // The Temporal Web UI calls the codec endpoint from its own origin (preflight and answers; admin role checked by the route).
  app.use('/api/temporal-codec', codecCors(temporalUiOrigin(system.config)));

  for (const route of routeTable) {
    app[route.method](route.path, ...rawBodyParser(route), ...(isLimited(route) ? [inFlight.middleware] : []), async (req: Request, res: Response, next: NextFunction) => {
      try {
        let principal = await authenticate(req, res, system);
        // Synchronizer token: a cookie-authenticated change must also carry the session's CSRF token,
        // which another site cannot read. Portal calls use a Bearer token and need none. On a public
        // route (a citizen form sent from a browser that also holds a staff cookie) the request goes
        // on without the staff identity instead; route handlers that need it check `csrfRejected`.
        if (principal.kind === 'staff' && UNSAFE_METHODS.has(req.method) && !route.csrfNotNeeded && !csrfTokenMatches(req.get(CSRF_HEADER), staffSessionOf(res)!.session.csrfToken)) {
          if (!route.roles.includes('public')) throw csrfFailed();
          principal = { kind: 'anonymous', roles: [], id: 'anonymous', departments: [] };
          res.locals.staffSession = undefined;
          res.locals.csrfRejected = true;
        }
        // A session with a pending step (issued password, admin without second factor) reaches only that step's routes.
        const blocked = principal.kind === 'staff' ? pendingStepBlocks(staffSessionOf(res)!.pendingStep, req.method, route.path) : undefined;
        if (blocked && route.roles.includes('public')) {
          principal = { kind: 'anonymous', roles: [], id: 'anonymous', departments: [] };
          res.locals.staffSession = undefined;
        } else if (blocked) throw blocked;
        if (!route.roles.includes('public')) {
          if (principal.kind === 'anonymous') throw unauthenticated();
          if (!route.roles.some((role) => principal.roles.includes(role))) throw forbidden();
        }
        // Departments: whose cases the route touches, against the caller's (before the body is read).
        const procedures = await checkScope(route, { req, params: req.params as Record<string, string>, query: { ...req.query }, principal, system });
        // Every declared input is validated (unknown fields refused where the schema closes the object) before the handler runs,
        // except form submissions: their handler validates against the form version the client rendered.
        const body = route.rawBody ? req.body : !route.body ? undefined : route.bodyValidation === 'handler' ? req.body : validateInput(route.body, req.body);
        const query = route.query ? validateInput<Record<string, unknown>>(route.query, { ...req.query }) : {};
        const result = await route.handler({
          req, res, body, params: req.params as Record<string, string>, query,
          lang: preferredLang(req), principal, system, procedures,
        });
        if ('file' in result) {
          // res.attachment encodes any file name (ASCII fallback plus filename*, RFC 6266); a PDF
          // the browser should show gets the same parameters with the type `inline`.
          res.status(result.status ?? 200).attachment(result.file.filename).type(result.file.contentType);
          if (result.file.inline) res.set('Content-Disposition', String(res.get('Content-Disposition')).replace(/^attachment/, 'inline'));
          res.send(result.file.data);
        } else if ('json' in result) {
          res.status(result.status ?? 200).set(result.headers ?? {}).json(result.json);
        } else {
          res.status(204).end();
        }
      } catch (error) {
        next(error);
      }
    });
  }
  // TRACE and other methods no route has: 405 with the methods the API uses, not a 404.
  app.use('/api', (req, res, next) => (API_METHODS.has(req.method) ? next() : next(new AppError('method_not_allowed',
    { de: 'Diese Methode wird nicht unterstützt.', en: 'This method is not supported.' }, { allow: [...API_METHODS].join(', ') }))));
  app.use('/api', (req, _res, next) => next(new AppError('not_found', { de: 'Diese Schnittstelle gibt es nicht.', en: 'No such API route.' })));

  // The embedded stand-ins exist only in embedded mode; their APIs need the sandbox key or an admin's session.
  if (embedded && system.secrets.sandboxKey) {
    const access = { apiKey: system.secrets.sandboxKey, admin: (req: Request, res: Response) => signedInAdmin(req, res, system) };
    app.use('/sandbox/payments', createSandboxPaymentRouter({
      conn: system.conn, webhookSecret: system.secrets.sandboxWebhook, publicBaseUrl: system.config.publicBaseUrl, ...access,
      allowedCallbackUrls: [system.config.publicBaseUrl, system.internalBaseUrl],
    }));
    app.use('/sandbox/vehicle-registry', createSandboxVehicleRegistryRouter({ conn: system.conn, ...access }));
    app.use('/sandbox/resident-registry', createSandboxResidentRegistryRouter({ conn: system.conn, ...access }));
  }

  const webDir = resolve(options.webDir ?? join('dist', 'web'));
  if (existsSync(webDir)) {
    app.use(express.static(webDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/|sandbox\/).*/, (_req, res) => res.sendFile(join(webDir, 'index.html')));
  }

  app.use(errorHandler);
  return app;
}

/** Uploads only: raw bytes on the routes that declare `rawBody`, any content type, with the route's limit. */
function rawBodyParser(route: RouteSpec): express.RequestHandler[] {
  const spec = route.rawBody;
  if (!spec) return [];
  const parse = express.raw({ type: () => true, limit: spec.limitBytes });
  return [(req, res, next) => parse(req, res, (error?: unknown) => {
    next(spec.tooLarge && (error as { type?: string } | undefined)?.type === 'entity.too.large' ? spec.tooLarge() : error);
  })];
}

/**
 * helmet's defaults (COOP/CORP, nosniff, no-referrer, …) with a strict CSP the built app passes:
 * everything from this origin only, no inline script or style and no eval (the forms validate
 * in the browser with an interpreting validator, web/src/rjsf/validator.ts; React's style
 * props are set through the CSSOM, which style-src does not govern), no framing, no plugins.
 * The sandbox checkout page sets its own policy. HSTS only on a request that came over TLS
 * (directly, or from a proxy trusted by TRUST_PROXY) or when PUBLIC_BASE_URL is https;
 * upgrade-insecure-requests only with an https PUBLIC_BASE_URL.
 */
function securityHeaders(system: System): express.RequestHandler {
  const https = system.config.publicBaseUrl.startsWith('https:');
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
  });
  return (req, res, next) => {
    if (servedOverTls(req, system)) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    headers(req, res, next);
  };
}

/** TRUST_PROXY as express takes it: a hop count, true/false, or addresses and names (loopback, uniquelocal, 10.0.0.0/8, …). */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** The signed-in administrator behind a sandbox API request (a change also needs the session's CSRF token). */
async function signedInAdmin(req: Request, res: Response, system: System): Promise<string | undefined> {
  const principal = await authenticate(req, res, system);
  if (principal.kind !== 'staff' || !principal.roles.includes('admin')) return undefined;
  if (UNSAFE_METHODS.has(req.method) && !csrfTokenMatches(req.get(CSRF_HEADER), staffSessionOf(res)!.session.csrfToken)) return undefined;
  return principal.id;
}
