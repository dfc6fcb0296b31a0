/**
 * The sandbox provider's webhooks survive a restart: an event whose retry was pending when the
 * provider's process ended is delivered by the next process, from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { eventually, signedWith, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(testMongoUri('payments_webhook_restart_test'), { webhookRetryDelaysMs: [400, 400], webhookPollIntervalMs: 100 });
});
afterAll(async () => { await h?.close(); });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Listed = { checkouts: { webhookDeliveries: { attempt: number; httpStatus?: number; ok: boolean }[] }[] };
const deliveries = async (reference: string) => {
  const res = await h.api(`/checkouts?reference=${reference}`);
  return ((await res.json()) as Listed).checkouts[0]?.webhookDeliveries ?? [];
};
const pay = (id: string) => fetch(`${h.origin}/sandbox/payments/checkout/${id}/pay`, {
  method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
});

describe('webhook deliveries across a restart of the provider', () => {
  it('when the provider stops while a retry is pending, then nothing more is sent until it runs again, and then the event arrives once, signed', async () => {
    const c = await h.provider.createCheckout(h.request('restart-1', { reference: 'RF18RESTART1' }));
    h.receiver.failNext('/hooks/restart-1', 1);
    expect((await pay(c.id)).status).toBe(303);
    expect((await deliveries('RF18RESTART1')).map((d) => [d.attempt, d.httpStatus, d.ok])).toEqual([[1, 500, false]]);
    expect(await h.conn.collection('sandbox_payment_webhook_outbox').countDocuments({})).toBe(1);

    h.restartProvider({ webhookRetryDelaysMs: [400, 400], webhookPollIntervalMs: 60_000 }); // the old process is gone, the new one does not poll yet
    await sleep(900); // the retry was due after 400 ms: its timer died with the old process
    expect(h.receiver.on('/hooks/restart-1')).toHaveLength(0);

    h.restartProvider(); // a process that polls finds the stored event
    await eventually(() => h.receiver.on('/hooks/restart-1').length === 1);
    expect((await deliveries('RF18RESTART1')).map((d) => [d.attempt, d.httpStatus, d.ok])).toEqual([[1, 500, false], [2, 204, true]]);
    const [hook] = h.receiver.on('/hooks/restart-1');
    expect(h.provider.verifyWebhook(hook!.rawBody, signedWith(hook!.signature))).toBe(true);
    expect(JSON.parse(hook!.rawBody)).toMatchObject({ type: 'checkout.paid', checkout: { id: c.id, status: 'paid' } });
    await eventually(async () => (await h.conn.collection('sandbox_payment_webhook_outbox').countDocuments({})) === 0);
    await sleep(500);
    expect(h.receiver.on('/hooks/restart-1')).toHaveLength(1);
  });

  it('when the retries are used up, then the event leaves the outbox and every attempt is recorded', async () => {
    const c = await h.provider.createCheckout(h.request('give-up-1', { reference: 'RF18GIVEUP1' }));
    h.receiver.failNext('/hooks/give-up-1', 5);
    expect((await pay(c.id)).status).toBe(303);
    await eventually(async () => (await deliveries('RF18GIVEUP1')).length === 3);
    expect((await deliveries('RF18GIVEUP1')).map((d) => [d.attempt, d.httpStatus, d.ok])).toEqual([[1, 500, false], [2, 500, false], [3, 500, false]]);
    await eventually(async () => (await h.conn.collection('sandbox_payment_webhook_outbox').countDocuments({})) === 0);
    expect(h.receiver.on('/hooks/give-up-1')).toHaveLength(0);
  });
});
