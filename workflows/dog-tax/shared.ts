/**
 * Updates, queries and types of the three Hundesteuer workflows (procedure 3), shared by the
 * workflows, their activities and the API. Inputs are the form submissions (the form's JSON
 * Schema is the source of their types) plus the form version the case was started with.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { RegisterDogSubmission } from '../../forms/dog-tax/register-dog.form';
import type { DeregisterDogSubmission } from '../../forms/dog-tax/deregister-dog.form';
import type { ExemptionSubmission } from '../../forms/dog-tax/exemption.form';
import type { RateCategory } from '../../domain/dog-tax/tariff';

export const DOG_TAX_PROCEDURES = {
  registration: 'dog-tax-registration',
  deregistration: 'dog-tax-deregistration',
  exemption: 'dog-tax-exemption',
} as const;
export type DogTaxProcedure = (typeof DOG_TAX_PROCEDURES)[keyof typeof DOG_TAX_PROCEDURES];

/** The form version a case was started with: the case keeps it, whatever is published later. */
export interface FormRef { formId: string; formVersion: number }

export type DogRegistrationInput = FormRef & { submission: RegisterDogSubmission };
export type DogDeregistrationInput = FormRef & { submission: DeregisterDogSubmission };
export type DogTaxExemptionInput = FormRef & { submission: ExemptionSubmission };

/** The statuses of the three workflows: the route schemas and the web app's texts derive from these lists. */
export const REGISTRATION_STATUSES = ['received', 'registered', 'rejected_not_resident'] as const;
export const DEREGISTRATION_STATUSES = ['received', 'deregistered', 'rejected_unknown_tag', 'rejected_already_deregistered'] as const;
export const EXEMPTION_DECISION_KINDS = ['granted', 'reduced', 'rejected'] as const;
export const EXEMPTION_STATUSES = ['received', 'awaiting_decision', ...EXEMPTION_DECISION_KINDS] as const;
/** Each status once, in the order of the procedures. */
export const DOG_TAX_STATUSES = [...new Set([...REGISTRATION_STATUSES, ...DEREGISTRATION_STATUSES, ...EXEMPTION_STATUSES])] as DogTaxStatus[];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type DeregistrationStatus = (typeof DEREGISTRATION_STATUSES)[number];
export type ExemptionStatus = (typeof EXEMPTION_STATUSES)[number];
export type DogTaxStatus = RegistrationStatus | DeregistrationStatus | ExemptionStatus;

export interface DogTaxAssessment {
  annualCents: number;
  category: RateCategory;
  dogsInHousehold: number;
  liableFrom: string;
  /** The first year assessed and its pro-rata amount. */
  year: number;
  yearCents: number;
}

export interface RegistrationState { status: RegistrationStatus; caseNumber?: string; tagNumber?: string; assessment?: DogTaxAssessment }
export interface DeregistrationState {
  status: DeregistrationStatus; caseNumber?: string; tagNumber?: string;
  settlement?: { liableUntil: string; year: number; owedCents: number; assessedCents: number; refundCents: number };
}

export type ExemptionDecisionKind = (typeof EXEMPTION_DECISION_KINDS)[number];
export interface ExemptionDecision { decision: ExemptionDecisionKind; reason: string; by: string }
export interface ExemptionState {
  status: ExemptionStatus; caseNumber?: string; tagNumber?: string;
  /** false: no registered dog matched tag and holder; the caseworker still decides. */
  registered?: boolean;
  decision?: ExemptionDecision & { annualCentsAfter?: number };
}

/** Answers with the case number once the case is open: for update-with-start, so the API can show it at once. */
export const caseOpenedUpdate = defineUpdate<{ caseNumber: string }, []>('caseOpened');
export const registrationStateQuery = defineQuery<RegistrationState>('registrationState');
export const deregistrationStateQuery = defineQuery<DeregistrationState>('deregistrationState');
export const exemptionStateQuery = defineQuery<ExemptionState>('exemptionState');

/** Audit actions of the Hundesteuer: `dog-tax.<what happened>`; the case history's texts are keyed by them. */
export const DOG_TAX_ACTIONS = {
  // Written by the data layer when a case opens: dog-tax.<registration|deregistration|exemption>-received.
  registrationReceived: 'dog-tax.registration-received',
  deregistrationReceived: 'dog-tax.deregistration-received',
  exemptionReceived: 'dog-tax.exemption-received',
  receiptSent: 'dog-tax.receipt-sent',
  /** An e-mail to the citizen the relay refused for good (mistyped address): recorded, not retried. */
  mailUndeliverable: 'dog-tax.mail-undeliverable',
  registered: 'dog-tax.registered',
  taxNoticeSent: 'dog-tax.tax-notice-sent',
  notResident: 'dog-tax.registration-rejected-not-resident',
  deregistered: 'dog-tax.deregistered',
  deregistrationRefusedUnknown: 'dog-tax.deregistration-refused-unknown-tag',
  deregistrationRefusedAlready: 'dog-tax.deregistration-refused-already-deregistered',
  exemptionAwaitingDecision: 'dog-tax.exemption-awaiting-decision',
  exemptionGranted: 'dog-tax.exemption-granted',
  exemptionReduced: 'dog-tax.exemption-reduced',
  exemptionRejected: 'dog-tax.exemption-rejected',
} as const;
export const exemptionDecidedAction = (decision: ExemptionDecisionKind) =>
  ({ granted: DOG_TAX_ACTIONS.exemptionGranted, reduced: DOG_TAX_ACTIONS.exemptionReduced, rejected: DOG_TAX_ACTIONS.exemptionRejected })[decision];

/** Workflow IDs carry no personal data: only the hashed idempotency key of the submission. */
export function dogTaxWorkflowId(procedure: DogTaxProcedure, idempotencyKeyHash: string): string {
  return `${procedure}-${idempotencyKeyHash}`;
}
