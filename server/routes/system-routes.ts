/** Health, the OpenAPI document and the offence catalogue: public routes (forms: form-routes.ts). */
import { defineRoutes } from '../http/route';
import { offenceCatalogue } from '../../domain/parking-ticket/offence-catalogue';
import { checkHealth } from '../use-cases/check-health';

/** A monitor asks again after this long when something is down. */
const HEALTH_RETRY_AFTER_SECONDS = 5;

export const systemRoutes = defineRoutes([
  {
    method: 'get', path: '/api/health', summary: 'Up or down; signed in as an administrator: each dependency with its detail', tags: ['system'], roles: ['public'],
    responses: {
      200: { description: 'All dependencies reachable: `{ status: "ok" }` (an administrator also gets `dependencies`)' },
      503: { description: 'A dependency is down: `{ status: "degraded" }` (an administrator also gets `dependencies` with the error text), within 2 s, with Retry-After' },
    },
    async handler({ system, principal }) {
      const health = await checkHealth(system);
      const status = health.status === 'ok' ? 200 : 503;
      // Addresses and error texts are for operators only.
      return { status, json: principal.roles.includes('admin') ? health : { status: health.status }, ...(status === 503 ? { headers: { 'Retry-After': String(HEALTH_RETRY_AFTER_SECONDS) } } : {}) };
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
