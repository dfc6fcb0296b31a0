/** Hundesteuer for the tax office's staff: the case list and exemption decisions. */
import { defineRoutes } from '../http/route';
import { decideExemption } from '../use-cases/dog-tax/exemption-decision';
import { listDogTaxCases } from '../use-cases/dog-tax/list-cases';
import type { DogTaxProcedure, ExemptionDecisionKind } from '../../workflows/dog-tax/shared';
import { errors } from './schemas';
import { dogTaxCaseList, dogTaxStatus, exemptionDecisionBody } from './case-schemas';

export const dogTaxRoutes = defineRoutes([
  {
    method: 'get', path: '/api/dog-tax/cases', summary: 'Hundesteuer cases for staff, newest first (e.g. ?status=awaiting_decision)', tags: ['dog-tax'], roles: ['caseworker'],
    query: { type: 'object', additionalProperties: false, properties: { status: dogTaxStatus, procedure: { type: 'string', enum: ['dog-tax-registration', 'dog-tax-deregistration', 'dog-tax-exemption'] } } },
    responses: { 200: { description: 'Cases with their submissions', schema: dogTaxCaseList }, ...errors },
    async handler({ query, system }) {
      return { json: await listDogTaxCases(system, { status: query.status as string | undefined, procedure: query.procedure as DogTaxProcedure | undefined }) };
    },
  },
  {
    method: 'post', path: '/api/dog-tax/cases/:caseNumber/exemption-decision', summary: 'Decide an exemption or reduction application', tags: ['dog-tax'],
    roles: ['caseworker'], body: exemptionDecisionBody,
    responses: { 200: { description: 'Decision booked; the notice is being sent', schema: { type: 'object', properties: { status: dogTaxStatus, caseNumber: { type: 'string' } } } },
      ...errors, 409: { description: 'Already decided' } },
    async handler({ params, body, principal, system }) {
      const { decision, reason } = body as { decision: ExemptionDecisionKind; reason: string };
      return { json: await decideExemption(system, { caseNumber: params.caseNumber!, decision, reason, by: principal.id }) };
    },
  },
]);
