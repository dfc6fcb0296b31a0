/** The form registry on the embedded FerretDB: immutable versions, publish, restore, seeding. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { FormRegistry } from '../../forms/registry/form-registry';
import { FormRejected } from '../../forms/registry/form-version';
import { recordTicketForm } from '../../forms/parking-ticket/record-ticket.form';
import { freshRegistry, ticketDraft, withVehicleMake } from './support';

const FORM = recordTicketForm.id;
let conn: Connection;
let registry: FormRegistry;

beforeAll(async () => {
  ({ conn, registry } = await freshRegistry('forms_registry'));
});
afterAll(async () => {
  await conn?.close();
});

describe('seeding the built-in forms', () => {
  it('when seeded twice, then the file is version 1 once and the second seed reports it unchanged', async () => {
    expect(await registry.seedBuiltIns([recordTicketForm])).toEqual([{ formId: FORM, outcome: 'seeded' }]);
    expect(await registry.seedBuiltIns([recordTicketForm])).toEqual([{ formId: FORM, outcome: 'unchanged' }]);
    const v1 = await registry.latest(FORM);
    expect(v1).toMatchObject({ id: FORM, version: 1, source: 'built-in', publishedBy: 'built-in', procedure: 'parking-ticket' });
    expect(v1!.schema).toEqual(recordTicketForm.schema);
    expect(await registry.versions(FORM)).toHaveLength(1);
  });

  it('when a built-in file changed since it was seeded, then it is reported and not republished', async () => {
    const changed = { ...recordTicketForm, ...ticketDraft((d) => { d.texts.en.submit = 'Save'; }) };
    expect(await registry.seedBuiltIns([changed])).toEqual([{ formId: FORM, outcome: 'changed-not-republished' }]);
    expect((await registry.latest(FORM))!.version).toBe(1);
    expect((await registry.latest(FORM))!.texts.en.submit).toBe('Save ticket');
  });

  it('when a built-in file breaks its contract, then seeding refuses it', async () => {
    const broken = { ...recordTicketForm, id: 'broken-built-in', ...ticketDraft((d) => { delete d.schema.properties.plate; }) };
    await expect(registry.seedBuiltIns([broken])).rejects.toBeInstanceOf(FormRejected);
    expect(await registry.latest('broken-built-in')).toBeUndefined();
  });
});

describe('publishing and restoring', () => {
  it('when a designer publishes, then the portal gets v2, v1 is unchanged, and restoring v1 makes v3 with v1\'s content', async () => {
    const v1 = structuredClone(await registry.get(FORM, 1));
    const v2 = await registry.publish(FORM, ticketDraft(withVehicleMake), { by: 'designer-a', note: 'Fahrzeugmarke' });
    expect(v2).toMatchObject({ version: 2, source: 'designer', publishedBy: 'designer-a', note: 'Fahrzeugmarke' });
    expect((await registry.latest(FORM))!.version).toBe(2);
    expect((await registry.latest(FORM))!.schema.properties).toHaveProperty('vehicleMake');
    // Read through a second registry (no cache): what is stored for v1 is what was published.
    expect(await new FormRegistry(conn).get(FORM, 1)).toEqual(v1);

    const v3 = await registry.restore(FORM, 1, { by: 'designer-b' });
    expect(v3).toMatchObject({ version: 3, restoredFrom: 1, publishedBy: 'designer-b' });
    for (const key of ['procedure', 'action', 'schema', 'uiSchema', 'texts'] as const) expect(v3![key]).toEqual(v1![key]);
    expect((await registry.latest(FORM))!.version).toBe(3);
    expect((await registry.versions(FORM)).map((v) => [v.version, v.restoredFrom])).toEqual([[3, 1], [2, undefined], [1, undefined]]);
    expect(await registry.restore(FORM, 99, { by: 'designer-b' })).toBeUndefined();
  });

  it('when a version has been read, then it cannot be changed in place (versions are immutable)', async () => {
    const v2 = (await registry.get(FORM, 2))!;
    expect(() => { (v2.schema as Record<string, unknown>).title = 'anders'; }).toThrow(TypeError);
    expect(() => { (v2.texts.de as { title: string }).title = 'anders'; }).toThrow(TypeError);
  });

  it('when ten designers publish at once, then each gets its own version and none is skipped', async () => {
    const before = (await registry.latest(FORM))!.version;
    const published = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      registry.publish(FORM, ticketDraft((d) => { d.texts.en.submit = `Save ${i}`; }), { by: `designer-${i}` })));
    const numbers = published.map((v) => v.version).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    for (const v of published) expect((await registry.get(FORM, v.version))!.publishedBy).toBe(v.publishedBy);
  });

  it('when a draft removes a contract field, then publishing is refused and no version is made', async () => {
    const before = (await registry.latest(FORM))!.version;
    const draft = ticketDraft((d) => { delete d.schema.properties.place; d.schema.required = d.schema.required.filter((f: string) => f !== 'place'); });
    const error = await registry.publish(FORM, draft, { by: 'designer-a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormRejected);
    expect((error as FormRejected).problems.map((p) => p.field)).toContain('schema/properties/place');
    expect((await registry.latest(FORM))!.version).toBe(before);
  });

  it('when a form is listed, then each form shows its newest version and its version count', async () => {
    await registry.publish('another-form', ticketDraft(), { by: 'designer-a' });
    const list = await registry.list();
    expect(list.map((f) => [f.latest.id, f.latest.version, f.versionCount])).toEqual([
      ['another-form', 1, 1],
      [FORM, (await registry.latest(FORM))!.version, (await registry.versions(FORM)).length],
    ]);
  });
});
