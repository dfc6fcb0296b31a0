/**
 * The one ajv of the project: every JSON Schema (forms, route bodies, task decisions, the
 * sandboxes' APIs, the designer's checks) is compiled here, with the same options and formats.
 * Pure (no I/O), so every layer may import it — except workflow code, which gets validated
 * data and must not bundle a schema compiler.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type { ErrorObject, JSONSchemaType, ValidateFunction } from 'ajv';

/**
 * Forms are JSON Schema draft-07, the dialect react-jsonschema-form validates by default.
 * Defaults are filled in, every error is reported; strict off, because form schemas carry
 * rjsf's keywords. Nothing is removed: where a schema says `additionalProperties: false`, an
 * unknown property is an error (a misspelled field is refused, not silently lost), exactly as
 * the OpenAPI document built from the same schemas promises.
 */
export const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
// ajv-formats is CommonJS: under ESM its function is the default export's default.
(addFormats.default ?? (addFormats as unknown as (a: Ajv) => void))(ajv);

const byObject = new WeakMap<object, ValidateFunction>();
const byContent = new Map<string, ValidateFunction>();

/**
 * The validator of `schema`, compiled once: by the object, and by its content, so the same
 * schema read again from the database (a task's decision schema on every request) is not
 * compiled, and kept, once per read.
 */
export function compile<T = unknown>(schema: object): ValidateFunction<T> {
  let validate = byObject.get(schema);
  if (!validate) {
    const key = JSON.stringify(schema);
    validate = byContent.get(key);
    if (!validate) {
      validate = ajv.compile(schema);
      byContent.set(key, validate);
    }
    byObject.set(schema, validate);
  }
  return validate as ValidateFunction<T>;
}
