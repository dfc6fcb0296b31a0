/** The staff's view of the Hundesteuer read model. */
import type { DogTaxProcedure } from '../../../workflows/dog-tax/shared';
import type { System } from '../../../system/system';
import { dogTaxCasePage } from '../../../store/dog-tax/case-store';
import { cursorParam } from '../../../store/staff-lists';

export interface ListQuery { status?: string; procedure?: DogTaxProcedure; cursor?: string; limit?: string }

/** Cases for staff, newest first, a page at a time: with the submission, since the decision is made on it. */
export async function listDogTaxCases(system: System, filter: ListQuery) {
  const page = await dogTaxCasePage(system.model, { status: filter.status, procedure: filter.procedure, cursor: cursorParam(filter.cursor), limit: pageSize(filter.limit) });
  return {
    items: page.items.map((c) => ({
      caseNumber: c.caseNumber, procedure: c.procedure, status: c.status, formId: c.formId, formVersion: c.formVersion,
      receivedAt: (c.createdAt as Date).toISOString(), submission: c.submission,
      ...(c.tagNumber ? { tagNumber: c.tagNumber } : {}), ...(c.registrationCaseNumber ? { registrationCaseNumber: c.registrationCaseNumber } : {}),
      ...(c.decision ? { decision: c.decision } : {}),
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}

/** 1–100, default 50. */
export const pageSize = (limit: string | undefined) => Math.min(Math.max(Number(limit ?? 50) || 50, 1), 100);
