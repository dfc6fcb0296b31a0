/** Hundesteuer for the tax office's staff: the case list (exemption applications are decided in the inbox). */
import { defineRoutes } from '../http/route';
import { listDogTaxCases, type ListQuery } from '../use-cases/dog-tax/list-cases';
import { errors, pageQuery } from './schemas';
import { dogTaxCaseList, dogTaxProcedure, dogTaxStatus } from './case-schemas';

export const dogTaxRoutes = defineRoutes([
  {
    method: 'get', path: '/api/dog-tax/cases', summary: 'Hundesteuer cases for staff, newest first, a page at a time (e.g. ?status=awaiting_decision)', tags: ['dog-tax'], roles: ['caseworker'],
    scope: { kind: 'procedures', procedures: ['dog-tax'] },
    query: { type: 'object', additionalProperties: false, properties: { status: dogTaxStatus, procedure: dogTaxProcedure, ...pageQuery } },
    responses: { 200: { description: 'Cases with their submissions', schema: dogTaxCaseList }, ...errors },
    async handler({ query, system }) {
      return { json: await listDogTaxCases(system, query as ListQuery) };
    },
  },
]);
