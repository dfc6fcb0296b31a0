import type { ErrorTransformer, RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import type { Dictionary } from '../locales/de.js';

/**
 * ajv's messages are English and technical ("must match pattern …"). Map the keywords the forms
 * use to plain German/English; the server validates again and answers in the same language.
 */
export function localizeErrors(t: Dictionary, schema?: RJSFSchema): ErrorTransformer {
  return (errors: RJSFValidationError[]) =>
    errors.map((error) => {
      const missing = (error.params as { missingProperty?: string } | undefined)?.missingProperty;
      const limit = Number((error.params as Record<string, unknown> | undefined)?.limit);
      const v = t.validation;
      const message = (() => {
        switch (error.name) {
          case 'required':
            // A list nobody picked from asks to choose, not to "fill in".
            return missing && isChoice(nodeAt(schema, error.property, missing)) ? v.enum : v.required;
          case 'format':
            return (error.params as { format?: string } | undefined)?.format === 'date' ? v.date : v.format;
          case 'pattern':
            return v.pattern;
          case 'minLength':
            return limit <= 1 ? v.required : v.minLength(limit);
          case 'maxLength':
            return v.maxLength(limit);
          case 'minimum':
          case 'exclusiveMinimum':
            return v.minimum(limit);
          case 'maximum':
          case 'exclusiveMaximum':
            return v.maximum(limit);
          case 'enum':
          case 'const':
          case 'oneOf':
          case 'anyOf':
            return v.enum;
          case 'type':
            return v.type;
          default:
            return error.message;
        }
      })();
      return { ...error, message, stack: `${error.property ?? ''} ${message}`.trim() };
    });
}

function isChoice(node: unknown): boolean {
  const n = node as { enum?: unknown; oneOf?: unknown; anyOf?: unknown } | undefined;
  return Boolean(n && (n.enum || n.oneOf || n.anyOf));
}

/** The schema of a missing field: rjsf names it by path (".dog.sex"), nested groups included. */
function nodeAt(schema: RJSFSchema | undefined, property: string | undefined, missing: string): unknown {
  const parts = (property ?? '').split('.').filter(Boolean);
  if (parts.at(-1) !== missing) parts.push(missing);
  let node: unknown = schema;
  for (const part of parts) node = (node as { properties?: Record<string, unknown> } | undefined)?.properties?.[part];
  return node;
}
