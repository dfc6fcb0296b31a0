/**
 * The forms' browser-side validator: react-jsonschema-form's ValidatorType on top of
 * @cfworker/json-schema, which interprets a schema instead of compiling it to code — so the
 * Content-Security-Policy needs no 'unsafe-eval' (rjsf's ajv validator builds a function per
 * schema with `new Function`). Designers publish new schemas at any time, so precompiling them
 * at build time is no option. Browser validation is a convenience: the server validates every
 * submission again with the project's one ajv (domain/json-schema.ts) and decides.
 *
 * Errors are reported in ajv's shape (keyword, instancePath, params with limit, missingProperty,
 * format, …) and then run through rjsf's own processing, so titles, paths and our translations
 * (./localize-errors.ts) work as before.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { CustomValidator, ErrorTransformer, RJSFSchema, UiSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import processRawValidationErrors from '@rjsf/validator-ajv8/lib/processRawValidationErrors.js';

/** What ajv reports and rjsf's processing reads. */
export interface AjvLikeError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message: string;
  parentSchema?: object;
}

/** Keywords that only say "something below failed": the error below is reported by itself, as ajv does. */
const WRAPPERS = new Set(['properties', 'patternProperties', 'additionalItems', 'items', 'prefixItems', 'allOf', '$ref', '$recursiveRef', 'if', 'dependentSchemas', 'contains', 'unevaluatedProperties', 'unevaluatedItems', 'propertyNames']);
const LIMITS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'multipleOf']);

const decode = (segment: string) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

/** The value at a `#/…` JSON pointer of the schema, or undefined. */
function at(schema: unknown, pointer: string): unknown {
  let node = schema;
  for (const segment of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decode(segment)];
  }
  return node;
}

const quoted = (text: string) => /"([^"]*)"/.exec(text)?.[1];

function ajvLike(unit: OutputUnit, schema: object): AjvLikeError {
  const { keyword } = unit;
  const parentPointer = unit.keywordLocation.replace(/\/[^/]*$/, '');
  const parentSchema = at(schema, parentPointer) as object | undefined;
  const value = at(schema, unit.keywordLocation);
  const instancePath = unit.instanceLocation.replace(/^#/, '');
  let params: Record<string, unknown> = {};
  let message = unit.error;
  if (keyword === 'required') {
    const missingProperty = quoted(unit.error) ?? '';
    params = { missingProperty };
    message = `must have required property '${missingProperty}'`;
  } else if (LIMITS.has(keyword)) {
    params = { limit: value };
    message = `must satisfy ${keyword} ${String(value)}`;
  } else if (keyword === 'format') {
    params = { format: value };
    message = `must match format "${String(value)}"`;
  } else if (keyword === 'pattern') {
    params = { pattern: value };
    message = `must match pattern "${String(value)}"`;
  } else if (keyword === 'enum') {
    params = { allowedValues: value };
    message = 'must be equal to one of the allowed values';
  } else if (keyword === 'const') {
    params = { allowedValue: value };
    message = 'must be equal to constant';
  } else if (keyword === 'type') {
    params = { type: value };
    message = `must be ${Array.isArray(value) ? value.join(',') : String(value)}`;
  } else if (keyword === 'additionalProperties') {
    params = { additionalProperty: quoted(unit.error) };
    message = 'must NOT have additional properties';
  } else if (keyword === 'dependencies' || keyword === 'dependentRequired') {
    const [property, missingProperty] = [...unit.error.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    params = { property, missingProperty, deps: missingProperty, depsCount: 1 };
  }
  return { keyword, instancePath, schemaPath: unit.keywordLocation, params, message, parentSchema };
}

/**
 * Where unknown fields are (additionalProperties errors, and the "false schema" error cfworker
 * adds at the field itself): not shown, since a person cannot fix a field the form has no
 * input for. The server refuses them (422), so the portal drops them before sending (prune-data.ts).
 */
function unknownFields(units: OutputUnit[]): Set<string> {
  return new Set(units.filter((u) => u.keyword === 'additionalProperties')
    .map((u) => `${u.instanceLocation}/${encodeURIComponent(quoted(u.error) ?? '').replace(/~/g, '~0').replace(/\//g, '~1')}`));
}

/**
 * The data as ajv sees it: a property whose value is undefined is absent (rjsf leaves such
 * properties behind), an undefined array item is null (ajv reports it as the wrong type).
 * cfworker refuses `undefined` anywhere.
 */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : defined(item)));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]));
}

/** The schema with the root's definitions beside it, so `#/definitions/…` refs of a sub-schema resolve. */
function withRootDefinitions(schema: RJSFSchema, root: RJSFSchema | undefined): RJSFSchema {
  if (!root || root === schema) return schema;
  return { ...schema, ...(root.definitions ? { definitions: root.definitions } : {}), ...(root.$defs ? { $defs: root.$defs } : {}) };
}

export class InterpretingValidator implements ValidatorType {
  /** One cfworker validator per schema object (it indexes the schema once); copied, since it marks the objects it indexes. */
  private readonly validators = new WeakMap<object, { validator?: Validator; copy: object; error?: Error }>();

  private validatorFor(schema: RJSFSchema) {
    let entry = this.validators.get(schema);
    if (!entry) {
      const copy = structuredClone(schema) as object;
      try {
        entry = { validator: new Validator(copy as Schema, '7', false), copy };
      } catch (error) {
        entry = { copy, error: error instanceof Error ? error : new Error(String(error)) };
      }
      this.validators.set(schema, entry);
    }
    return entry;
  }

  rawValidation<Result = AjvLikeError>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    const entry = this.validatorFor(schema);
    if (!entry.validator) return { validationError: entry.error };
    try {
      const result = entry.validator.validate(formData === undefined ? null : defined(formData));
      if (result.valid) return {};
      const unknown = unknownFields(result.errors);
      const errors = result.errors.filter((unit) => !WRAPPERS.has(unit.keyword) && unit.keyword !== 'additionalProperties' && !unknown.has(unit.instanceLocation))
        .map((unit) => ajvLike(unit, entry.copy));
      return { errors: errors as Result[] };
    } catch (error) {
      return { validationError: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  validateFormData(formData: unknown, schema: RJSFSchema, customValidate?: CustomValidator, transformErrors?: ErrorTransformer, uiSchema?: UiSchema): ValidationData<unknown> {
    const raw = this.rawValidation<AjvLikeError>(schema, formData);
    return processRawValidationErrors(this, raw as never, formData, schema, customValidate, transformErrors, uiSchema);
  }

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    const combined = withRootDefinitions(schema, rootSchema);
    const { errors, validationError } = this.rawValidation(combined, formData);
    // rjsf asks with sub-schemas it builds on the fly; they are not kept (the WeakMap lets them go).
    return !validationError && !errors?.length;
  }
}

/** The one validator of the web app's forms. */
export const validator = new InterpretingValidator();
export default validator;
