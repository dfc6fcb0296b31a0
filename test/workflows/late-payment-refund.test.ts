/**
 * The payment reconciliation's refund path on Temporal's time-skipping test server, with the
 * real activities, the real sandbox provider over HTTP, MailDev and the real ticket workflow:
 * the ticket is paid by transfer and its run ends; then the citizen's open checkout is paid.
 * The reconciliation cannot hand the payment to the closed case, so it records it as "to be
 * refunded", refunds it at the provider, audits it and mails the payer — once, however often
 * it is nudged, and a later run for the same checkout ends at once.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { PARKING_TICKET_ACTIONS, paymentBookedSignal, registrationUpdate } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { paymentReconciliationWorkflow } from '../../workflows/payments/reconciliation';
import { CHECKOUT_LIFETIME_MS, checkCheckoutNowSignal, paymentReconciliationWorkflowId, type PaymentReconciliationInput } from '../../workflows/payments/shared';
import { recordCheckoutIntent } from '../../store/payments/checkout-intents';
import { latePayments } from '../../store/payments/late-payments';
import { sandboxCheckoutModel, sandboxOutcomeModel } from '../../sandboxes/payments/checkout-model';
import { sandboxRefundModel } from '../../sandboxes/payments/refunds';
import { settleCheckout } from '../../sandboxes/payments/settle-checkout';
import { mailsTo, type ActivityEnv } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_late_payment_refund');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

/** With AMTSWEG_RECORD_HISTORIES=1 the run is saved for test/workflows/replay.test.ts. */
async function saveHistory(name: string, handle: { fetchHistory(): Promise<Parameters<typeof historyToJSON>[0]> }) {
  if (process.env.AMTSWEG_RECORD_HISTORIES !== '1') return;
  const file = fileURLToPath(new URL(`./histories/${name}.json`, import.meta.url));
  writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 1)}\n`);
}

describe('payment reconciliation: a payment that reaches a closed case (time skipping)', () => {
  it('when the ticket was paid by transfer and its run ended, then the paid checkout is recorded, refunded, audited and mailed once, however often the reconciliation is nudged or started again', async () => {
    await ts.withWorker(async (taskQueue) => {
      const plate = `HA-LR ${Math.floor(Math.random() * 9000) + 1000}`;
      const ticket = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: `parking-ticket-test-${randomUUID()}`, args: [{
        requestFingerprint: `fp-${plate}`, offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
        plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date(await env.currentTimeMs()).toISOString(), recordedBy: 'warden-test' }] });
      const registration = await ticket.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: `fp-${plate}` }] });
      const checkout = await db.deps.paymentProvider.createCheckout({
        idempotencyKey: `test:${randomUUID()}`, amountCents: 2500, currency: 'EUR', reference: registration.reference, description: 'Verwarnungsgeld',
        returnUrl: 'http://amtsweg.test/knoellchen', webhookUrl: 'http://amtsweg.test/api/payments/webhook',
      });
      const email = `late-${randomUUID().slice(0, 8)}@example.org`;
      await recordCheckoutIntent(db.conn, checkout.id, { caseNumber: registration.ticketNumber, receiptEmail: email });
      const args: [PaymentReconciliationInput] = [{ checkoutId: checkout.id, caseWorkflowId: ticket.workflowId, expiresAt: new Date((await env.currentTimeMs()) + CHECKOUT_LIFETIME_MS).toISOString() }];
      const workflowId = paymentReconciliationWorkflowId(checkout.id);
      const reconciliation = await env.client.workflow.start(paymentReconciliationWorkflow, { taskQueue, workflowId, args });

      // Paid by transfer: the case closes and its run ends.
      await ticket.signal(paymentBookedSignal, { paymentId: `transfer-${plate}`, amountCents: 2500, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'bank_transfer' });
      expect((await ticket.result()).status).toBe('paid');
      // Then the open checkout is paid; three reporters nudge the reconciliation at once.
      await settleCheckout({ Checkouts: sandboxCheckoutModel(db.conn), Outcomes: sandboxOutcomeModel(db.conn) }, checkout.id, { status: 'paid', method: 'card' });
      await Promise.all([1, 2, 3].map(() => env.client.workflow.signalWithStart(paymentReconciliationWorkflow, { taskQueue, workflowId, args, signal: checkCheckoutNowSignal, signalArgs: [] })));
      expect(await reconciliation.result()).toEqual({ outcome: 'refunded', polls: 1 });
      await saveHistory('payment-reconciliation-refunded', reconciliation);

      // Reported again later: a new run finds the checkout booked and ends.
      const again = await env.client.workflow.signalWithStart(paymentReconciliationWorkflow, { taskQueue, workflowId, args, signal: checkCheckoutNowSignal, signalArgs: [] });
      expect(await env.client.workflow.getHandle(workflowId, again.signaledRunId).result()).toEqual({ outcome: 'booked', polls: 1 });

      const { paymentId } = (await db.deps.paymentProvider.getCheckout(checkout.id))!;
      expect(await latePayments(db.conn).findById(paymentId).lean()).toMatchObject({ status: 'refunded', caseNumber: registration.ticketNumber, amountCents: 2500, checkoutId: checkout.id });
      expect((await latePayments(db.conn).findById(paymentId).lean())?.receiptEmail).toBeUndefined();
      expect(await sandboxRefundModel(db.conn).countDocuments({ checkoutId: checkout.id })).toBe(1);
      expect(await db.model.audit.countDocuments({ caseNumber: registration.ticketNumber, action: PARKING_TICKET_ACTIONS.latePaymentRefunded })).toBe(1);
      const mails = await eventually(async () => { const m = await mailsTo(email); return m.length > 0 && m; }, 'the refund e-mail');
      expect(mails.map((m) => m.subject)).toEqual([`Erstattung / Refund ${registration.ticketNumber}`]);
      // The ticket counts only the transfer.
      expect(await db.model.payments.countDocuments({ caseNumber: registration.ticketNumber })).toBe(1);
    });
  });
});
