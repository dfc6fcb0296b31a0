/**
 * The status page link of a case: `${PUBLIC_BASE_URL}/vorgang/<case number>#<token>`. The token
 * is in the URL's fragment, which a browser never sends to a server: it does not land in access
 * logs or a Referer; the page sends it in a POST body.
 *
 * The token is derived by HMAC from the workflow ID (not random and stored): a repeated submit
 * with the same Idempotency-Key answers the same link, the receipt activity recomputes it on a
 * retry, and nothing secret is stored that a database dump could leak. 128 bits, URL-safe.
 *
 * - **Revocation**: the citizen can replace the link on the status page; the case then has a
 *   `revision` (random, stored), the token is derived with it, and every earlier link stops
 *   working.
 * - **Expiry**: a link works for STATUS_LINK_RETENTION_DAYS after the case last changed (the
 *   retention of a closed case's citizen-facing records); then it answers like a wrong token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const STATUS_LINK_RETENTION_DAYS = 3 * 365;

export function deriveStatusToken(secret: Buffer, workflowId: string, revision?: string): string {
  return createHmac('sha256', secret).update(`case-status:${workflowId}${revision ? `:${revision}` : ''}`).digest().subarray(0, 16).toString('base64url');
}

export function statusTokenMatches(secret: Buffer, workflowId: string, given: string, revision?: string): boolean {
  const expected = Buffer.from(deriveStatusToken(secret, workflowId, revision));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a link of a case last changed at `lastChange` still works at `now`. */
export const statusLinkExpired = (lastChange: Date, now = Date.now()) => lastChange.getTime() + STATUS_LINK_RETENTION_DAYS * 24 * 60 * 60_000 <= now;

export const statusUrl = (publicBaseUrl: string, caseNumber: string, token: string) =>
  `${publicBaseUrl}/vorgang/${encodeURIComponent(caseNumber)}#${token}`;
