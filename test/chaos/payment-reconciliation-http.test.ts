/**
 * The crash window of an online payment: the provider has marked the checkout paid and its
 * webhook is on the way when the process that runs amtsweg's server and worker dies (kill -9,
 * as a crash or the OOM killer would end it; no shutdown code runs). Nobody comes back to the
 * return page. After a restart the checkout's reconciliation workflow (workflows/payments)
 * books the payment on its own — the ticket becomes paid without the citizen's help, once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { readModel } from '../../store/models';
import { freePort } from '../../scripts/lib/stack';
import { paymentReconciliationWorkflowId } from '../../workflows/payments/shared';
import { HttpClient, startTestSystem } from '../support/system';
import { stack, testMongoUri } from '../support/env';
import { eventually } from '../support/eventually';
import { mailsTo } from '../support/activity-env';

const DB = 'http_payment_reconciliation';
let app: RunningSystem & { taskQueue: string; dataDir: string } | undefined;
let child: ChildProcess | undefined;
afterAll(async () => { child?.kill('SIGKILL'); await app?.stop(); });

/** amtsweg (server + worker) in its own process, on the same database and task queue as the test's system. */
async function startProcess(taskQueue: string, dataDir: string): Promise<{ process: ChildProcess; baseUrl: string; exited: Promise<unknown> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/system-process.ts'], {
    env: { ...process.env, PORT: String(await freePort()), AMTSWEG_DATA_DIR: dataDir, TEMPORAL_TASK_QUEUE: taskQueue,
      AMTSWEG_TEST_TEMPORAL_ADDRESS: stack.temporalAddress, AMTSWEG_TEST_MONGODB_URI: testMongoUri(DB), AMTSWEG_TEST_SMTP_URL: stack.smtpUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const exited = new Promise((r) => proc.once('exit', r));
  let output = '';
  proc.stderr!.on('data', (d) => (output += d));
  const baseUrl = await new Promise<string>((ok, fail) => {
    proc.stdout!.on('data', (d) => { output += d; const m = /^ready (\S+)$/m.exec(output); if (m) ok(m[1]!); });
    proc.once('exit', (code) => fail(new Error(`amtsweg process exited (${code}) before it was ready:\n${output}`)));
  });
  return { process: proc, baseUrl, exited };
}

/** Where the provider's webhook goes in this test: it arrives, and is never answered (it is "on the way"). */
async function heldWebhookReceiver(): Promise<{ url: string; arrived: Promise<string>; close(): void }> {
  let arrive!: (body: string) => void;
  const arrived = new Promise<string>((r) => { arrive = r; });
  const server: Server = createServer((req) => { let body = ''; req.on('data', (d) => (body += d)).on('end', () => arrive(body)); });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/api/payments/webhook`, arrived, close: () => { server.closeAllConnections(); server.close(); } };
}

describe('payment reconciliation', () => {
  it('when amtsweg is killed (kill -9) after the provider marked the checkout paid and while its webhook is on the way, then after a restart the reconciliation alone books the payment, once', async () => {
    // The database as a start leaves it (forms, registries, a staff account), then amtsweg in a process of its own.
    const prepared = await startTestSystem(DB);
    const { taskQueue, dataDir } = prepared;
    await prepared.stop();
    const t0 = Date.now();
    const running = await startProcess(taskQueue, dataDir);
    console.info(`[reconcile] amtsweg process ready after ${Date.now() - t0} ms`);

    const warden = new HttpClient(running.baseUrl);
    await warden.signInStaff();
    const recorded = (await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-RC 77', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    }, { 'Idempotency-Key': 'idem-reconcile-1' })).json;
    const citizen = new HttpClient(running.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-RC 77' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const email = `reconcile-${Date.now()}@example.org`;
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email, code: recorded.accessCode }, bearer);
    expect({ status: checkout.status, body: checkout.status === 200 ? undefined : checkout.json }).toEqual({ status: 200, body: undefined });
    const { checkoutId } = checkout.json as { checkoutId: string };

    // The webhook of this checkout goes where it is held, so the window stays open until the kill.
    const conn = await mongoose.createConnection(testMongoUri(DB)).asPromise();
    const model = readModel(conn);
    const held = await heldWebhookReceiver();
    try {
      await conn.collection('sandbox_payment_checkouts').updateOne({ _id: checkoutId as never }, { $set: { webhookUrl: held.url } });
      // The citizen pays on the provider's page (the answer may never come: the process dies).
      void fetch(`${running.baseUrl}/sandbox/payments/checkout/${checkoutId}/pay`, {
        method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
      }).catch(() => undefined);
      expect(JSON.parse(await held.arrived)).toMatchObject({ type: 'checkout.paid' });

      // The crash, in the window: paid at the provider, webhook on the way, nothing booked.
      running.process.kill('SIGKILL');
      await running.exited;
      expect(running.process.signalCode).toBe('SIGKILL');
      expect(await conn.collection('sandbox_payment_checkouts').findOne({ _id: checkoutId as never })).toMatchObject({ status: 'paid' });
      expect(await model.payments.countDocuments({ caseNumber: recorded.ticketNumber })).toBe(0);
      expect((await model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status).toBe('open');
    } finally {
      held.close(); // the old webhook address stays dead after the restart
      await conn.close();
    }

    // amtsweg comes back (a new port: the old webhook URL stays dead); nobody calls the return page.
    const killedAt = Date.now();
    app = await startTestSystem(DB, { taskQueue, dataDir, keepData: true });
    const restartedAt = Date.now();
    console.info(`[reconcile] restarted after ${restartedAt - killedAt} ms`);
    const view = async () => (await app!.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status;
    await eventually(async () => (await view()) === 'paid', 'the ticket paid by the reconciliation', { tries: 180, everyMs: 500 });
    const bookedAt = Date.now();
    console.info(`[reconcile] booked ${bookedAt - killedAt} ms after the kill`);
    const result = await app.system.temporal.workflow.getHandle(paymentReconciliationWorkflowId(checkoutId)).result();
    expect(result.outcome).toBe('booked');
    const paymentsAtBooking = await app.system.model.payments.countDocuments({ caseNumber: recorded.ticketNumber });
    expect(paymentsAtBooking).toBe(1);
    const intent = await app.system.conn.collection('portal_checkouts').findOne({ _id: checkoutId as never });
    expect(intent).toMatchObject({ caseNumber: recorded.ticketNumber, bookedAt: expect.any(Date) });
    expect(intent).not.toHaveProperty('receiptEmail');
    const mail = await eventually(async () => (await mailsTo(email))[0], 'the receipt e-mail');
    expect(mail.subject).toContain(recorded.ticketNumber);
    // Still once, a while later (the webhook's retries go to the dead address; the workflow has ended).
    await new Promise((r) => setTimeout(r, 3000));
    const paymentsLater = await app.system.model.payments.countDocuments({ caseNumber: recorded.ticketNumber });
    const receipts = (await mailsTo(email)).length;
    console.info(`[chaos] payment reconciliation: 1 checkout paid at the provider, its webhook held (1 arrived, 0 answered), amtsweg killed -9 with 0 payments booked; `
      + `restarted in ${Math.round((restartedAt - killedAt) / 1000)} s, booked by the reconciliation (${result.outcome}) ${Math.round((bookedAt - killedAt) / 1000)} s after the kill; `
      + `payments ${paymentsAtBooking} at booking, ${paymentsLater} 3 s later; ${receipts} e-mail(s) to the payer; ticket ${await view()}`);
    expect(paymentsLater).toBe(1);
  }, 180_000);
});
