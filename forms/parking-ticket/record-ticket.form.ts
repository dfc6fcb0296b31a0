/** The warden's form: record a parking offence on site (procedure 1, Online-Knöllchen). */
import type { FromSchema } from 'json-schema-to-ts';
import { offenceCatalogue } from '../../domain/parking-ticket/offence-catalogue';
import type { FormDefinition } from '../form-definition';

const baseSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  title: 'Verwarnung erfassen',
  required: ['offenceCode', 'plate', 'place', 'observedAt'],
  additionalProperties: false,
  properties: {
    offenceCode: { type: 'string', title: 'Tatbestand' },
    plate: {
      type: 'string', title: 'Kfz-Kennzeichen', minLength: 4, maxLength: 14,
      // Permissive here; the server normalizes to "HA-AB 123" and rejects what is no German plate.
      pattern: '^[A-Za-zÄÖÜäöü]{1,3}[ :-]+[A-Za-z]{1,2}[ -]*[1-9][0-9]{0,3}[EHeh]?$',
    },
    place: { type: 'string', title: 'Tatort', minLength: 3, maxLength: 200 },
    observedAt: { type: 'string', format: 'date-time', title: 'Tatzeit' },
    note: { type: 'string', title: 'Bemerkung', maxLength: 500 },
  },
} as const;

/** A recorded ticket as the API receives it, typed from the schema itself. */
export type RecordTicketSubmission = FromSchema<typeof baseSchema>;

const offenceOptions = offenceCatalogue.map((o) => ({ const: o.code, title: `${o.code} – ${o.title.de} (${(o.amountCents / 100).toFixed(2).replace('.', ',')} €)` }));

export const recordTicketForm: FormDefinition = {
  id: 'record-parking-ticket',
  version: 1,
  procedure: 'parking-ticket',
  action: { kind: 'start', name: 'parkingTicketWorkflow' },
  audience: 'staff',
  schema: {
    ...baseSchema,
    properties: { ...baseSchema.properties, offenceCode: { ...baseSchema.properties.offenceCode, oneOf: offenceOptions } },
  },
  uiSchema: {
    'ui:order': ['offenceCode', 'plate', 'place', 'observedAt', 'note'],
    plate: { 'ui:placeholder': 'HA-AB 123', 'ui:autocomplete': 'off' },
    place: { 'ui:placeholder': 'Friedrich-Ebert-Platz 2, 58095 Hagen' },
    observedAt: { 'ui:widget': 'datetime' },
    note: { 'ui:widget': 'textarea' },
  },
  texts: {
    de: {
      title: 'Verwarnung erfassen',
      description: 'Parkverstoß vor Ort erfassen. Nach dem Speichern wird die Hinweiskarte mit QR-Code erzeugt.',
      submit: 'Verwarnung speichern',
      fields: {
        offenceCode: { title: 'Tatbestand', enumNames: offenceCatalogue.map((o) => `${o.code} – ${o.title.de} (${(o.amountCents / 100).toFixed(2).replace('.', ',')} €)`) },
        plate: { title: 'Kfz-Kennzeichen', description: 'z. B. HA-AB 123' },
        place: { title: 'Tatort', description: 'Straße, Hausnummer oder Ortsbeschreibung' },
        observedAt: { title: 'Tatzeit' },
        note: { title: 'Bemerkung (intern)' },
      },
    },
    en: {
      title: 'Record a parking ticket',
      description: 'Record a parking offence on site. Saving creates the notice card with its QR code.',
      submit: 'Save ticket',
      fields: {
        offenceCode: { title: 'Offence', enumNames: offenceCatalogue.map((o) => `${o.code} – ${o.title.en} (€${(o.amountCents / 100).toFixed(2)})`) },
        plate: { title: 'Licence plate', description: 'e.g. HA-AB 123' },
        place: { title: 'Place', description: 'Street and number or a description of the place' },
        observedAt: { title: 'Time of the offence' },
        note: { title: 'Note (internal)' },
      },
    },
  },
};
