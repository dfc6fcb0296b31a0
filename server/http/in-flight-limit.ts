/**
 * Admission control for the routes that start, signal or update workflows or write the
 * database: at most `maxInFlight` of them run at once in this process; a request that finds no
 * free slot waits at most `maxWaitMs` (less the time the process's timers currently run late, see
 * `currentLagMs`) for one and is then answered 503 `overloaded` with
 * Retry-After — before it has done anything (no session read, no workflow started), so its
 * retry with the same Idempotency-Key is safe.
 *
 * Why: on 2 cores the embedded stack records ~4–6 tickets a second. Without a limit, 50–100
 * wardens at once all queue inside the process (event loop, Temporal client, worker) and are
 * answered 503 only by the 10 s Temporal call deadline (temporal/deadline.ts), after their
 * workflows were started — most requests fail late and the work is done anyway. With a limit,
 * the admitted requests finish in a few seconds and the others are told within ~1 s to retry.
 *
 * A fixed limit with a bounded wait, not an adaptive one: the limit is the throughput of the
 * deployment times the latency one accepts (5/s × ~2 s ≈ 8 on the embedded stack), an operator
 * measures it once with `npm run bench`; an adaptive limit would learn it from latencies that
 * on a shared machine swing with the load of other processes.
 *
 * Exempt (see `LIMIT_EXEMPT`): reads (GET), sign-in and sign-out of staff and citizens (a
 * person must still get in to see the 503 message and retry), reads sent as POST (a token in
 * the body), and the codec endpoint (no database, no workflow). Health (GET /api/health) and
 * the static pages are GETs or no API route at all.
 */
import { E_TIMEOUT, Semaphore, withTimeout } from 'async-mutex';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';
import type { RouteSpec } from './route';

/** Unsafe-method routes that are not limited, each with the reason. */
export const LIMIT_EXEMPT: Readonly<Record<string, string>> = {
  'post /api/staff/session': 'staff sign-in',
  'delete /api/staff/session': 'staff sign-out',
  'post /api/staff/password': "a new staff session's first step (issued password)",
  'post /api/staff/second-factor/enrolment': "a new admin session's first step",
  'post /api/staff/second-factor': "a new admin session's first step",
  'post /api/parking-tickets/access': 'portal sign-in (ticket code)',
  'post /api/parking-tickets/current/letter-code': 'portal sign-in (hearing letter code)',
  'post /api/parking-tickets/answer-link': 'portal sign-in (answer link)',
  'post /api/cases/:caseNumber/status': 'a read (token in the body)',
  'post /api/cases/:caseNumber/documents/:documentId': 'a read (token in the body)',
  'post /api/forms/:formId/drafts/:draftId/open': 'a read (token in the body)',
  'post /api/temporal-codec/decode': 'no database, no workflow',
};

/** Whether the route runs under the in-flight limit: every change except those exempt above. */
export function isLimited(route: Pick<RouteSpec, 'method' | 'path'>): boolean {
  return route.method !== 'get' && !(`${route.method} ${route.path}` in LIMIT_EXEMPT);
}

export const overloaded = () => new AppError('overloaded', {
  de: 'Gerade sind zu viele Anfragen in Bearbeitung. Bitte versuchen Sie es in wenigen Sekunden erneut.',
  en: 'Too many requests are being processed right now. Please try again in a few seconds.',
}, { retryAfterSeconds: retryAfterSeconds() });

/** 1–3 s, spread so that the refused clients do not all come back in the same second. */
const retryAfterSeconds = () => 1 + Math.floor(Math.random() * 3);

/**
 * How late this process's timers run right now (a decaying maximum). A request that arrives while
 * the process is starved — its event loop busy, or the machine's CPUs taken by others — has
 * already waited about that long before the middleware sees it, so its wait for a slot is
 * shortened by it: the 503 still comes within the budget.
 */
const LAG_TICK_MS = 100;
let lagMs = 0;
let lagTimer: NodeJS.Timeout | undefined;
function currentLagMs(): number {
  if (!lagTimer) {
    let last = performance.now();
    lagTimer = setInterval(() => {
      const now = performance.now();
      lagMs = Math.max(now - last - LAG_TICK_MS, lagMs * 0.7, 0);
      last = now;
    }, LAG_TICK_MS).unref();
  }
  return lagMs;
}

export class InFlightLimit {
  private readonly slots: Semaphore | undefined;
  private inFlight = 0;
  private refused = 0;
  private warnedAt = 0;

  /** `maxInFlight` 0: no limit (every request is admitted at once). */
  constructor(readonly maxInFlight: number, readonly maxWaitMs: number) {
    this.slots = maxInFlight > 0 ? new Semaphore(maxInFlight) : undefined;
    if (this.slots) currentLagMs();
  }

  /** Express middleware: holds a slot from before authentication until the response is finished (or the client went away). */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!this.slots) return next();
    const waitMs = Math.max(0, Math.round(this.maxWaitMs - currentLagMs()));
    // A waiter that timed out keeps its place in the semaphore's queue and gives its slot back at
    // once when its turn comes (async-mutex's withTimeout), so no slot is ever lost.
    const acquired = this.slots.isLocked() && waitMs === 0 ? Promise.reject(E_TIMEOUT) : withTimeout(this.slots, waitMs, E_TIMEOUT).acquire();
    acquired.then(([, release]) => {
      this.inFlight += 1;
      let released = false;
      const done = () => { if (!released) { released = true; this.inFlight -= 1; release(); } };
      res.once('finish', done).once('close', done);
      // The client gave up while it waited: nothing to do for it. (Not `req.destroyed`: a request
      // whose body has been read is destroyed as a stream while its connection waits for the answer.)
      if (req.socket.destroyed) { done(); return; }
      next();
    }, (error: unknown) => {
      if (error !== E_TIMEOUT) return next(error);
      this.refused += 1;
      // One line per 10 s at most: an overload refuses many requests a second.
      if (Date.now() - this.warnedAt > 10_000) {
        this.warnedAt = Date.now();
        console.warn(`[amtsweg] overloaded: ${this.maxInFlight} changes in flight, a request waited ${waitMs} ms and was refused (503; ${this.refused} so far; timers ${Math.round(lagMs)} ms late)`);
      }
      next(overloaded());
    });
  };

  /** For logs and tests. */
  stats(): { maxInFlight: number; inFlight: number; refused: number } {
    return { maxInFlight: this.maxInFlight, inFlight: this.inFlight, refused: this.refused };
  }
}
