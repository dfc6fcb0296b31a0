/** The checks before publishing (meta-schema, input contract, texts, uiSchema) and the diff. */
import { describe, expect, it } from 'vitest';
import { checkFormDefinition, diffForms } from '../../forms/contracts';
import { recordTicketForm } from '../../forms/parking-ticket/record-ticket.form';
import { ticketDraft, withVehicleMake } from './support';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checkFormDefinition', () => {
  it('when the built-in ticket form and a version with an extra optional field are checked, then both are publishable', () => {
    expect(checkFormDefinition(recordTicketForm)).toEqual([]);
    expect(checkFormDefinition(ticketDraft(withVehicleMake), recordTicketForm)).toEqual([]);
  });

  it('when the schema is no valid draft-07 schema, then the meta-schema problem names the place', () => {
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.place.type = 'strin'; })))).toContain('schema/properties/place/type');
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.required = 'plate'; })))).toContain('schema/required');
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.$schema = 'https://json-schema.org/draft/2020-12/schema'; })))).toEqual(['schema/$schema']);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.plate.pattern = '(['; })))).toEqual(['schema']);
  });

  it('when the schema is not an object schema, then that is the problem', () => {
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.type = 'array'; })))).toContain('schema/type');
  });

  it('when a contract field is missing, optional or of another type or format, then each is named', () => {
    const missing = checkFormDefinition(ticketDraft((d) => { delete d.schema.properties.plate; }));
    expect(missing.find((p) => p.field === 'schema/properties/plate')!.message.en).toBe('The procedure needs the field "plate" (string).');
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.required = ['offenceCode', 'plate', 'observedAt']; })))).toEqual(['schema/properties/place']);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.place = { type: 'integer' }; })))).toEqual(['schema/properties/place/type']);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.observedAt.format = 'date'; })))).toEqual(['schema/properties/observedAt/format']);
    // An optional contract field may be left out, but not be of another type.
    expect(checkFormDefinition(ticketDraft((d) => { delete d.schema.properties.note; delete d.texts.de.fields.note; delete d.texts.en.fields.note; }))).toEqual([]);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.note = { type: 'boolean' }; })))).toEqual(['schema/properties/note/type']);
  });

  it('when the procedure has no contract or changes against the published version, then publishing is refused', () => {
    expect(fields(checkFormDefinition({ ...ticketDraft(), procedure: 'unknown' }))).toEqual(['procedure']);
    expect(fields(checkFormDefinition({ ...ticketDraft(), action: { kind: 'signal', name: 'parkingTicketWorkflow' } }, recordTicketForm))).toEqual(['procedure', 'procedure']);
  });

  it('when texts of a language, a field title or the uiSchema are missing, then each is named', () => {
    expect(fields(checkFormDefinition(ticketDraft((d) => { delete d.texts.en; })))).toEqual(['texts/en']);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.texts.de.submit = ''; })))).toEqual(['texts/de/submit']);
    expect(fields(checkFormDefinition(ticketDraft((d) => { d.schema.properties.colour = { type: 'string' }; d.texts.de.fields.colour = { title: 'Farbe' }; })))).toEqual(['texts/en/fields/colour']);
    expect(fields(checkFormDefinition({ ...ticketDraft(), uiSchema: [] as unknown as Record<string, unknown> }))).toEqual(['uiSchema']);
  });
});

describe('diffForms', () => {
  it('when two versions are equal, then there is no change', () => {
    expect(diffForms(recordTicketForm, ticketDraft())).toEqual([]);
  });

  it('when a field is added, made required, a limit and a text changed, then each change is listed once, readably', () => {
    const draft = ticketDraft((d) => {
      withVehicleMake(d);
      d.schema.required = [...d.schema.required, 'vehicleMake'];
      d.schema.properties.place.maxLength = 300;
      d.texts.en.submit = 'Save';
      delete d.uiSchema.note;
    });
    const diff = diffForms(recordTicketForm, draft).map((c) => `${c.kind} ${c.path}: ${c.message.en}`);
    expect(diff).toEqual([
      'added schema/required: "vehicleMake" is now required',
      'changed schema/properties/place/maxLength: 200 → 300',
      'added schema/properties/vehicleMake: added: {"type":"string","title":"Fahrzeugmarke","maxLength":40}',
      'changed uiSchema/ui:order: ["offenceCode","plate","place","observedAt","note"] → ["offenceCode","plate","place","observedAt","note","vehicleMake"]',
      'removed uiSchema/note: removed (was {"ui:widget":"textarea"})',
      'added texts/de/fields/vehicleMake: added: {"title":"Fahrzeugmarke"}',
      'changed texts/en/submit: "Save ticket" → "Save"',
      'added texts/en/fields/vehicleMake: added: {"title":"Vehicle make"}',
    ]);
  });

  it('when a field stops being required, then that is listed as removed from required', () => {
    const draft = ticketDraft((d) => { d.schema.required = ['offenceCode', 'plate', 'observedAt']; });
    expect(diffForms(recordTicketForm, draft).map((c) => c.message.de)).toEqual(['„place“ ist kein Pflichtfeld mehr']);
  });
});
