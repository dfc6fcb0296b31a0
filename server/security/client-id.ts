/**
 * Who is "one client" for the citizen-side rate limits. Citizens behind one address (a city
 * office's public Wi-Fi, a carrier's NAT) must not lock each other out, so the address alone
 * is not the client: every browser gets a random client id in a signed cookie on its first API
 * call, and per-client limits count by that id. A client without a valid cookie (a script that
 * drops cookies) is counted as the client "addr:<address>" — all cookieless callers of one
 * address share that budget, so dropping the cookie buys nothing. Minting fresh cookies costs
 * a request each, which the per-address volume budget counts.
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

export interface ClientRef {
  /** `c:<id>` for a browser with its cookie, `addr:<address>` for a caller without one. */
  client: string;
  /** The network address (IPv4, or an IPv6 /64). */
  address: string;
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
  const [id, given] = (value ?? '').split('.');
  let client: ClientRef;
  if (id && given && id.length <= 40 && safeEqual(given, mac(secret, id))) {
    client = { client: `c:${id}`, address };
  } else {
    const fresh = randomBytes(16).toString('base64url');
    res.cookie(CLIENT_COOKIE, `${fresh}.${mac(secret, fresh)}`, { httpOnly: true, sameSite: 'lax', secure, path: '/api', maxAge: MAX_AGE_MS });
    client = { client: `addr:${address}`, address };
  }
  res.locals.client = client;
  return client;
}
