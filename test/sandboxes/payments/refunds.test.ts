/**
 * Refunds at the sandbox payment provider: a paid checkout is paid back in full and once —
 * concurrent refund requests (a retried activity, two processes) meet at the refund's unique
 * `_id` (the payment id) and all get the first refund; an unpaid checkout is refused; the API
 * needs the sandbox key like the rest of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { sandboxCheckoutModel, sandboxOutcomeModel } from '../../../sandboxes/payments/checkout-model';
import { sandboxRefundModel } from '../../../sandboxes/payments/refunds';
import { settleCheckout } from '../../../sandboxes/payments/settle-checkout';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => { h = await startHarness(testMongoUri('payments_refund_test')); });
afterAll(async () => { await h?.close(); });

describe('sandbox provider refunds', () => {
  it('when a paid checkout is refunded five times at once, then one refund exists and every answer names it', async () => {
    const c = await h.provider.createCheckout(h.request('refund-1'));
    await settleCheckout({ Checkouts: sandboxCheckoutModel(h.conn), Outcomes: sandboxOutcomeModel(h.conn) }, c.id, { status: 'paid', method: 'card' });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => h.api(`/checkouts/${c.id}/refund`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: 'case closed' }),
    }).then(async (r) => ({ status: r.status, body: await r.json() as { id: string; amountCents: number; paymentId: string } }))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const paid = (await h.provider.getCheckout(c.id))!;
    expect(answers[0]!.body).toMatchObject({ paymentId: paid.paymentId, amountCents: paid.amountCents, status: 'refunded' });
    expect(await sandboxRefundModel(h.conn).countDocuments({ checkoutId: c.id })).toBe(1);
    // The adapter's call answers the same refund.
    expect((await h.provider.refundCheckout(c.id, 'again'))?.id).toBe(answers[0]!.body.id);
    const listed = await (await h.api(`/refunds?checkoutId=${c.id}`)).json() as { refunds: { id: string }[] };
    expect(listed.refunds.map((r) => r.id)).toEqual([answers[0]!.body.id]);
  });

  it('when the checkout is not paid, then 409; when it is unknown, then the adapter answers null; without the key, then 401', async () => {
    const c = await h.provider.createCheckout(h.request('refund-2'));
    expect((await h.api(`/checkouts/${c.id}/refund`, { method: 'POST' })).status).toBe(409);
    expect(await h.provider.refundCheckout('chk_unknown', 'x')).toBeNull();
    const anonymous = await fetch(`${h.origin}/sandbox/payments/api/checkouts/${c.id}/refund`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(await sandboxRefundModel(h.conn).countDocuments({ checkoutId: c.id })).toBe(0);
  });
});
