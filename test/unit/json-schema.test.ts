/** One ajv for the project (domain/json-schema.ts): one configuration, validators compiled once. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../domain/json-schema';

const schema = () => ({
  type: 'object', required: ['email'], additionalProperties: false,
  properties: { email: { type: 'string', format: 'email' }, copies: { type: 'integer', default: 1 } },
});

describe('domain/json-schema', () => {
  it('when the same schema arrives as another object (read again from the database), then it is not compiled again', () => {
    const first = schema();
    expect(compile(first)).toBe(compile(first));
    expect(compile(schema())).toBe(compile(first));
    expect(compile({ ...schema(), required: [] })).not.toBe(compile(first));
  });

  it('when data is validated, then formats are checked and defaults filled in', () => {
    const validate = compile<{ email: string; copies: number }>(schema());
    const data: Record<string, unknown> = { email: 'a@example.org' };
    expect(validate(data)).toBe(true);
    expect(data).toEqual({ email: 'a@example.org', copies: 1 });
    expect(validate({ email: 'not an address' })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe('format');
  });

  it('when data carries a member the schema does not name, then it is refused and left in place (never silently removed)', () => {
    const validate = compile(schema());
    const data: Record<string, unknown> = { email: 'a@example.org', emial: 'typo@example.org' };
    expect(validate(data)).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: 'additionalProperties', instancePath: '', params: { additionalProperty: 'emial' } })]);
    expect(data).toHaveProperty('emial');
  });

  it('no other file sets up ajv, and no workflow imports it', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'node_modules' || e.name.startsWith('.') || e.name === 'dist' ? [] : files(join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []);
    const root = join(__dirname, '../..');
    const code = ['domain', 'store', 'adapters', 'sandboxes', 'system', 'workflows', 'activities', 'workers', 'forms', 'server', 'scripts', 'test'].flatMap((d) => files(join(root, d)));
    const settingUp = code.filter((f) => !f.endsWith(join('domain', 'json-schema.ts')) && f !== __filename && /new Ajv\b|from 'ajv(-formats)?'/.test(readFileSync(f, 'utf8')));
    expect(settingUp.map((f) => f.slice(root.length + 1))).toEqual([]);
    const inWorkflows = code.filter((f) => f.includes(`${join(root, 'workflows')}/`) && /json-schema'|from 'ajv/.test(readFileSync(f, 'utf8')));
    expect(inWorkflows).toEqual([]);
  });
});
