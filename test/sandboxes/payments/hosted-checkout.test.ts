import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import type { CheckoutWebhookEvent } from '../../../adapters/payments/payment-provider';
import { sandboxCheckoutModel, sandboxOutcomeModel } from '../../../sandboxes/payments/checkout-model';
import { settleCheckout, type SandboxStore } from '../../../sandboxes/payments/settle-checkout';
import { eventually, signedWith, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(testMongoUri('payments_checkout_test')); });
afterAll(async () => { await h?.close(); });

/** Submits the hosted page's form the way a browser without JavaScript does. */
const submit = (id: string, action: 'pay' | 'cancel', fields: Record<string, string> = {}) =>
  fetch(`${h.origin}/sandbox/payments/checkout/${id}/${action}`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
  });
/** Like submit, but on a fresh TCP connection each, so parallel posts really reach the server together. */
const submitRaw = (id: string, fields: Record<string, string>) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${h.origin}/sandbox/payments/checkout/${id}/pay`, {
      method: 'POST', agent: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(new URLSearchParams(fields).toString());
  });
const card = (cardNumber: string) => ({ method: 'card', cardNumber });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hosted payment page', () => {
  it('when the citizen opens it, then it shows amount, reference and labelled payment fields in German and English', async () => {
    const c = await h.provider.createCheckout(h.request('page-1'));
    const res = await fetch(c.redirectUrl);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Sandbox-Zahlungsanbieter – es wird kein echtes Geld bewegt');
    expect(html).toContain('12,50');
    expect(html).toContain('RF46 2026 0001 23');
    for (const id of ['method-card', 'method-paypal', 'cardNumber', 'paypalEmail']) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('4242 4242 4242 4242');
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1)/);
    // Its one style block is allowed by hash, nothing inline beyond it, no script at all.
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*';/);
    expect(csp).not.toContain('unsafe');
  });

  it('when the card is paid twice, then one payment is captured and the webhook arrives once, signed', async () => {
    const c = await h.provider.createCheckout(h.request('pay-1'));
    const res = await submit(c.id, 'pay', card('4242 4242 4242 4242'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${h.receiverOrigin}/return?case=HA-1&checkout=${c.id}`);
    const paid = await h.provider.getCheckout(c.id);
    expect(paid).toMatchObject({ status: 'paid', method: 'card', amountCents: 1250 });
    expect(paid?.paymentId).toMatch(/^pay_/);

    const again = await submit(c.id, 'pay', card('4242 4242 4242 4242'));
    expect(again.status).toBe(303);
    expect(await h.provider.getCheckout(c.id)).toEqual(paid);
    await sleep(200);
    const hooks = h.receiver.on('/hooks/pay-1');
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(h.provider.verifyWebhook(hook!.rawBody, signedWith(hook!.signature))).toBe(true);
    const event = JSON.parse(hook!.rawBody) as CheckoutWebhookEvent;
    expect(event).toEqual({ type: 'checkout.paid', checkout: paid });
  });

  it('when ten payments of one checkout race, then exactly one is captured', async () => {
    const c = await h.provider.createCheckout(h.request('race-1'));
    const answers = await Promise.all(Array.from({ length: 10 }, () => submitRaw(c.id, card('4242424242424242'))));
    expect(answers).toEqual(Array(10).fill(303));
    await sleep(200);
    expect(h.receiver.on('/hooks/race-1')).toHaveLength(1);
  });

  it('when ten captures and a cancel of one checkout hit the database at once, then exactly one decides', async () => {
    const c = await h.provider.createCheckout(h.request('race-2'));
    const store: SandboxStore = { Checkouts: sandboxCheckoutModel(h.conn), Outcomes: sandboxOutcomeModel(h.conn) };
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => settleCheckout(store, c.id, { status: 'paid', method: 'card' })),
      settleCheckout(store, c.id, { status: 'cancelled' }),
    ]);
    const winners = results.filter((r) => r?.won);
    expect(winners).toHaveLength(1);
    const final = await h.provider.getCheckout(c.id);
    expect(final?.status).toBe(winners[0]?.checkout.status);
    expect(final?.paymentId).toBe(winners[0]?.checkout.paymentId);
    // Every caller, winner or not, is told the same final state.
    expect(new Set(results.map((r) => `${r?.checkout.status}/${r?.checkout.paymentId}`)).size).toBe(1);
  });

  it('when the card is declined or fails the Luhn check, then the checkout stays open and the page shows the error at the field', async () => {
    const c = await h.provider.createCheckout(h.request('decline-1'));
    const declined = await submit(c.id, 'pay', card('4000 0000 0000 0002'));
    expect(declined.status).toBe(422);
    const html = await declined.text();
    expect(html).toContain('id="cardNumber-error"');
    expect(html).toContain('Payment declined by the bank');
    expect(html).toMatch(/id="cardNumber"[^>]*aria-invalid="true"/);
    const typo = await submit(c.id, 'pay', card('4242 4242 4242 4241'));
    expect(typo.status).toBe(422);
    expect(await typo.text()).toContain('Invalid card number');
    expect((await h.provider.getCheckout(c.id))?.status).toBe('open');
    expect(h.receiver.on('/hooks/decline-1')).toHaveLength(0);
  });

  it('when paying with PayPal, then the method is recorded', async () => {
    const c = await h.provider.createCheckout(h.request('paypal-1'));
    const bad = await submit(c.id, 'pay', { method: 'paypal', paypalEmail: 'not-an-email' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('id="paypalEmail-error"');
    expect((await submit(c.id, 'pay', { method: 'paypal', paypalEmail: 'erika@example.org' })).status).toBe(303);
    expect(await h.provider.getCheckout(c.id)).toMatchObject({ status: 'paid', method: 'paypal' });
  });

  it('when the receiver answers 500 at first, then the webhook is retried in the background and every attempt recorded', async () => {
    const c = await h.provider.createCheckout(h.request('retry-1', { reference: 'RF97RETRY1' }));
    h.receiver.failNext('/hooks/retry-1', 2);
    expect((await submit(c.id, 'pay', card('4242 4242 4242 4242'))).status).toBe(303);
    await eventually(() => h.receiver.on('/hooks/retry-1').length === 1);
    type Listed = { checkouts: { id: string; webhookDeliveries: { attempt: number; httpStatus?: number; ok: boolean }[] }[] };
    const deliveries = async () => {
      const res = await h.api('/checkouts?reference=RF97RETRY1');
      return ((await res.json()) as Listed).checkouts[0]?.webhookDeliveries ?? [];
    };
    await eventually(async () => (await deliveries()).length === 3);
    expect((await deliveries()).map((d) => [d.attempt, d.httpStatus, d.ok])).toEqual([
      [1, 500, false], [2, 500, false], [3, 204, true],
    ]);
    const [hook] = h.receiver.on('/hooks/retry-1');
    expect(h.provider.verifyWebhook(hook!.rawBody, signedWith(hook!.signature))).toBe(true);
  });

  it('when the citizen leaves with "Abbrechen", then they are back at the service with cancelled=1, nothing is charged, and the checkout stays payable', async () => {
    const c = await h.provider.createCheckout(h.request('leave-1'));
    const res = await submit(c.id, 'cancel');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${h.receiverOrigin}/return?case=HA-1&checkout=${c.id}&cancelled=1`);
    // The page is open to anyone with its address, so leaving it ends nothing: only the creator cancels.
    expect((await h.provider.getCheckout(c.id))?.status).toBe('open');
    await sleep(200);
    expect(h.receiver.on('/hooks/leave-1')).toHaveLength(0);
    expect((await submit(c.id, 'pay', card('4242 4242 4242 4242'))).status).toBe(303);
    expect((await h.provider.getCheckout(c.id))?.status).toBe('paid');
  });

  it('when the creator cancels, then the checkout is cancelled, the service is told and a later pay charges nothing', async () => {
    const c = await h.provider.createCheckout(h.request('cancel-1'));
    expect(await h.provider.cancelCheckout(c.id)).toMatchObject({ id: c.id, status: 'cancelled' });
    expect((await submit(c.id, 'pay', card('4242 4242 4242 4242'))).status).toBe(303);
    const after = await h.provider.getCheckout(c.id);
    expect(after?.status).toBe('cancelled');
    expect(after?.paymentId).toBeUndefined();
    await eventually(() => h.receiver.on('/hooks/cancel-1').length === 1);
    expect(JSON.parse(h.receiver.on('/hooks/cancel-1')[0]!.rawBody).type).toBe('checkout.cancelled');
    // The hosted page's "Abbrechen" of a cancelled checkout says so on the way back.
    expect((await submit(c.id, 'cancel')).headers.get('location')).toContain('cancelled=1');
  });

  it('when the checkout id is unknown, then the page answers 404', async () => {
    expect((await fetch(`${h.origin}/sandbox/payments/checkout/chk_nope`)).status).toBe(404);
    expect((await submit('chk_nope', 'pay', card('4242 4242 4242 4242'))).status).toBe(404);
  });
});
