/**
 * OWASP's "device cookie" against the lock-out of staff by a distributed guesser (issue 9,
 * item 4): a successful sign-in gives the browser a signed cookie for that user name. A sign-in
 * for the name that carries it comes from a device the owner used before; it is judged by its
 * own run of failures (per device, sign-in-limiter.ts) and not stopped by the name's daily
 * ceiling or the address's budget, which only untrusted clients meet. Someone guessing from
 * anywhere else can lock out only the clients that never signed in as that name.
 *
 * The cookie is `<device id>.<HMAC of name and id>`: it names no user (the HMAC binds the
 * name typed at sign-in), and one browser holds one (the last name that signed in there).
 * It is sent only to the sign-in route.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from './tokens';

export const DEVICE_COOKIE = 'amtsweg_device';
export const DEVICE_COOKIE_PATH = '/api/staff/session';
export const DEVICE_MAX_AGE_MS = 365 * 24 * 60 * 60_000;

const mac = (secret: Buffer, name: string, id: string) => createHmac('sha256', secret).update(`staff-device:${name}:${id}`).digest().subarray(0, 16).toString('base64url');

/** A new device cookie's value for this user name. */
export function mintDevice(secret: Buffer, name: string): string {
  const id = randomBytes(16).toString('base64url');
  return `${id}.${mac(secret, name, id)}`;
}

/** The device id when the cookie was issued to a sign-in of this name, else undefined. */
export function trustedDevice(secret: Buffer, name: string, value: string | undefined): string | undefined {
  const [id, given] = (value ?? '').split('.');
  return id && given && id.length <= 40 && safeEqual(given, mac(secret, name, id)) ? id : undefined;
}
