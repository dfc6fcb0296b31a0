import { describe, expect, it } from 'vitest';
import { recordTicketForm, type RecordTicketSubmission } from '../../forms/parking-ticket/record-ticket.form';
import { offenceCatalogue } from '../../domain/parking-ticket/offence-catalogue';
import { validateInput } from '../../server/http/validation';
import { AppError } from '../../server/http/app-error';

const valid = { offenceCode: '141312', plate: 'HA-AB 123', place: 'Friedrich-Ebert-Platz 2', observedAt: '2026-11-25T10:15:00+01:00' };

function fieldsOf(data: unknown): Record<string, string> {
  try {
    validateInput(recordTicketForm.schema, data);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return Object.fromEntries((error as AppError).extra.fields!.map((f) => [f.field, f.message.en]));
  }
  throw new Error('expected a validation error');
}

describe('the warden form schema (single source for portal, API and OpenAPI)', () => {
  it('offers exactly the offences of the catalogue, with their legal amounts in the labels', () => {
    const options = (recordTicketForm.schema.properties as Record<string, { oneOf: { const: string; title: string }[] }>).offenceCode!.oneOf;
    expect(options.map((o) => o.const)).toEqual(offenceCatalogue.map((o) => o.code));
    expect(options.find((o) => o.const === '112454')!.title).toContain('55,00 €');
    expect(recordTicketForm.texts.en.fields.offenceCode!.enumNames).toHaveLength(offenceCatalogue.length);
  });

  it('when the data is valid, then it is kept as sent', () => {
    expect(validateInput<RecordTicketSubmission>(recordTicketForm.schema, { ...valid })).toEqual(valid);
  });

  it('when a field is misspelled or unknown, then it is refused by its name, in German and in English', () => {
    const { plate, ...misspelled } = valid;
    expect(fieldsOf({ ...misspelled, plateNumber: plate, isAdmin: true })).toEqual({
      plate: 'Required – please fill in.', plateNumber: 'Unknown field – not accepted here.', isAdmin: 'Unknown field – not accepted here.',
    });
    try {
      validateInput(recordTicketForm.schema, { ...valid, nte: 'typo' });
      expect.unreachable('an unknown field must fail');
    } catch (error) {
      expect((error as AppError).extra.fields).toEqual([{ field: 'nte', message: { de: 'Unbekanntes Feld – hier nicht vorgesehen.', en: 'Unknown field – not accepted here.' } }]);
    }
  });

  it('when fields are missing or malformed, then every error names its field', () => {
    expect(fieldsOf({})).toEqual({
      offenceCode: 'Required – please fill in.', plate: 'Required – please fill in.', place: 'Required – please fill in.', observedAt: 'Required – please fill in.',
    });
    expect(fieldsOf({ ...valid, offenceCode: '999999', plate: 'HA_AB 123', observedAt: '25.11.2026', note: 'x'.repeat(501) })).toEqual({
      offenceCode: 'Please choose one of the offered values.', plate: 'The format is not valid.',
      observedAt: 'Not a valid date-time.', note: 'At most 500 characters.',
    });
  });

  it('has German and English texts for every field', () => {
    for (const name of Object.keys(recordTicketForm.schema.properties as object)) {
      expect(recordTicketForm.texts.de.fields[name]?.title, name).toBeTruthy();
      expect(recordTicketForm.texts.en.fields[name]?.title, name).toBeTruthy();
    }
  });
});
