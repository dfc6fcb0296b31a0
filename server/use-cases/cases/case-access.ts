/**
 * Opening a case's status page with its secret token (from the receipt e-mail or the answer to
 * the submission; the page sends it in a POST body, never in a URL the server sees). A wrong
 * token, a replaced one, an expired one and an unknown case answer the same 404, so case
 * numbers (which are sequential) cannot be probed. Guesses are limited per case and client —
 * keyed by the case alone, anyone could lock a citizen out of their own page with five bad
 * tokens — and per client (security/attempt-limiter.ts).
 */
import { createHash } from 'node:crypto';
import { deriveStatusToken, statusLinkExpired, statusTokenMatches, statusUrl } from '../../../domain/cases/status-link';
import { notFound } from '../../http/app-error';
import type { AttemptLimiter } from '../../security/attempt-limiter';
import type { ClientRef } from '../../security/client-id';
import type { System } from '../../../system/system';
import { findCaseRecord as findDogTaxCaseRecord } from '../../../store/dog-tax/case-store';
import { replaceStatusLinkRevision, statusLinkRevision } from '../../../store/cases/status-link-revisions';

export interface CaseRecord { caseNumber: string; workflowId: string; formId: string; formVersion: number; status: string; createdAt: Date; updatedAt?: Date }

/** Every procedure whose cases have a status page; today the dog-tax read model. */
async function findCaseRecord(system: System, caseNumber: string): Promise<CaseRecord | null> {
  return findDogTaxCaseRecord(system.model, caseNumber);
}

export async function openCaseWithToken(system: System, limiter: AttemptLimiter, who: ClientRef, args: { caseNumber: string; token: string }): Promise<CaseRecord> {
  const key = `case-status:${createHash('sha256').update(`${args.caseNumber}\n${who.client}`).digest('hex')}`;
  await limiter.check(key, who);
  const found = await findCaseRecord(system, args.caseNumber);
  const revision = found ? await statusLinkRevision(system.conn, found.caseNumber) : undefined;
  if (!found || !statusTokenMatches(system.secrets.caseStatus, found.workflowId, args.token, revision)
    || statusLinkExpired(found.updatedAt ?? found.createdAt)) {
    await limiter.recordFailure(key, who);
    throw notFound({ de: 'Der Vorgang', en: 'The case' });
  }
  return found;
}

/** The citizen replaces the status link (it was shared or forwarded): the old one stops working, the new one is answered once. */
export async function replaceStatusLink(system: System, found: CaseRecord): Promise<{ statusToken: string; statusUrl: string }> {
  const revision = await replaceStatusLinkRevision(system.conn, found.caseNumber);
  const statusToken = deriveStatusToken(system.secrets.caseStatus, found.workflowId, revision);
  return { statusToken, statusUrl: statusUrl(system.config.publicBaseUrl, found.caseNumber, statusToken) };
}
