/**
 * The online answer to the hearing (Anhörung, § 55 OWiG) of a parking ticket. Only the
 * Personalien are mandatory (§ 111 OWiG); what the person says on the matter is free, but a
 * denial needs its reasons and naming another driver needs that person's name and address, or
 * the caseworker has nothing to decide on. The same schema renders the portal form and
 * validates the API input (`POST /api/fine-proceedings/current/hearing-answer`).
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { FormDefinition } from '../form-definition';
import { DRAFT_07, allowedWhen, date, postalCode, requiredWhen, text } from '../dog-tax/common';

export const HEARING_FACTS = ['admits', 'denies', 'other_driver', 'no_statement'] as const;

const address = { street: text(200), postalCode, city: text(100) } as const;

const baseSchema = {
  $schema: DRAFT_07,
  type: 'object',
  title: 'Anhörung beantworten',
  required: ['person', 'facts'],
  additionalProperties: false,
  properties: {
    person: {
      type: 'object',
      required: ['familyName', 'givenName', 'birthDate', 'street', 'postalCode', 'city'],
      additionalProperties: false,
      properties: { familyName: text(100), givenName: text(100), birthDate: date, ...address },
    },
    licence: {
      type: 'object',
      additionalProperties: false,
      properties: { number: text(40), authority: text(200), issuedOn: date },
    },
    facts: { type: 'string', enum: HEARING_FACTS },
    reasons: text(2000),
    driver: {
      type: 'object',
      required: ['name', 'street', 'postalCode', 'city'],
      additionalProperties: false,
      properties: { name: text(200), ...address },
    },
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
} as const;

export type HearingAnswer = FromSchema<typeof baseSchema>;
export type HearingFacts = (typeof HEARING_FACTS)[number];

export const FINE_HEARING_FORM_ID = 'fine-proceedings-hearing-answer';

const addressTexts = {
  de: { street: { title: 'Straße und Hausnummer' }, postalCode: { title: 'Postleitzahl' }, city: { title: 'Ort' } },
  en: { street: { title: 'Street and number' }, postalCode: { title: 'Postcode' }, city: { title: 'Town' } },
};
const prefixed = (prefix: string, texts: Record<string, { title: string }>) =>
  Object.fromEntries(Object.entries(texts).map(([k, v]) => [`${prefix}.${k}`, v]));

export const hearingAnswerForm: FormDefinition = {
  id: FINE_HEARING_FORM_ID,
  version: 1,
  procedure: 'parking-ticket',
  // Not started from the services overview: the ticket's workflow takes it as an Update.
  action: { kind: 'update', name: 'hearingAnswer' },
  schema: {
    ...baseSchema,
    // Reasons only for a statement on the matter (required for a denial); the driver only when
    // another person drove (then required). The API and the portal read the same rules.
    allOf: [
      requiredWhen(baseSchema.properties, 'facts', 'denies', ['reasons']),
      requiredWhen(baseSchema.properties, 'facts', 'other_driver', ['driver']),
      allowedWhen(baseSchema.properties, 'facts', ['admits', 'denies', 'other_driver'], 'reasons'),
      allowedWhen(baseSchema.properties, 'facts', ['other_driver'], 'driver'),
    ],
  },
  uiSchema: {
    'ui:order': ['person', 'licence', 'facts', 'reasons', 'driver', 'email'],
    person: { 'ui:order': ['givenName', 'familyName', 'birthDate', 'street', 'postalCode', 'city'] },
    licence: { 'ui:order': ['number', 'authority', 'issuedOn'] },
    facts: { 'ui:widget': 'radio' },
    reasons: { 'ui:widget': 'textarea' },
    driver: { 'ui:order': ['name', 'street', 'postalCode', 'city'] },
    email: { 'ui:widget': 'email', 'ui:autocomplete': 'email' },
  },
  texts: {
    de: {
      title: 'Anhörung beantworten',
      description: 'Pflicht sind nur die Angaben zu Ihrer Person (§ 111 OWiG). Zur Sache müssen Sie sich nicht äußern.',
      submit: 'Antwort absenden',
      fields: {
        person: { title: 'Angaben zur Person' },
        'person.givenName': { title: 'Vorname' }, 'person.familyName': { title: 'Familienname' }, 'person.birthDate': { title: 'Geburtsdatum' },
        ...prefixed('person', addressTexts.de),
        licence: { title: 'Führerschein' },
        'licence.number': { title: 'Führerscheinnummer' }, 'licence.authority': { title: 'Ausstellende Behörde' }, 'licence.issuedOn': { title: 'Ausstellungsdatum' },
        facts: { title: 'Angaben zur Sache', enumNames: [
          'Ich räume den Verstoß ein.', 'Ich bestreite den Verstoß.', 'Eine andere Person hat das Fahrzeug geführt.', 'Ich mache keine Angaben zur Sache.'] },
        reasons: { title: 'Begründung' },
        driver: { title: 'Person, die das Fahrzeug geführt hat' },
        'driver.name': { title: 'Name' }, ...prefixed('driver', addressTexts.de),
        email: { title: 'E-Mail-Adresse', description: 'Für Nachrichten zum Stand des Verfahrens' },
      },
    },
    en: {
      title: 'Answer the hearing',
      description: 'Only your personal details are mandatory (§ 111 OWiG). You need not say anything on the matter.',
      submit: 'Send answer',
      fields: {
        person: { title: 'Personal details' },
        'person.givenName': { title: 'Given name' }, 'person.familyName': { title: 'Family name' }, 'person.birthDate': { title: 'Date of birth' },
        ...prefixed('person', addressTexts.en),
        licence: { title: 'Driving licence' },
        'licence.number': { title: 'Licence number' }, 'licence.authority': { title: 'Issuing authority' }, 'licence.issuedOn': { title: 'Date of issue' },
        facts: { title: 'On the matter', enumNames: [
          'I admit the offence.', 'I deny the offence.', 'Another person was driving the vehicle.', 'I make no statement on the matter.'] },
        reasons: { title: 'Reasons' },
        driver: { title: 'Person who was driving' },
        'driver.name': { title: 'Name' }, ...prefixed('driver', addressTexts.en),
        email: { title: 'E-mail address', description: 'For news on the proceedings' },
      },
    },
  },
};
