/**
 * Opening a case's status page with its secret token (from the receipt e-mail or the answer to
 * the submission). A wrong token and an unknown case answer the same 404, so case numbers
 * (which are sequential) cannot be probed. Failures are limited like the ticket portal's: the
 * per-key lock counts per case and client address — keyed by the case alone, anyone could
 * lock a citizen out of their own page with five bad tokens — plus the per-address budget.
 */
import { createHash } from 'node:crypto';
import { statusTokenMatches } from '../../../domain/cases/status-link';
import { notFound } from '../../http/app-error';
import type { AttemptLimiter } from '../../security/attempt-limiter';
import type { System } from '../../../system/system';
import { findCaseRecord as findDogTaxCaseRecord } from '../../../store/dog-tax/case-store';

export interface CaseRecord { caseNumber: string; workflowId: string; formId: string; formVersion: number; status: string; createdAt: Date }

/** Every procedure whose cases have a status page; today the dog-tax read model. */
async function findCaseRecord(system: System, caseNumber: string): Promise<CaseRecord | null> {
  return findDogTaxCaseRecord(system.model, caseNumber);
}

export async function openCaseWithToken(system: System, limiter: AttemptLimiter, args: { caseNumber: string; token: string; address: string }): Promise<CaseRecord> {
  const key = `case-status:${createHash('sha256').update(`${args.caseNumber}\n${args.address}`).digest('hex')}`;
  await limiter.check(key, args.address);
  const found = await findCaseRecord(system, args.caseNumber);
  if (!found || !statusTokenMatches(system.secrets.caseStatus, found.workflowId, args.token)) {
    await limiter.recordFailure(key, args.address);
    throw notFound({ de: 'Der Vorgang', en: 'The case' });
  }
  return found;
}
