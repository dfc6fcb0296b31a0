/**
 * Who is "one client" for the citizen-side rate limits. Citizens behind one address (a city
 * office's public Wi-Fi, a carrier's NAT) must not lock each other out, so the address alone
 * is not the client: every browser gets a random client id in a signed cookie on its first API
 * call, and per-client limits count by that id. A client without a valid cookie (a script that
 * drops cookies) is counted as the client "addr:<address>" — all cookieless callers of one
 * address share that budget, so dropping the cookie buys nothing.
 *
 * Minting a cookie is free (any GET), so a script could fetch a fresh one before each write
 * and never meet the per-client limit. The cookie therefore carries the time it was minted
 * (signed with the id): a client younger than NEW_CLIENT_MS is a newcomer, and all newcomers of
 * one address share one more budget (public-limits.ts, NEW_CLIENTS_FACTOR × a client's).
 *
 * The address is the client's IP as express sees it (trust proxy: loopback), IPv6 cut to its
 * /64 (one subscriber's prefix).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { Request, Response } from 'express';
import { cookie } from '../http/authenticate';
import { safeEqual } from './tokens';

export const CLIENT_COOKIE = 'amtsweg_client';
const MAX_AGE_MS = 365 * 24 * 60 * 60_000;
/** A client id younger than this is a newcomer (see public-limits.ts): a day, so collecting ids takes a day's patience. */
export const NEW_CLIENT_MS = 24 * 60 * 60_000;

export interface ClientRef {
  /** `c:<id>` for a browser with its cookie, `addr:<address>` for a caller without one. */
  client: string;
  /** The network address (IPv4, or an IPv6 /64). */
  address: string;
  /** When the client's id was minted (ms); absent for a caller without a cookie. */
  mintedAt?: number;
}

const mac = (secret: Buffer, id: string) => createHmac('sha256', secret).update(`client-id:${id}`).digest().subarray(0, 16).toString('base64url');

/** The IPv6 /64 of an address, or the IPv4 address (also from its ::ffff: form). */
export function networkAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (v4) return v4;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The request's client; sets the cookie when the browser has none (or a forged one). Memoized per request. */
export function clientOf(req: Request, res: Response, secret: Buffer, secure: boolean): ClientRef {
  const known = res.locals.client as ClientRef | undefined;
  if (known) return known;
  const address = networkAddress(req.ip);
  const value = cookie(req, CLIENT_COOKIE);
  // `<id>.<minted, base 36>.<mac of both>`; a cookie of the earlier `<id>.<mac>` form is minted anew.
  const [id, minted, given] = (value ?? '').split('.');
  const mintedAt = minted ? parseInt(minted, 36) : NaN;
  let client: ClientRef;
  if (id && minted && given && id.length <= 40 && minted.length <= 12 && safeEqual(given, mac(secret, `${id}.${minted}`)) && Number.isFinite(mintedAt)) {
    client = { client: `c:${id}`, address, mintedAt };
  } else {
    const fresh = `${randomBytes(16).toString('base64url')}.${Date.now().toString(36)}`;
    res.cookie(CLIENT_COOKIE, `${fresh}.${mac(secret, fresh)}`, { httpOnly: true, sameSite: 'lax', secure, path: '/api', maxAge: MAX_AGE_MS });
    client = { client: `addr:${address}`, address };
  }
  res.locals.client = client;
  return client;
}
