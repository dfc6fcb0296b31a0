/**
 * The forms' browser-side validator (web/src/rjsf/validator.ts, no eval) finds what the server's
 * ajv finds: for every built-in form and a few typical inputs, the same fields with the same
 * keywords and the limits our texts name. Browser validation is a convenience — the server
 * decides — but a person must see the same problems before sending as after.
 */
import { describe, expect, it } from 'vitest';
import { listForms } from '../../forms/registry';
import { compile } from '../../domain/json-schema';
import type { RJSFSchema } from '@rjsf/utils';
import { InterpretingValidator } from '../../web/src/rjsf/validator';
import { pruneData } from '../../web/src/rjsf/prune-data';

const validator = new InterpretingValidator();
type Found = { keyword: string; instancePath: string; params: Record<string, unknown> };
const key = (e: Found) => `${e.keyword} ${e.instancePath} ${String(e.params.missingProperty ?? e.params.limit ?? e.params.format ?? '')}`;
const leafKeywords = (errors: Found[]) => errors.filter((e) => !['if', 'then', 'else'].includes(e.keyword)).map(key).sort();
/**
 * Unknown fields are the one difference: the server refuses them, the browser does not show
 * them (a person cannot fix a field the form has no input for) — the portal drops them before
 * sending (web/src/rjsf/prune-data.ts), tested below.
 */
const known = (errors: Found[]) => errors.filter((e) => e.keyword !== 'additionalProperties');

const inputs: Record<string, unknown>[] = [
  {},
  { holder: {} },
  { holder: { givenName: '', familyName: 'x'.repeat(500), birthDate: '1990-02-31', postalCode: '1234', email: 'not-mail' } },
  { dog: { sex: 'unicorn', name: 7 } },
  // What rjsf hands over for an array nobody filled in, and a field it cleared.
  { evidenceIds: [undefined], holder: { givenName: undefined } },
];

describe('browser-side form validation without eval', () => {
  for (const form of listForms()) {
    it(`when ${form.id} is checked in the browser, then it finds what the server's ajv finds`, () => {
      for (const data of inputs) {
        const server = compile(structuredClone(form.schema));
        server(structuredClone(data));
        const raw = validator.rawValidation(form.schema as never, structuredClone(data));
        expect(raw.validationError, JSON.stringify(data)).toBeUndefined();
        expect(leafKeywords((raw.errors ?? []) as Found[]), `${form.id} ${JSON.stringify(data)}`).toEqual(leafKeywords(known((server.errors ?? []) as Found[])));
      }
    });
  }

  it('when the portal prepares a submission, then it drops every member the form does not name, nested too, so the server finds no unknown field', () => {
    for (const form of listForms()) {
      for (const data of inputs) {
        const sent = pruneData({ ...structuredClone(data), notAField: 'x', holder: { ...(data.holder as object), notAField: 'x' } }, form.schema as RJSFSchema);
        const server = compile(structuredClone(form.schema));
        server(structuredClone(sent));
        expect((server.errors ?? []).filter((e) => e.keyword === 'additionalProperties'), `${form.id} ${JSON.stringify(sent)}`).toEqual([]);
      }
    }
  });

  it('when a schema is checked, then nothing is compiled to code (the CSP forbids eval)', () => {
    const original = globalThis.Function;
    const spy = new Proxy(original, { construct() { throw new Error('new Function called'); }, apply() { throw new Error('Function called'); } });
    globalThis.Function = spy;
    try {
      const schema: RJSFSchema = { type: 'object', required: ['a'], properties: { a: { type: 'string', pattern: '^[0-9]{5}$', minLength: 5 } } };
      expect(validator.validateFormData({ a: '12' }, schema).errors.map((e) => e.name).sort()).toEqual(['minLength', 'pattern']);
      expect(validator.isValid(schema, { a: '58095' }, schema)).toBe(true);
    } finally {
      globalThis.Function = original;
    }
  });
});
