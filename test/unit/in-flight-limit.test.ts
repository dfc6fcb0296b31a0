/**
 * Which routes run under the in-flight limit (server/http/in-flight-limit.ts), and that the
 * OpenAPI document says so. The behaviour under load is tested against the real stack in
 * test/chaos/overload-http.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../server/app';
import { buildOpenApi, toOpenApiPath } from '../../server/http/openapi';
import { isLimited, LIMIT_EXEMPT } from '../../server/http/in-flight-limit';

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the in-flight limit', () => {
  it('when a route is exempt, then it exists (a renamed route must not fall out of the list unnoticed)', () => {
    const routes = new Set(routeTable.map(key));
    expect(Object.keys(LIMIT_EXEMPT).filter((k) => !routes.has(k))).toEqual([]);
  });

  it('when a route starts, signals or updates a workflow, then it is limited; reads and sign-ins are not', () => {
    const limited = new Set(routeTable.filter(isLimited).map(key));
    for (const k of ['post /api/parking-tickets', 'post /api/forms/:formId/submissions', 'post /api/forms/:formId/drafts',
      'post /api/parking-tickets/current/checkout', 'post /api/parking-tickets/current/confirm-payment',
      'post /api/fine-proceedings/current/hearing-answer', 'post /api/parking-tickets/current/objection',
      'post /api/parking-tickets/:ticketNumber/withdrawal-requests', 'post /api/tasks/:taskId/decision', 'post /api/tasks/:taskId/claim']) {
      expect(limited, k).toContain(k);
    }
    for (const k of ['post /api/staff/session', 'post /api/parking-tickets/access', 'get /api/health', 'get /api/parking-tickets']) {
      expect(limited, k).not.toContain(k);
    }
  });

  it('when a route is limited, then its documented 503 names the code overloaded, and only then', () => {
    const doc = buildOpenApi(routeTable, 'http://127.0.0.1') as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    for (const route of routeTable) {
      const described = doc.paths[toOpenApiPath(route.path)]![route.method]!.responses['503']?.description ?? '';
      expect(described.includes('overloaded'), key(route)).toBe(isLimited(route));
    }
  });
});
