/** Anmeldung zur Hundesteuer (procedure 3): a resident registers a dog and gets a tax tag. */
import type { FromSchema } from 'json-schema-to-ts';
import type { FormDefinition } from '../form-definition';
import { DRAFT_07, commonStepTexts, date, evidenceIds, holder, holderTexts, holderUi, requiredWhen, text } from './common';

const baseSchema = {
  $schema: DRAFT_07,
  type: 'object',
  title: 'Hund anmelden',
  required: ['holder', 'dog', 'keepingStart', 'keptSince'],
  additionalProperties: false,
  properties: {
    holder,
    dog: {
      type: 'object',
      required: ['name', 'breed', 'sex'],
      additionalProperties: false,
      properties: {
        name: text(60), breed: text(100), sex: { type: 'string', enum: ['female', 'male'] },
        birthDate: date, color: text(60),
        // ISO 11784 transponder: 15 digits.
        chipNumber: { type: 'string', pattern: '^[0-9]{15}$' },
      },
    },
    keepingStart: { type: 'string', enum: ['acquired', 'moved_in'] },
    keptSince: date,
    previousMunicipality: text(100),
    evidenceIds,
  },
} as const;

export type RegisterDogSubmission = FromSchema<typeof baseSchema>;

export const registerDogForm: FormDefinition = {
  id: 'dog-tax-registration',
  version: 1,
  procedure: 'dog-tax',
  action: { kind: 'start', name: 'dogRegistrationWorkflow' },
  schema: { ...baseSchema, allOf: [requiredWhen(baseSchema.properties, 'keepingStart', 'moved_in', ['previousMunicipality'])] },
  uiSchema: {
    'ui:order': ['holder', 'dog', 'keepingStart', 'keptSince', 'previousMunicipality', 'evidenceIds'],
    'ui:steps': [
      { id: 'holder', fields: ['holder'] },
      { id: 'dog', fields: ['dog', 'keepingStart', 'keptSince', 'previousMunicipality'] },
      { id: 'evidence', fields: ['evidenceIds'] },
      { id: 'review', fields: [] },
    ],
    holder: holderUi,
    dog: { 'ui:order': ['name', 'breed', 'sex', 'birthDate', 'color', 'chipNumber'], sex: { 'ui:widget': 'radio' }, chipNumber: { 'ui:placeholder': '276098100123456' } },
    keepingStart: { 'ui:widget': 'radio' },
    evidenceIds: { 'ui:options': { orderable: false } },
  },
  texts: {
    de: {
      title: 'Hund zur Hundesteuer anmelden',
      description: 'Für Hunde, die in Hagen gehalten werden. Die Steuer beginnt am 1. des Monats nach der Aufnahme des Hundes oder Ihrem Zuzug. Sie erhalten Steuermarke und Steuerbescheid per E-Mail.',
      submit: 'Anmeldung absenden',
      steps: { ...commonStepTexts.de, dog: 'Hund' },
      fields: {
        ...holderTexts.de,
        dog: { title: 'Hund' }, 'dog.name': { title: 'Name des Hundes' }, 'dog.breed': { title: 'Rasse oder Kreuzung', description: 'z. B. „Labrador-Mischling“' },
        'dog.sex': { title: 'Geschlecht', enumNames: ['Hündin', 'Rüde'] }, 'dog.birthDate': { title: 'Wurfdatum (falls bekannt)' },
        'dog.color': { title: 'Fellfarbe' }, 'dog.chipNumber': { title: 'Chipnummer (15 Ziffern)' },
        keepingStart: { title: 'Seit wann halten Sie den Hund in Hagen?', enumNames: ['Ich habe den Hund aufgenommen', 'Ich bin mit dem Hund nach Hagen gezogen'] },
        keptSince: { title: 'Datum der Aufnahme bzw. des Zuzugs' },
        previousMunicipality: { title: 'Bisherige Wohnortgemeinde', description: 'Pflicht bei Zuzug' },
        evidenceIds: { title: 'Nachweise (z. B. Abmeldung der früheren Gemeinde)' },
      },
    },
    en: {
      title: 'Register a dog for dog tax',
      description: 'For dogs kept in Hagen. Tax is due from the 1st of the month after you took the dog in or moved here. You receive the tax tag and the tax notice by e-mail.',
      submit: 'Send registration',
      steps: { ...commonStepTexts.en, dog: 'Dog' },
      fields: {
        ...holderTexts.en,
        dog: { title: 'Dog' }, 'dog.name': { title: "Dog's name" }, 'dog.breed': { title: 'Breed or cross', description: 'e.g. "Labrador cross"' },
        'dog.sex': { title: 'Sex', enumNames: ['Female', 'Male'] }, 'dog.birthDate': { title: 'Date of birth (if known)' },
        'dog.color': { title: 'Coat colour' }, 'dog.chipNumber': { title: 'Microchip number (15 digits)' },
        keepingStart: { title: 'Since when do you keep the dog in Hagen?', enumNames: ['I took the dog in', 'I moved to Hagen with the dog'] },
        keptSince: { title: 'Date you took the dog in or moved here' },
        previousMunicipality: { title: 'Previous municipality', description: 'Required if you moved here' },
        evidenceIds: { title: 'Evidence (e.g. deregistration at your previous municipality)' },
      },
    },
  },
};
