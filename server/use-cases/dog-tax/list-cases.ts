/** The staff's view of the Hundesteuer read model. */
import type { DogTaxProcedure } from '../../../workflows/dog-tax/shared';
import type { System } from '../../../system/system';

/** Cases for staff, newest first: with the submission, since the decision is made on it. */
export async function listDogTaxCases(system: System, filter: { status?: string; procedure?: DogTaxProcedure; limit?: number }) {
  const query = { ...(filter.status ? { status: filter.status } : {}), ...(filter.procedure ? { procedure: filter.procedure } : {}) };
  const items = await system.model.dogTaxCases.find(query).sort({ createdAt: -1 }).limit(filter.limit ?? 200).lean();
  return {
    items: items.map((c) => ({
      caseNumber: c.caseNumber, procedure: c.procedure, status: c.status, formId: c.formId, formVersion: c.formVersion,
      receivedAt: (c.createdAt as Date).toISOString(), submission: c.submission,
      ...(c.tagNumber ? { tagNumber: c.tagNumber } : {}), ...(c.registrationCaseNumber ? { registrationCaseNumber: c.registrationCaseNumber } : {}),
      ...(c.decision ? { decision: c.decision } : {}),
    })),
  };
}
