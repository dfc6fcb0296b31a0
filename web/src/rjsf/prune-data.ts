import type { RJSFSchema } from '@rjsf/utils';

type Node = Record<string, unknown>;
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Drops what a person left empty: undefined values, empty strings and arrays, and objects that end
 * up empty unless the schema requires them. rjsf keeps `{}` for a group someone typed into and
 * cleared again; sent as is, an optional group ("new address") would fail its own required fields.
 * Also drops members a schema with `additionalProperties: false` does not name (a draft saved
 * with an older form version, a field the person cannot see): the API refuses unknown fields.
 */
export function pruneData(value: unknown, schema: RJSFSchema | undefined): unknown {
  if (!isObject(value)) return value;
  const properties = (schema?.properties ?? {}) as Record<string, RJSFSchema>;
  const required = schema?.required ?? [];
  const out: Node = {};
  const closed = schema?.additionalProperties === false;
  for (const [key, raw] of Object.entries(value)) {
    if (closed && !(key in properties)) continue;
    const child = pruneData(raw, properties[key]);
    if (child === undefined || child === '' || (Array.isArray(child) && child.length === 0)) continue;
    if (isObject(child) && Object.keys(child).length === 0 && !required.includes(key)) continue;
    out[key] = child;
  }
  return out;
}

/** True when the data carries an e-mail address anywhere (the confirmation e-mail goes there). */
export function hasEmail(value: unknown, schema: RJSFSchema | undefined): boolean {
  if (!isObject(value)) return false;
  const properties = (schema?.properties ?? {}) as Record<string, RJSFSchema>;
  return Object.entries(value).some(([key, child]) => {
    const node = properties[key];
    if (typeof child === 'string') return child.includes('@') && (node?.format === 'email' || /e-?mail/i.test(key));
    return hasEmail(child, node);
  });
}
