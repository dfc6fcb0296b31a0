import type { ErrorSchema } from '@rjsf/utils';
import type { FieldError } from '../api/types.js';

/**
 * The API names fields like "plate" or "place/street" (JSON-pointer-ish); rjsf wants a nested
 * ErrorSchema. Errors without a field (or for the whole body) are returned separately.
 */
export function toErrorSchema(fields: FieldError[]): { schema: ErrorSchema; general: string[] } {
  const schema: Record<string, unknown> = {};
  const general: string[] = [];
  for (const { field, message } of fields) {
    const parts = field.split(/[./]/).filter(Boolean);
    if (parts.length === 0) {
      general.push(message);
      continue;
    }
    let node = schema;
    for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
    const list = (node.__errors ??= []) as string[];
    list.push(message);
  }
  return { schema: schema as ErrorSchema, general };
}
