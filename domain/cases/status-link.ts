/**
 * The status page link of a case: `${PUBLIC_BASE_URL}/vorgang/<case number>?token=<token>`.
 * The token is derived by HMAC from the workflow ID (not random and stored): a repeated submit
 * with the same Idempotency-Key answers the same link, the receipt activity recomputes it on a
 * retry, and nothing secret is stored that a database dump could leak. 128 bits, URL-safe.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function deriveStatusToken(secret: Buffer, workflowId: string): string {
  return createHmac('sha256', secret).update(`case-status:${workflowId}`).digest().subarray(0, 16).toString('base64url');
}

export function statusTokenMatches(secret: Buffer, workflowId: string, given: string): boolean {
  const expected = Buffer.from(deriveStatusToken(secret, workflowId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const statusUrl = (publicBaseUrl: string, caseNumber: string, token: string) =>
  `${publicBaseUrl}/vorgang/${encodeURIComponent(caseNumber)}?token=${token}`;
