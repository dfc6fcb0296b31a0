/** The sandbox provider's refund API (under /api, so behind the sandbox key or an admin's session like the rest). */
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import { refundCheckout, sandboxRefundModel, toRefund, type SandboxRefundDoc } from './refunds';
import { loadCheckout, type SandboxStore } from './settle-checkout';

export function addRefundRoutes(router: Router, conn: Connection, store: SandboxStore): void {
  const Refunds = sandboxRefundModel(conn);

  // A paid checkout's payment back to the payer, in full and once (a repeat answers the first refund, 200).
  router.post('/api/checkouts/:id/refund', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'checkout not found' } });
    if (doc.status !== 'paid' || !doc.paymentId) return void res.status(409).json({ error: { code: 'NOT_PAID', message: 'only a paid checkout can be refunded' } });
    const body = (req.body ?? {}) as { reason?: unknown };
    const reason = typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim().slice(0, 200) : 'refund';
    const { refund, created } = await refundCheckout(Refunds, { ...doc, paymentId: doc.paymentId }, reason, String(res.locals.sandboxCaller));
    res.status(created ? 201 : 200).json(toRefund(refund));
  });

  // Operators (and tests) see what was paid back.
  router.get('/api/refunds', async (req, res) => {
    const filter = typeof req.query.checkoutId === 'string' ? { checkoutId: req.query.checkoutId } : {};
    const found = await Refunds.find(filter).sort({ refundedAt: -1 }).limit(100).lean<SandboxRefundDoc[]>();
    res.json({ refunds: found.map(toRefund) });
  });
}
