import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { PaymentProviderError } from '../../../adapters/payments/payment-provider';
import { SandboxPaymentProvider } from '../../../adapters/payments/sandbox-payment-provider';
import { HttpPaymentProvider } from '../../../adapters/payments/http-payment-provider';
import { signWebhookBody } from '../../../sandboxes/payments/webhook';
import { SANDBOX_KEY, signedWith, startHarness, WEBHOOK_SECRET, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(testMongoUri('payments_provider_test')); });
afterAll(async () => { await h?.close(); });

describe('sandbox payment provider API via the adapter', () => {
  it('when a checkout is created twice with one idempotency key, then there is one checkout', async () => {
    const first = await h.provider.createCheckout(h.request('idem-1', { reference: 'RF19AB2G59X56V543' }));
    const second = await h.provider.createCheckout(h.request('idem-1', { reference: 'RF19AB2G59X56V543' }));
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 'open', amountCents: 1250, currency: 'EUR' });
    expect(first.redirectUrl).toBe(`${h.origin}/sandbox/payments/checkout/${first.id}`);
    const list = await (await h.api('/checkouts?reference=RF19AB2G59X56V543')).json();
    expect(list.checkouts).toHaveLength(1);
  });

  it('when concurrent creates share a key, then all get the same checkout', async () => {
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => h.provider.createCheckout(h.request('idem-race'))));
    expect(new Set(all.map((c) => c.id)).size).toBe(1);
  });

  it('when a key is reused for another amount, then the provider refuses (409, not retryable)', async () => {
    await h.provider.createCheckout(h.request('idem-2'));
    const err = await h.provider.createCheckout(h.request('idem-2', { amountCents: 999 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PaymentProviderError);
    expect(err).toMatchObject({ status: 409, retryable: false });
  });

  it('when the request is invalid, then 422 names each bad field', async () => {
    const { webhookUrl: _omit, ...rest } = h.request('bad-1', { amountCents: 12.5, returnUrl: 'javascript:alert(1)' });
    const res = await h.api('/checkouts', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rest),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['amountCents', 'returnUrl', 'webhookUrl']);
    const viaAdapter = await h.provider.createCheckout(h.request('bad-2', { amountCents: 0 })).catch((e: unknown) => e);
    expect(viaAdapter).toMatchObject({ status: 422, retryable: false });
    expect(String((viaAdapter as Error).message)).toContain('amountCents');
  });

  it('when a checkout does not exist, then getCheckout answers null', async () => {
    expect(await h.provider.getCheckout('chk_does_not_exist')).toBeNull();
  });

  it('when the provider is unreachable, then the adapter throws a retryable error', async () => {
    const down = new SandboxPaymentProvider({ baseUrl: 'http://127.0.0.1:9', webhookSecret: WEBHOOK_SECRET, apiKey: SANDBOX_KEY, timeoutMs: 2_000 });
    await expect(down.createCheckout(h.request('down-1'))).rejects.toMatchObject({ retryable: true });
  });
});

describe('webhook signature', () => {
  const body = JSON.stringify({ type: 'checkout.paid', checkout: { id: 'chk_1', amountCents: 1250 } });
  it('when body and signature match, then verifyWebhook accepts', () => {
    expect(h.provider.verifyWebhook(body, signedWith(signWebhookBody(body, WEBHOOK_SECRET)))).toBe(true);
  });
  it('when the body was tampered with, the secret differs or the header is missing, then it rejects', () => {
    const sig = signWebhookBody(body, WEBHOOK_SECRET);
    expect(h.provider.verifyWebhook(body.replace('1250', '1'), signedWith(sig))).toBe(false);
    expect(h.provider.verifyWebhook(body, signedWith(signWebhookBody(body, 'other-secret')))).toBe(false);
    expect(h.provider.verifyWebhook(body, signedWith(undefined))).toBe(false);
    expect(h.provider.verifyWebhook(body, signedWith('sha256=zz'))).toBe(false);
  });
  it('when a provider checks a webhook, then it reads its own signature header: the production adapter X-Signature, the sandbox adapter X-Sandbox-Signature', () => {
    const production = new HttpPaymentProvider({ apiUrl: 'http://127.0.0.1:9', apiKey: 'k', webhookSecret: WEBHOOK_SECRET });
    const sig = signWebhookBody(body, WEBHOOK_SECRET);
    const inXSignature = (name: string) => (name.toLowerCase() === 'x-signature' ? sig : undefined);
    expect(production.verifyWebhook(body, inXSignature)).toBe(true);
    expect(production.verifyWebhook(body, signedWith(sig))).toBe(false);
    expect(h.provider.verifyWebhook(body, inXSignature)).toBe(false);
  });
});
