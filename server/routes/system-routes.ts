/** Health, the OpenAPI document and the offence catalogue: public routes (forms: form-routes.ts). */
import { defineRoutes } from '../http/route';
import { offenceCatalogue } from '../../domain/parking-ticket/offence-catalogue';
import { checkHealth } from '../use-cases/check-health';

export const systemRoutes = defineRoutes([
  {
    method: 'get', path: '/api/health', summary: 'Health of the service and each dependency', tags: ['system'], roles: ['public'],
    responses: { 200: { description: 'All dependencies reachable' }, 503: { description: 'A dependency is down' } },
    async handler({ system }) {
      const health = await checkHealth(system);
      return { status: health.status === 'ok' ? 200 : 503, json: health };
    },
  },
  {
    method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 document', tags: ['system'], roles: ['public'],
    responses: { 200: { description: 'OpenAPI document' } },
    async handler({ req }) {
      return { json: req.app.locals.openapi };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets/offences', summary: 'The offence catalogue (Tatbestandskatalog excerpt) with legal amounts', tags: ['parking-ticket'], roles: ['public'],
    responses: { 200: { description: 'Offences' } },
    async handler() {
      return { json: { items: offenceCatalogue.map((o) => ({ code: o.code, title: o.title, amountCents: o.amountCents, legalBasis: o.legalBasis })) } };
    },
  },
]);
