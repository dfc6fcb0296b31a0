/**
 * Antrag auf Steuerbefreiung oder -ermäßigung: always decided by a caseworker of the finance
 * department on the attached evidence (procedures.md §3).
 */
import type { FromSchema } from 'json-schema-to-ts';
import type { FormDefinition } from '../form-definition';
import { DRAFT_07, commonStepTexts, evidenceIds, holder, holderTexts, holderUi, requiredWhen, tagNumber, text } from './common';

/** Grounds found in NRW Satzungen (standards.md §7d); which one applies is the caseworker's call. */
export const EXEMPTION_GROUNDS = ['assistance_dog', 'rescue_dog', 'social_benefits', 'shelter_dog', 'other'] as const;

const baseSchema = {
  $schema: DRAFT_07,
  type: 'object',
  title: 'Steuerbefreiung oder -ermäßigung beantragen',
  required: ['tagNumber', 'holder', 'ground', 'evidenceIds'],
  additionalProperties: false,
  properties: {
    tagNumber,
    holder,
    ground: { type: 'string', enum: EXEMPTION_GROUNDS },
    explanation: text(2000),
    evidenceIds: { ...evidenceIds, minItems: 1 },
  },
} as const;

export type ExemptionSubmission = FromSchema<typeof baseSchema>;

export const exemptionForm: FormDefinition = {
  id: 'dog-tax-exemption',
  version: 1,
  procedure: 'dog-tax',
  action: { kind: 'start', name: 'dogTaxExemptionWorkflow' },
  schema: { ...baseSchema, allOf: [requiredWhen(baseSchema.properties, 'ground', 'other', ['explanation'])] },
  uiSchema: {
    'ui:order': ['tagNumber', 'holder', 'ground', 'explanation', 'evidenceIds'],
    'ui:steps': [
      { id: 'holder', fields: ['holder'] },
      { id: 'application', fields: ['tagNumber', 'ground', 'explanation'] },
      { id: 'evidence', fields: ['evidenceIds'] },
      { id: 'review', fields: [] },
    ],
    tagNumber: { 'ui:placeholder': 'HSM-2026-0042' },
    holder: holderUi,
    ground: { 'ui:widget': 'radio' },
    explanation: { 'ui:widget': 'textarea' },
  },
  texts: {
    de: {
      title: 'Befreiung oder Ermäßigung der Hundesteuer beantragen',
      description: 'Über den Antrag entscheidet der Fachbereich Finanzen und Controlling anhand Ihrer Nachweise. Sie erhalten den Bescheid per E-Mail.',
      submit: 'Antrag absenden',
      steps: { ...commonStepTexts.de, application: 'Hund und Grund' },
      fields: {
        ...holderTexts.de,
        tagNumber: { title: 'Nummer der Steuermarke' },
        ground: { title: 'Grund', enumNames: [
          'Assistenz- oder Blindenführhund (Schwerbehindertenausweis, z. B. Merkzeichen Bl, Gl, H, aG)',
          'Rettungshund mit bestandener Prüfung', 'Ich beziehe Sozialleistungen (SGB II / SGB XII)',
          'Hund aus einem Tierheim', 'Anderer Grund'] },
        explanation: { title: 'Begründung', description: 'Pflicht bei „Anderer Grund“' },
        evidenceIds: { title: 'Nachweise', description: 'z. B. Bescheid über Sozialleistungen, Schwerbehindertenausweis, Prüfungszeugnis' },
      },
    },
    en: {
      title: 'Apply for dog tax exemption or reduction',
      description: 'The finance department decides on your evidence. You receive the decision by e-mail.',
      submit: 'Send application',
      steps: { ...commonStepTexts.en, application: 'Dog and ground' },
      fields: {
        ...holderTexts.en,
        tagNumber: { title: 'Tax tag number' },
        ground: { title: 'Ground', enumNames: [
          'Assistance or guide dog (disability card, e.g. marks Bl, Gl, H, aG)', 'Rescue dog with a passed exam',
          'I receive social benefits (SGB II / SGB XII)', 'Dog adopted from an animal shelter', 'Other ground'] },
        explanation: { title: 'Explanation', description: 'Required for "Other ground"' },
        evidenceIds: { title: 'Evidence', description: 'e.g. benefit notice, disability card, exam certificate' },
      },
    },
  },
};
