/** Abmeldung von der Hundesteuer: the dog died, was given away, or the holder moved away. */
import type { FromSchema } from 'json-schema-to-ts';
import type { FormDefinition } from '../form-definition';
import { DRAFT_07, commonStepTexts, date, evidenceIds, holder, holderTexts, holderUi, iban, postalCode, requiredWhen, tagNumber, text } from './common';

const address = {
  type: 'object', required: ['street', 'postalCode', 'city'], additionalProperties: false,
  // The new address may be abroad: no German postcode pattern here.
  properties: { street: text(200), postalCode: text(12), city: text(100) },
} as const;

const baseSchema = {
  $schema: DRAFT_07,
  type: 'object',
  title: 'Hund abmelden',
  required: ['tagNumber', 'holder', 'reason', 'endedOn'],
  additionalProperties: false,
  properties: {
    tagNumber,
    holder,
    reason: { type: 'string', enum: ['died', 'given_away', 'moved_away'] },
    endedOn: date,
    newAddress: address,
    newOwner: { type: 'object', required: ['name', 'street', 'postalCode', 'city'], additionalProperties: false,
      properties: { name: text(200), street: text(200), postalCode, city: text(100) } },
    refundIban: iban,
    refundAccountHolder: text(200),
    evidenceIds,
  },
} as const;

export type DeregisterDogSubmission = FromSchema<typeof baseSchema>;

const p = baseSchema.properties;
export const deregisterDogForm: FormDefinition = {
  id: 'dog-tax-deregistration',
  version: 1,
  procedure: 'dog-tax',
  action: { kind: 'start', name: 'dogDeregistrationWorkflow' },
  schema: {
    ...baseSchema,
    allOf: [
      requiredWhen(p, 'reason', 'moved_away', ['newAddress']),
      requiredWhen(p, 'reason', 'given_away', ['newOwner']),
      { dependencies: { refundIban: ['refundAccountHolder'] } },
    ],
  },
  uiSchema: {
    'ui:order': ['tagNumber', 'holder', 'reason', 'endedOn', 'newAddress', 'newOwner', 'refundIban', 'refundAccountHolder', 'evidenceIds'],
    'ui:steps': [
      { id: 'holder', fields: ['holder'] },
      { id: 'dog', fields: ['tagNumber', 'reason', 'endedOn', 'newAddress', 'newOwner'] },
      { id: 'refund', fields: ['refundIban', 'refundAccountHolder'] },
      { id: 'evidence', fields: ['evidenceIds'] },
      { id: 'review', fields: [] },
    ],
    tagNumber: { 'ui:placeholder': 'HSM-2026-0042' },
    holder: holderUi,
    reason: { 'ui:widget': 'radio' },
    refundIban: { 'ui:placeholder': 'DE.. .... .... .... .... ..', 'ui:autocomplete': 'off' },
  },
  texts: {
    de: {
      title: 'Hund von der Hundesteuer abmelden',
      description: 'Die Steuerpflicht endet mit Ablauf des Monats, in dem der Hund verstorben ist, abgegeben wurde oder Sie aus Hagen weggezogen sind. Bitte geben Sie die Steuermarke zurück.',
      submit: 'Abmeldung absenden',
      steps: { ...commonStepTexts.de, dog: 'Hund und Grund', refund: 'Erstattung' },
      fields: {
        ...holderTexts.de,
        tagNumber: { title: 'Nummer der Steuermarke', description: 'z. B. HSM-2026-0042 (steht auf Marke und Bescheid)' },
        reason: { title: 'Grund', enumNames: ['Der Hund ist verstorben', 'Ich habe den Hund abgegeben', 'Ich bin aus Hagen weggezogen'] },
        endedOn: { title: 'Datum', description: 'Todestag, Tag der Abgabe oder Tag des Wegzugs' },
        newAddress: { title: 'Neue Anschrift (bei Wegzug)' }, newOwner: { title: 'Neue Halterin / neuer Halter (bei Abgabe)' },
        refundIban: { title: 'IBAN für eine Erstattung' }, refundAccountHolder: { title: 'Kontoinhaberin / Kontoinhaber' },
        evidenceIds: { title: 'Nachweise (z. B. tierärztliche Bescheinigung, Abgabevertrag, Abmeldebestätigung)' },
      },
    },
    en: {
      title: 'Deregister a dog from dog tax',
      description: 'Tax ends with the month in which the dog died, was given away, or you moved away from Hagen. Please return the tax tag.',
      submit: 'Send deregistration',
      steps: { ...commonStepTexts.en, dog: 'Dog and reason', refund: 'Refund' },
      fields: {
        ...holderTexts.en,
        tagNumber: { title: 'Tax tag number', description: 'e.g. HSM-2026-0042 (on the tag and the notice)' },
        reason: { title: 'Reason', enumNames: ['The dog died', 'I gave the dog away', 'I moved away from Hagen'] },
        endedOn: { title: 'Date', description: 'Date of death, of handing over, or of moving away' },
        newAddress: { title: 'New address (if you moved)' }, newOwner: { title: 'New owner (if given away)' },
        refundIban: { title: 'IBAN for a refund' }, refundAccountHolder: { title: 'Account holder' },
        evidenceIds: { title: "Evidence (e.g. vet's certificate, transfer contract, proof of moving)" },
      },
    },
  },
};
