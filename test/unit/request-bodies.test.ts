/**
 * The request bodies the route table documents say what the API does with unknown members:
 * every object that names its properties is closed (`additionalProperties: false`, refused with
 * 422 by server/http/validation.ts), at every level; an object left open (a form's data, a
 * task's decision, a designer's schema) says in its description what checks it instead.
 */
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../server/app';

type Schema = Record<string, unknown>;
/** Conditions only select (if) or add rules to (then/else/not) an object described elsewhere. */
const CONDITIONAL = new Set(['if', 'then', 'else', 'not']);

function objects(schema: unknown, at: string, out: { at: string; schema: Schema }[] = []): { at: string; schema: Schema }[] {
  if (Array.isArray(schema)) schema.forEach((s, i) => objects(s, `${at}/${i}`, out));
  else if (schema && typeof schema === 'object') {
    const s = schema as Schema;
    if (s.type === 'object' || s.properties) out.push({ at, schema: s });
    for (const [key, value] of Object.entries(s)) if (!CONDITIONAL.has(key)) objects(value, `${at}/${key}`, out);
  }
  return out;
}

describe('request bodies of the route table', () => {
  it('when an object names its properties, then it refuses others (additionalProperties: false), nested objects too', () => {
    const open = routeTable.filter((r) => r.body).flatMap((r) => objects(r.body, `${r.method.toUpperCase()} ${r.path}`))
      .filter(({ schema }) => schema.properties && Object.keys(schema.properties).length > 0 && schema.additionalProperties !== false)
      .map(({ at }) => at);
    expect(open).toEqual([]);
  });

  it('when an object is left open, then its description says what checks its members', () => {
    const undescribed = routeTable.filter((r) => r.body).flatMap((r) => objects(r.body, `${r.method.toUpperCase()} ${r.path}`))
      .filter(({ schema }) => !schema.properties && !schema.patternProperties && schema.additionalProperties === undefined && !schema.description)
      .map(({ at }) => at);
    expect(undescribed).toEqual([]);
  });
});
