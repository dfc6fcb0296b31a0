/**
 * The resume link of a draft: `${PUBLIC_BASE_URL}/formulare/<formId>?draft=<id>&token=<token>`.
 * The token (128 bits) is derived by HMAC from the draft ID, like the status page's: the mail
 * activity recomputes it on a retry, the API checks it without a stored copy, and neither the
 * database nor the workflow history holds it. Only the e-mail carries it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function deriveDraftToken(secret: Buffer, draftId: string): string {
  return createHmac('sha256', secret).update(`form-draft:${draftId}`).digest().subarray(0, 16).toString('base64url');
}

export function draftTokenMatches(secret: Buffer, draftId: string, given: string): boolean {
  const expected = Buffer.from(deriveDraftToken(secret, draftId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const draftResumeUrl = (publicBaseUrl: string, formId: string, draftId: string, token: string) =>
  `${publicBaseUrl}/formulare/${encodeURIComponent(formId)}?draft=${encodeURIComponent(draftId)}&token=${token}`;
