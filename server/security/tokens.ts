/**
 * Small signed tokens (HMAC-SHA256) for the interim staff session cookie and the citizen
 * portal: stateless, expiring, tamper-evident. They carry no personal data.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export function signToken(secret: Buffer, claims: Record<string, unknown>, ttlSeconds: number, nowMs = Date.now()): string {
  const body = b64(JSON.stringify({ ...claims, exp: Math.floor(nowMs / 1000) + ttlSeconds }));
  return `${body}.${b64(createHmac('sha256', secret).update(body).digest())}`;
}

export function verifyToken<T extends Record<string, unknown>>(secret: Buffer, token: string | undefined, nowMs = Date.now()): T | null {
  if (!token) return null;
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T & { exp: number };
    return claims.exp * 1000 > nowMs ? claims : null;
  } catch {
    return null;
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
