/**
 * Online payment of a ticket through the payment provider (embedded: the sandbox provider).
 * One open checkout per ticket is reused, so two clicks or two tabs never charge twice; the
 * booked payment reaches the workflow as a signal carrying the provider's payment ID, which
 * the workflow counts once however often it arrives (webhook and return page both report it).
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Checkout, PaymentMethod } from '../../../adapters/payments/payment-provider';
import { paymentBookedSignal } from '../../../workflows/parking-ticket/shared';
import { AppError, notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { findCheckoutIntent, markCheckoutBooked, recordCheckoutIntent } from '../../../store/payments/checkout-intents';
import { findTicketByNumber } from '../../../store/parking-ticket/ticket-store';
import { deriveLetterCode, hashAccessCode, normalizeAccessCode } from '../../../domain/parking-ticket/access-code';
import { amountDue } from './citizen-ticket-view';
import { startPaymentReconciliation } from '../payments/start-payment-reconciliation';
import { withDeadline } from '../../../temporal/deadline';
import { paymentReconciliationWorkflow } from '../../../workflows/payments/reconciliation';
import { CHECKOUT_LIFETIME_MS, checkCheckoutNowSignal, paymentReconciliationWorkflowId } from '../../../workflows/payments/shared';

/** Back to the ticket's own page when the client proved it knows a code of it (card or letter), else to the portal entry. */
function returnUrl(base: string, secret: Buffer, ticket: { accessCodeHash: string; workflowId: string }, code: string | undefined): string {
  // Opened from the link mailed to whoever answered: back to that page (its session is in the tab, no secret in the URL).
  if (code === 'antwort') return `${base}/knoellchen/antwort`;
  const known = code && (hashAccessCode(secret, code) === ticket.accessCodeHash || normalizeAccessCode(code) === deriveLetterCode(secret, ticket.workflowId));
  return known ? `${base}/knoellchen/${encodeURIComponent(normalizeAccessCode(code))}` : `${base}/knoellchen`;
}

// The Verwarnungsgeld until a notice is issued (also while the fine office decides), then the notice's total.
const PAYABLE = new Set(['open', 'letter_sent', 'holder_unknown', 'decision_pending', 'fine_notice_sent', 'cost_notice_sent']);
const alreadyPaid = () => new AppError('already_paid', { de: 'Diese Verwarnung ist bereits bezahlt.', en: 'This ticket has already been paid.' });

export async function startCheckout(system: System, args: { ticketNumber: string; method: PaymentMethod; email?: string; code?: string; lang: 'de' | 'en' }) {
  const ticket = await findTicketByNumber(system.model, args.ticketNumber);
  if (!ticket) throw notFound({ de: 'Die Verwarnung', en: 'The ticket' });
  if (ticket.status === 'paid') throw alreadyPaid();
  if (!PAYABLE.has(ticket.status)) {
    throw new AppError('ticket_closed', { de: 'Diese Verwarnung kann nicht mehr online bezahlt werden.', en: 'This ticket can no longer be paid online.' });
  }
  const { notice, reference, outstandingCents: amountCents } = await amountDue(system, ticket);
  const base = system.config.publicBaseUrl;
  // A cancelled checkout cannot be reused; the next one gets a key derived from it.
  let key = notice ? `parking-ticket:${ticket.ticketNumber}:${reference}:${amountCents}` : `parking-ticket:${ticket.ticketNumber}:${amountCents}`;
  let checkout: Checkout | undefined;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    checkout = await system.paymentProvider.createCheckout({
      idempotencyKey: key, amountCents, currency: 'EUR', reference,
      description: `${notice ? (notice.kind === 'fine_notice' ? 'Bußgeldbescheid' : 'Kostenbescheid') : 'Verwarnungsgeld'} ${ticket.ticketNumber}`,
      returnUrl: returnUrl(base, system.secrets.accessCode, ticket, args.code), webhookUrl: `${system.internalBaseUrl}/api/payments/webhook`,
    });
    if (checkout.status !== 'cancelled') break;
    key = `${key}:after:${checkout.id}`;
  }
  if (!checkout || checkout.status === 'cancelled') throw new AppError('dependency_unavailable', { de: 'Die Zahlung kann gerade nicht gestartet werden.', en: 'The payment cannot be started right now.' });
  if (checkout.status === 'paid') {
    await bookCheckout(system, checkout.id);
    throw alreadyPaid();
  }
  await recordCheckoutIntent(system.conn, checkout.id, { caseNumber: ticket.ticketNumber, receiptEmail: args.email });
  // Before the citizen can pay: from here on the payment is booked even if no webhook and no return page ever arrive.
  await startPaymentReconciliation(system, { checkoutId: checkout.id, caseWorkflowId: ticket.workflowId });
  const redirect = new URL(checkout.redirectUrl);
  redirect.searchParams.set('method', args.method);
  redirect.searchParams.set('lang', args.lang);
  return { redirectUrl: redirect.toString(), checkoutId: checkout.id };
}

/** Whether this checkout was started for this ticket. */
export async function checkoutBelongsTo(system: System, checkoutId: string, ticketNumber: string): Promise<boolean> {
  return (await findCheckoutIntent(system.conn, checkoutId))?.caseNumber === ticketNumber;
}

/**
 * Hands a paid checkout to the ticket's workflow; safe to call any number of times. A closed
 * case cannot take it: the payment's reconciliation is told to look now, and refunds it
 * (workflows/payments/reconciliation.ts) — recorded, paid back, audited, the payer told, once.
 */
export async function bookCheckout(system: System, checkoutId: string): Promise<'booked' | 'refunding' | 'not_paid' | 'unknown'> {
  const checkout = await system.paymentProvider.getCheckout(checkoutId);
  const intent = await findCheckoutIntent(system.conn, checkoutId);
  if (!checkout || !intent) return 'unknown';
  if (checkout.status !== 'paid' || !checkout.paymentId) return 'not_paid';
  const ticket = await findTicketByNumber(system.model, intent.caseNumber);
  if (!ticket) return 'unknown';
  const { temporal } = system;
  try {
    await withDeadline(temporal, () => temporal.workflow.getHandle(ticket.workflowId).signal(paymentBookedSignal, {
      paymentId: checkout.paymentId!, amountCents: checkout.amountCents, bookedAt: checkout.paidAt ?? new Date().toISOString(),
      channel: checkout.method ?? 'card', ...(intent.receiptEmail ? { receiptEmail: intent.receiptEmail } : {}),
    }));
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    // Not marked booked: the reconciliation must still find the checkout paid and unbooked.
    await withDeadline(temporal, () => temporal.workflow.signalWithStart(paymentReconciliationWorkflow, {
      workflowId: paymentReconciliationWorkflowId(checkoutId), taskQueue: system.config.temporal.taskQueue,
      signal: checkCheckoutNowSignal, signalArgs: [],
      args: [{ checkoutId, caseWorkflowId: ticket.workflowId, expiresAt: new Date(Date.now() + CHECKOUT_LIFETIME_MS).toISOString() }],
    }));
    return 'refunding';
  }
  await markCheckoutBooked(system.conn, checkoutId);
  return 'booked';
}
