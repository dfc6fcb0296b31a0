/**
 * Signals, updates, queries and types of the ParkingTicket workflow, shared by the workflow,
 * its activities and the API. A "Verwarnungsgeld" is the warning fine of § 56 OWiG (5–55 €)
 * that closes a minor offence when paid within the deadline (one week).
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { FINE_PROCEEDINGS_STATUSES, type IssuedNotice } from '../fine-proceedings/shared';

export const PARKING_TICKET_PROCEDURE = 'parking-ticket';

/** Every status a ticket can have: the route schemas and the web app's texts derive from this list. */
export const TICKET_STATUSES = [
  'registering',
  'open',
  'paid',
  'letter_sent',
  'withdrawn',
  'holder_unknown',
  // Written by the Bußgeldverfahren (workflows/fine-proceedings) while it runs:
  ...FINE_PROCEEDINGS_STATUSES,
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** A withdrawn ticket and dropped proceedings (Einstellung) owe nothing: whatever was paid is paid back. */
export const owesNothing = (status: TicketStatus) => status === 'withdrawn' || status === 'dropped';

export interface RecordedOffence { code: string; titleDe: string; titleEn: string; amountCents: number }

export interface ParkingTicketInput {
  /** Hash of the recorded data: the same idempotency key with other data is refused. */
  requestFingerprint: string;
  offence: RecordedOffence;
  plate: string;
  place: string;
  observedAt: string;
  recordedBy: string;
  note?: string;
  /** The warden form version the ticket was recorded with: the case keeps it. */
  form?: { id: string; version: number };
}

export interface TicketRegistration {
  ticketNumber: string;
  reference: string;
  accessCode: string;
  portalUrl: string;
  paymentDeadline: string;
  amountCents: number;
  noticeCardDocumentId: string;
}

export type PaymentChannel = 'card' | 'paypal' | 'bank_transfer';

export interface PaymentBooked {
  /** The provider's (or bank statement's) id: the same payment reported twice counts once. */
  paymentId: string;
  amountCents: number;
  bookedAt: string;
  channel: PaymentChannel;
  receiptEmail?: string;
}

/** A withdrawal the traffic department decided: the ticket closes as withdrawn. */
export interface Withdrawal { reason: string; by: string }

/** Asks the traffic department to withdraw the ticket: staff, or the citizen objecting on the portal. */
export interface WithdrawalRequest { reason: string; by: string; source: 'staff' | 'citizen' }

export interface TicketState {
  status: TicketStatus;
  ticketNumber?: string;
  paymentDeadline?: string;
  paidCents: number;
  paymentIds: string[];
  letterDeadline?: string;
  /** What closes the case now: the Verwarnungsgeld, later a notice's total. */
  amountDueCents?: number;
  /** The Bußgeldverfahren's workflow once started (its own query shows the hearing and the decision). */
  fineProceedingsWorkflowId?: string;
  /** The Bußgeldbescheid or Kostenbescheid once issued. */
  notice?: IssuedNotice;
  /** The id of an open withdrawal task, if any. */
  withdrawalTaskId?: string;
}

export const paymentBookedSignal = defineSignal<[PaymentBooked]>('paymentBooked');
/** Answers with the registration once the ticket exists: used with update-with-start. */
export const registrationUpdate = defineUpdate<TicketRegistration, [{ requestFingerprint: string }]>('registration');
/** Opens a 'parking-ticket.withdrawal' task; answers with its id once the inbox has it. */
export const withdrawalRequestUpdate = defineUpdate<{ taskId: string }, [WithdrawalRequest]>('requestWithdrawal');
export const ticketStateQuery = defineQuery<TicketState>('ticketState');

export const ERROR_TYPES = {
  idempotencyKeyReused: 'IdempotencyKeyReused',
  ticketClosed: 'TicketClosed',
  invalidWithdrawal: 'InvalidWithdrawal',
  withdrawalPending: 'WithdrawalPending',
} as const;

/** Task type and audit actions: `parking-ticket.<what>`; the case history's texts are keyed by the actions. */
export const WITHDRAWAL_TASK_TYPE = 'parking-ticket.withdrawal';
export const PARKING_TICKET_ACTIONS = {
  recorded: 'parking-ticket.recorded',
  letterQueued: 'parking-ticket.letter-queued',
  holderUnknown: 'parking-ticket.holder-unknown',
  paymentBooked: 'parking-ticket.payment-booked',
  paymentPartial: 'parking-ticket.payment-partial',
  paid: 'parking-ticket.paid',
  /** A payment that reached the case after it was closed, paid back (activities/payments). */
  latePaymentRefunded: 'parking-ticket.late-payment-refunded',
  withdrawalRequested: 'parking-ticket.withdrawal-requested',
  withdrawn: 'parking-ticket.withdrawn',
  /** A case that ended owing nothing (withdrawn, dropped) had been paid: the cash office pays it back. */
  refundDue: 'parking-ticket.refund-due',
  /** The payment receipt the relay refused for good (mistyped address): recorded, not retried. */
  mailUndeliverable: 'parking-ticket.mail-undeliverable',
} as const;

/** Workflow IDs carry no personal data: only the hashed idempotency key. */
export function parkingTicketWorkflowId(idempotencyKeyHash: string): string {
  return `parking-ticket-${idempotencyKeyHash}`;
}
