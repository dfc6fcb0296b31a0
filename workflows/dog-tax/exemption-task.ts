/**
 * The inbox task of an exemption application: the tax office decides granted, reduced or
 * rejected, with a reason, on the evidence the citizen attached. Due 30 days after it opened;
 * then the task is marked overdue and the department lead e-mailed.
 */
import type { TaskSpec } from '../tasks/shared';
import type { DogTaxExemptionInput } from './shared';

export const EXEMPTION_TASK_TYPE = 'dog-tax.exemption-decision';
const DUE_DAYS = 30;

export function exemptionDecisionTask(args: { caseNumber: string; input: DogTaxExemptionInput; registered: boolean; tagNumber?: string; now: number }): TaskSpec {
  const { submission } = args.input;
  return {
    key: 'exemption-decision',
    type: EXEMPTION_TASK_TYPE,
    department: 'tax-office',
    procedure: 'dog-tax',
    caseNumber: args.caseNumber,
    title: { de: `Hundesteuer: Antrag auf Befreiung/Ermäßigung ${args.caseNumber}`, en: `Dog tax: exemption application ${args.caseNumber}` },
    decisionSchema: {
      type: 'object',
      required: ['outcome', 'reason'],
      additionalProperties: false,
      properties: {
        outcome: { type: 'string', enum: ['granted', 'reduced', 'rejected'], title: 'Entscheidung' },
        reason: { type: 'string', minLength: 3, maxLength: 2000, title: 'Begründung' },
      },
    },
    decisionUiSchema: { outcome: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea' } },
    outcomes: {
      granted: { required: ['reason'], label: { de: 'Befreiung gewähren', en: 'Grant exemption' } },
      reduced: { required: ['reason'], label: { de: 'Ermäßigung gewähren', en: 'Grant reduction' } },
      rejected: { required: ['reason'], label: { de: 'Ablehnen', en: 'Reject' } },
    },
    dueAt: new Date(args.now + DUE_DAYS * 24 * 60 * 60 * 1000).toISOString(),
    caseData: {
      applicant: `${submission.holder.givenName} ${submission.holder.familyName}`,
      birthDate: submission.holder.birthDate,
      address: `${submission.holder.street}, ${submission.holder.postalCode} Hagen`,
      email: submission.holder.email,
      tagNumber: submission.tagNumber,
      registered: args.registered,
      ground: submission.ground,
      explanation: submission.explanation ?? null,
      evidenceCount: submission.evidenceIds.length,
    },
  };
}
