/**
 * The citizen side's limits in one place for the public routes: the client of a request
 * (client-id.ts), its volume budgets (public-limits.ts) and the guess limits per secret and per
 * client (attempt-limiter.ts). One set per database connection; their counts live in the
 * database, so a second web replica (another set) sees the same counts.
 */
import type { Connection } from 'mongoose';
import type { RequestHandler } from 'express';
import type { RouteContext } from '../http/route';
import { AttemptLimiter } from './attempt-limiter';
import { clientOf, type ClientRef } from './client-id';
import { PublicLimits, type LimitClass } from './public-limits';
import { deriveSecret } from '../../system/secrets';

interface Guards { limits: PublicLimits; attempts: AttemptLimiter; clientKey: Buffer }
const byConnection = new WeakMap<Connection, Guards>();

export function guardsOf(system: RouteContext['system']): Guards {
  let guards = byConnection.get(system.conn);
  if (!guards) {
    guards = { limits: new PublicLimits(system.conn), attempts: new AttemptLimiter(system.conn), clientKey: deriveSecret(system.secrets.payloadKey, 'client-id') };
    byConnection.set(system.conn, guards);
  }
  return guards;
}

/** The client of this request (sets its cookie on first sight). */
export function clientOfRequest(ctx: Pick<RouteContext, 'req' | 'res' | 'system'>): ClientRef {
  return clientOf(ctx.req, ctx.res, guardsOf(ctx.system).clientKey, ctx.req.secure || ctx.system.config.publicBaseUrl.startsWith('https:'));
}

/** Counts the request against its class's budgets (429 when spent) and answers its client. */
export async function admit(ctx: Pick<RouteContext, 'req' | 'res' | 'system'>, kind: LimitClass): Promise<ClientRef> {
  const who = clientOfRequest(ctx);
  await guardsOf(ctx.system).limits.admit(kind, who);
  return who;
}

/** The OpenAPI answer of a limited route. */
export const tooManyResponse = { 429: { description: 'Too many requests or wrong guesses from this client, or the service is at its limit: wait as long as Retry-After says' } };

/**
 * Gives every browser its client cookie on its first GET (the page, or the first API read), so
 * its first guess or write already counts as its own — not as one of the address's cookieless
 * callers, whose shared budget a script may have spent.
 */
export function issueClientCookie(system: RouteContext['system']): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' && !req.path.startsWith('/sandbox/')) clientOfRequest({ req, res, system });
    next();
  };
}
