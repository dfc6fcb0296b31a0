/**
 * The crash window of an online payment: the citizen pays at the provider while amtsweg is
 * down, the provider's webhook finds nobody, and nobody comes back to the return page. The
 * checkout's reconciliation workflow (workflows/payments) books the payment on its own once a
 * worker runs again — the ticket becomes paid without the citizen's help, once.
 */
import type { Server } from 'node:http';
import express from 'express';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { createSandboxPaymentRouter } from '../../sandboxes/payments/router';
import { paymentReconciliationWorkflowId } from '../../workflows/payments/shared';
import { HttpClient, startTestSystem } from '../support/system';
import { testMongoUri } from '../support/env';
import { eventually } from '../support/eventually';
import { mailsTo } from '../support/activity-env';

const DB = 'http_payment_reconciliation';
let app: RunningSystem & { taskQueue: string; dataDir: string } | undefined;
afterAll(async () => { await app?.stop(); });

/** The provider alone, as it stays up while amtsweg is down: same data, its own process. */
async function providerAlone(): Promise<{ url: string; close(): Promise<void> }> {
  const conn = await mongoose.createConnection(testMongoUri(DB)).asPromise();
  const stop = new AbortController();
  const server = await new Promise<Server>((ok) => {
    const s = express().use('/sandbox/payments', createSandboxPaymentRouter({ conn, webhookSecret: 'irrelevant', publicBaseUrl: 'http://provider.test', signal: stop.signal, webhookRetryDelaysMs: [] }))
      .listen(0, '127.0.0.1', () => ok(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/sandbox/payments`,
    async close() { stop.abort(); await new Promise((r) => server.close(r)); await conn.close(); },
  };
}

describe('payment reconciliation', () => {
  it('when the payment is captured while amtsweg is down (webhook unreachable, no return page), then the ticket becomes paid by the reconciliation alone, once', async () => {
    app = await startTestSystem(DB);
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();
    const recorded = (await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-RC 77', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    }, { 'Idempotency-Key': 'idem-reconcile-1' })).json;
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-RC 77' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const email = `reconcile-${Date.now()}@example.org`;
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email, code: recorded.accessCode }, bearer);
    expect(checkout.status).toBe(200);
    const { checkoutId } = checkout.json as { checkoutId: string };
    const described = await app.system.temporal.workflow.getHandle(paymentReconciliationWorkflowId(checkoutId)).describe();
    expect(described.status.name).toBe('RUNNING');

    // The crash: server and worker are gone; the provider is not.
    const { taskQueue, dataDir } = app;
    await app.stop();
    app = undefined;
    const provider = await providerAlone();
    const paid = await fetch(`${provider.url}/checkout/${checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    await provider.close();

    // amtsweg comes back (new port: the old webhook URL stays dead); nobody calls the return page.
    app = await startTestSystem(DB, { taskQueue, dataDir, keepData: true });
    const view = async () => (await app!.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status;
    await eventually(async () => (await view()) === 'paid', 'the ticket paid by the reconciliation', { tries: 120, everyMs: 500 });
    const result = await app.system.temporal.workflow.getHandle(paymentReconciliationWorkflowId(checkoutId)).result();
    expect(result.outcome).toBe('booked');
    expect(await app.system.model.payments.countDocuments({ caseNumber: recorded.ticketNumber })).toBe(1);
    const intent = await app.system.conn.collection('portal_checkouts').findOne({ _id: checkoutId as never });
    expect(intent).toMatchObject({ caseNumber: recorded.ticketNumber, bookedAt: expect.any(Date) });
    expect(intent).not.toHaveProperty('receiptEmail');
    const mail = await eventually(async () => (await mailsTo(email))[0], 'the receipt e-mail');
    expect(mail.subject).toContain(recorded.ticketNumber);
  }, 120_000);
});
