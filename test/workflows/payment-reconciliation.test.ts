/**
 * The payment reconciliation workflow on Temporal's time-skipping test server, with the real
 * activities, the real sandbox provider over HTTP and the real ticket workflow: a checkout the
 * provider captured without telling anyone (no webhook, no return page) is booked to the case
 * by polling; an abandoned checkout is polled with growing pauses and given up at its expiry.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { registrationUpdate, ticketStateQuery } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { paymentReconciliationWorkflow } from '../../workflows/payments/reconciliation';
import { CHECKOUT_LIFETIME_MS, paymentReconciliationWorkflowId } from '../../workflows/payments/shared';
import { recordCheckoutIntent } from '../../store/payments/checkout-intents';
import { sandboxCheckoutModel, sandboxOutcomeModel } from '../../sandboxes/payments/checkout-model';
import { settleCheckout } from '../../sandboxes/payments/settle-checkout';
import type { ActivityEnv } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_payment_reconciliation');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A ticket, and a checkout for it whose webhook goes nowhere; its reconciliation started as the API starts it. */
async function ticketWithCheckout(taskQueue: string) {
  const plate = `HA-PR ${Math.floor(Math.random() * 9000) + 1000}`;
  const ticket = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: `parking-ticket-test-${randomUUID()}`, args: [{
    requestFingerprint: `fp-${plate}`, offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
    plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date(await env.currentTimeMs()).toISOString(), recordedBy: 'warden-test' }] });
  const registration = await ticket.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: `fp-${plate}` }] });
  const checkout = await db.deps.paymentProvider.createCheckout({
    idempotencyKey: `test:${randomUUID()}`, amountCents: 2500, currency: 'EUR', reference: registration.reference, description: 'Verwarnungsgeld',
    returnUrl: 'http://amtsweg.test/knoellchen', webhookUrl: 'http://amtsweg.test/api/payments/webhook',
  });
  await recordCheckoutIntent(db.conn, checkout.id, { caseNumber: registration.ticketNumber });
  const expiresAt = new Date((await env.currentTimeMs()) + CHECKOUT_LIFETIME_MS);
  const reconciliation = await env.client.workflow.start(paymentReconciliationWorkflow, {
    taskQueue, workflowId: paymentReconciliationWorkflowId(checkout.id),
    args: [{ checkoutId: checkout.id, caseWorkflowId: ticket.workflowId, expiresAt: expiresAt.toISOString() }],
  });
  return { ticket, registration, checkout, reconciliation, expiresAt };
}

/** With AMTSWEG_RECORD_HISTORIES=1 the run is saved for test/workflows/replay.test.ts (its workflow ID does not matter to it). */
async function saveHistory(name: string, handle: { fetchHistory(): Promise<Parameters<typeof historyToJSON>[0]> }) {
  if (process.env.AMTSWEG_RECORD_HISTORIES !== '1') return;
  const file = fileURLToPath(new URL(`./histories/${name}.json`, import.meta.url));
  writeFileSync(file, `${JSON.stringify(JSON.parse(historyToJSON(await handle.fetchHistory())), null, 1)}\n`);
}

/** The provider captures (or cancels) in its own store: no webhook is sent, nobody returns. */
const settle = (checkoutId: string, decision: Parameters<typeof settleCheckout>[2]) =>
  settleCheckout({ Checkouts: sandboxCheckoutModel(db.conn), Outcomes: sandboxOutcomeModel(db.conn) }, checkoutId, decision);

describe('payment reconciliation workflow (time skipping)', () => {
  it('when the provider captured the payment and no webhook or return page arrives, then the next poll books it to the ticket, once', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { ticket, registration, checkout, reconciliation } = await ticketWithCheckout(taskQueue);
      await env.sleep(25 * SECOND); // polls at 10 s and 30 s: the first finds the checkout open
      expect((await ticket.query(ticketStateQuery)).status).toBe('open');
      await settle(checkout.id, { status: 'paid', method: 'paypal' });
      expect(await reconciliation.result()).toEqual({ outcome: 'booked', polls: 2 });
      await eventually(async () => (await ticket.query(ticketStateQuery)).status === 'paid', 'the ticket paid');
      const payments = await db.model.payments.find({ caseNumber: registration.ticketNumber }).lean();
      expect(payments).toMatchObject([{ amountCents: 2500, channel: 'paypal' }]);
      expect((await db.conn.collection('portal_checkouts').findOne({ _id: checkout.id as never }))?.bookedAt).toBeInstanceOf(Date);
      await saveHistory('payment-reconciliation-booked', reconciliation);
    });
  });

  it('when nobody pays, then polling pauses grow (10 s doubling up to 30 min) and stop at the checkout\'s expiry; the ticket stays open', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { ticket, reconciliation, expiresAt } = await ticketWithCheckout(taskQueue);
      await env.sleep(expiresAt.getTime() - MINUTE - (await env.currentTimeMs()));
      expect((await reconciliation.describe()).status.name).toBe('RUNNING');
      await env.sleep(2 * MINUTE);
      // 10+20+…+1280 s (8 polls, 42.5 min), then 46 polls 30 min apart, then the last one at expiry.
      expect(await reconciliation.result()).toEqual({ outcome: 'expired', polls: 55 });
      expect((await ticket.query(ticketStateQuery)).status).not.toBe('paid');
    });
  });

  it('when the citizen cancels at the provider, then the reconciliation ends as failed at its next poll', async () => {
    await ts.withWorker(async (taskQueue) => {
      const { checkout, reconciliation } = await ticketWithCheckout(taskQueue);
      await settle(checkout.id, { status: 'cancelled' });
      expect(await reconciliation.result()).toEqual({ outcome: 'failed', polls: 1 });
      await saveHistory('payment-reconciliation-cancelled', reconciliation);
    });
  });
});
