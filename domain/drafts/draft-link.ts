/**
 * The resume link of a draft: `${PUBLIC_BASE_URL}/formulare/<formId>#entwurf=<id>.<token>`. Draft
 * ID and token are in the URL's fragment, which a browser never sends to a server (no access log,
 * no Referer); the page sends them in a POST body. The token (128 bits) is derived by HMAC from
 * the draft ID, like the status page's: the mail activity recomputes it on a retry, the API
 * checks it without a stored copy, and neither the database nor the workflow history holds it.
 * Only the e-mail carries it. It expires with the draft (7 days) and dies when the citizen
 * deletes the draft (the portal's "discard", or sending the form).
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
  `${publicBaseUrl}/formulare/${encodeURIComponent(formId)}#entwurf=${encodeURIComponent(draftId)}.${token}`;
