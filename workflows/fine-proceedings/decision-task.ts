/**
 * The caseworker's task after the hearing (answered, or unanswered when the letter deadline
 * passed): drop the case (§ 47 OWiG), issue a Bußgeldbescheid, or — driver unknown — a
 * Kostenbescheid to the holder (§ 25a StVG). Pure: built inside the workflow.
 */
import type { NoticeAmounts } from '../../domain/fine-proceedings/fees';
import type { TaskDecision, TaskSpec } from '../tasks/shared';
import { DECISION_TASK_TYPE, type FineProceedingsInput, type HearingAnswer } from './shared';

type RecordedOffence = FineProceedingsInput['offence'];

export interface DecisionTaskInput {
  ticketNumber: string;
  offence: RecordedOffence;
  plate: string;
  place: string;
  observedAt: string;
  answer?: HearingAnswer;
  /** Whether the vehicle registry knew the holder (a cost notice needs an addressee). */
  holderKnown: boolean;
  letterSent: boolean;
  dueAt: string;
  /** What the notices would cost (from the activity quoteNotices: the fee table is not read in workflow code). */
  quote: { fineNotice: NoticeAmounts; costNotice: NoticeAmounts };
}

const OUTCOME_LABELS = {
  drop: { de: 'Einstellen (§ 47 OWiG)', en: 'Drop the case (§ 47 OWiG)' },
  fine_notice: { de: 'Bußgeldbescheid erlassen', en: 'Issue a fine notice' },
  cost_notice: { de: 'Kostenbescheid an die Halterin / den Halter (§ 25a StVG)', en: 'Cost notice to the holder (§ 25a StVG)' },
} as const;

/** Whole euros: what a caseworker types; the default is the Verwarnungsgeld of the offence. */
export const defaultFineEuros = (offence: RecordedOffence): number => Math.max(5, Math.round(offence.amountCents / 100));

/** The fine the caseworker set: the API checks it against the task's schema; an Update sent past it must not break the workflow. */
export function fineEurosOf(decision: TaskDecision, offence: RecordedOffence): number {
  const given = Math.round(Number(decision.fineEuros));
  return Number.isFinite(given) && given >= 5 && given <= 1000 ? given : defaultFineEuros(offence);
}

export function hearingDecisionTask(input: DecisionTaskInput): TaskSpec {
  // A fine notice goes to whoever answered, or else the holder: not offered when the answer named
  // another driver (a new hearing of that person is not modelled). A cost notice (§ 25a StVG)
  // goes to the holder only, so it needs a known holder. With nobody to address, only drop.
  const otherDriver = input.answer?.facts === 'other_driver';
  const outcomes: Array<'drop' | 'fine_notice' | 'cost_notice'> = ['drop'];
  if ((input.answer !== undefined || input.holderKnown) && !otherDriver) outcomes.push('fine_notice');
  if (input.holderKnown) outcomes.push('cost_notice');
  const fineEuros = defaultFineEuros(input.offence);
  const all = { outcome: true, reason: true, fineEuros: true, note: true };
  // Draft-07 (what the inbox's form renderer validates by default); no "$schema": Mongo keys may not start with '$'.
  const decisionSchema = {
    type: 'object',
    required: ['outcome'],
    additionalProperties: false,
    properties: {
      outcome: { type: 'string', enum: [...outcomes], title: 'Entscheidung' },
      reason: { type: 'string', minLength: 3, maxLength: 2000, pattern: '\\S', title: 'Begründung' },
      fineEuros: { type: 'integer', minimum: 5, maximum: 1000, default: fineEuros, title: 'Geldbuße in Euro' },
      note: { type: 'string', maxLength: 2000, title: 'Vermerk' },
    },
    allOf: [
      { if: { required: ['outcome'], properties: { ...all, outcome: { const: 'drop' } } }, then: { required: ['reason'] } },
    ],
  };
  const answer = input.answer;
  return {
    key: 'hearing-decision',
    type: DECISION_TASK_TYPE,
    department: 'fine-office',
    // The case's procedure (the inbox filters by it): the Bußgeldverfahren is part of the ticket's case.
    procedure: 'parking-ticket',
    caseNumber: input.ticketNumber,
    title: answer
      ? { de: `Anhörung beantwortet: ${input.ticketNumber}`, en: `Hearing answered: ${input.ticketNumber}` }
      : { de: `Anhörung ohne Antwort: ${input.ticketNumber}`, en: `Hearing not answered: ${input.ticketNumber}` },
    decisionSchema,
    decisionUiSchema: { 'ui:order': ['outcome', 'fineEuros', 'reason', 'note'], outcome: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea' }, note: { 'ui:widget': 'textarea' } },
    outcomes: Object.fromEntries(outcomes.map((o) => [o, { required: o === 'drop' ? ['reason'] : [], label: OUTCOME_LABELS[o] }])),
    dueAt: input.dueAt,
    caseData: {
      offence: { code: input.offence.code, title: { de: input.offence.titleDe, en: input.offence.titleEn } },
      plate: input.plate,
      place: input.place,
      observedAt: input.observedAt,
      letterSent: input.letterSent,
      holderKnown: input.holderKnown,
      answered: answer !== undefined,
      ...(answer ? { answer } : {}),
      amounts: {
        warningCents: input.offence.amountCents,
        fineNotice: input.quote.fineNotice,
        costNotice: input.quote.costNotice,
      },
    },
  };
}
