/**
 * The web app's API types are generated from the OpenAPI document (scripts/generate-api-types.ts):
 * the committed file must be what the route schemas make today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../../scripts/generate-api-types';
import { routeTable } from '../../server/app';
import { named } from '../../server/http/openapi';
import type { RouteSpec } from '../../server/http/route';

describe('web/src/api/schema.d.ts', () => {
  it('when the route schemas are unchanged, then the committed file is what they generate', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(committed === (await apiTypesSource()), 'stale: run `npx tsx scripts/generate-api-types.ts` and commit web/src/api/schema.d.ts').toBe(true);
  });

  it('when a route answers a new named schema, then the generated file differs and names it', async () => {
    const extra: RouteSpec = {
      method: 'get', path: '/api/probe', summary: 'probe', tags: ['test'], roles: ['public'],
      responses: { 200: { description: 'probe', schema: named('ProbeAnswer', { type: 'object', required: ['probe'], properties: { probe: { type: 'string' } } }) } },
      handler: async () => ({ json: { probe: 'x' } }),
    };
    const changed = await apiTypesSource([...routeTable, extra]);
    expect(changed).not.toBe(readFileSync(API_TYPES_FILE, 'utf8'));
    expect(changed).toMatch(/ProbeAnswer: \{\s*probe: string;/);
  });

  it('status enums come from the workflow contract: the ticket status lists every status of TICKET_STATUSES', async () => {
    const { TICKET_STATUSES } = await import('../../workflows/parking-ticket/shared');
    const line = readFileSync(API_TYPES_FILE, 'utf8').match(/TicketStatus: (.*);/)?.[1] ?? '';
    expect(line.split(' | ').map((s) => JSON.parse(s))).toEqual([...TICKET_STATUSES]);
  });
});
