import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Connection } from 'mongoose';
import { decidePayment } from './card-check';
import { sandboxCheckoutModel, sandboxOutcomeModel, toCheckout, type SandboxCheckoutDoc } from './checkout-model';
import { PAGE_STYLE_HASH, renderCheckoutPage } from './checkout-page';
import { checkoutIdOf, loadCheckout, settleCheckout, type SandboxStore } from './settle-checkout';
import { isDuplicateKey } from '../../store/duplicate-key';
import { validateCheckoutRequest } from './validate-checkout-request';
import { addRefundRoutes } from './refund-routes';
import { webhookDeliveryModel } from './webhook';
import { WebhookOutbox } from './webhook-outbox';
import { requireSandboxAccess, type SandboxAccess } from '../http';

export interface SandboxPaymentRouterOptions {
  conn: Connection;
  /** Shared with the adapter (SandboxPaymentProvider) that verifies the webhooks. */
  webhookSecret: string;
  /** Public origin of the web server, e.g. `http://localhost:3000`; checkout links start here. */
  publicBaseUrl: string;
  /** The sandbox key: the checkout API (/api/*) needs it, or an admin's session (`admin`). */
  apiKey: string;
  admin?: SandboxAccess['admin'];
  /**
   * The only places a checkout's returnUrl and webhookUrl may point to (origin and path prefix);
   * default: `publicBaseUrl`. The embedded app adds its loopback address (webhooks go there).
   */
  allowedCallbackUrls?: string[];
  /** Where the lead mounts this router; part of every hosted-page link. */
  mountPath?: string;
  webhookRetryDelaysMs?: readonly number[];
  webhookTimeoutMs?: number;
  /** How often pending webhooks are looked for (after a restart, their timers are gone). */
  webhookPollIntervalMs?: number;
  /** Stops the webhook loop (tests; a process that exits just ends it). */
  signal?: AbortSignal;
}


/** The sandbox payment provider: a PSP of our own with its API and hosted payment page. */
export function createSandboxPaymentRouter(opts: SandboxPaymentRouterOptions): Router {
  const store: SandboxStore = { Checkouts: sandboxCheckoutModel(opts.conn), Outcomes: sandboxOutcomeModel(opts.conn) };
  const { Checkouts } = store;
  const Deliveries = webhookDeliveryModel(opts.conn);
  const pageBase = `${opts.publicBaseUrl.replace(/\/+$/, '')}${opts.mountPath ?? '/sandbox/payments'}`;
  const webhooks = new WebhookOutbox(opts.conn, {
    secret: opts.webhookSecret,
    retryDelaysMs: opts.webhookRetryDelaysMs ?? [1_000, 5_000, 30_000, 120_000],
    timeoutMs: opts.webhookTimeoutMs ?? 5_000,
    pollIntervalMs: opts.webhookPollIntervalMs ?? 2_000,
  }, opts.signal);
  const router = Router();
  const allowed = (opts.allowedCallbackUrls ?? [opts.publicBaseUrl]).map((u) => new URL(u));
  router.use('/api', requireSandboxAccess(opts), express.json({ limit: '32kb' }));
  router.use('/checkout', express.urlencoded({ extended: false, limit: '8kb' }));

  router.post('/api/checkouts', async (req, res) => {
    const checked = validateCheckoutRequest(req.body);
    if (!checked.ok) return void res.status(422).json(validationError(checked.fields));
    const input = checked.value;
    // No open redirect, no requests to arbitrary hosts: the citizen returns to, and the webhook goes to, the service only.
    const foreign = (['returnUrl', 'webhookUrl'] as const).filter((field) => !allowedUrl(input[field], allowed));
    if (foreign.length) {
      return void res.status(422).json(validationError(foreign.map((field) => ({ field, message: `must start with ${allowed.map((a) => a.href).join(' or ')}` }))));
    }
    const createdBy = String(res.locals.sandboxCaller);
    // The idempotency key is the caller's own name space: nobody else can take a key before its owner.
    const idempotencyKey = `${createdBy}:${input.idempotencyKey}`;
    // The checkout's id is derived from the key (keyed hash, 96 bits): the same key always meets
    // at the same unique `_id`, so a retry or a concurrent create finds the first checkout by `_id`
    // (FerretDB v1 would decode every checkout for a look-up by another field). Without the
    // secret the id cannot be guessed from the ticket, the amount or the key.
    const id = checkoutIdOf(opts.webhookSecret, idempotencyKey);
    try {
      const doc = await Checkouts.create({
        ...input, idempotencyKey, createdBy, _id: id, redirectUrl: `${pageBase}/checkout/${id}`, status: 'open', createdAt: new Date(),
      });
      return void res.status(201).json(toCheckout(doc.toObject()));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
    // The key was used before (or by a concurrent request): answer with that checkout.
    const existing = await loadCheckout(store, id);
    if (!existing) throw new Error('duplicate checkout id but no checkout found');
    if (existing.amountCents !== input.amountCents || existing.reference !== input.reference || existing.webhookUrl !== input.webhookUrl) {
      return void res.status(409).json({
        error: { code: 'IDEMPOTENCY_KEY_REUSED', message: 'idempotencyKey was used for a different amount, reference or webhookUrl' },
      });
    }
    res.status(200).json(toCheckout(existing));
  });

  router.get('/api/checkouts', async (req, res) => {
    const filter = typeof req.query.reference === 'string' ? { reference: req.query.reference } : {};
    const found = await Checkouts.find(filter).sort({ createdAt: -1 }).limit(100).lean();
    const docs = await Promise.all(found.map((d) => loadCheckout(store, d._id).then((fresh) => fresh ?? d)));
    // Operators see every webhook attempt next to the checkout it was for.
    const deliveries = await Deliveries.find({ checkoutId: { $in: docs.map((d) => d._id) } }).sort({ at: 1 }).lean();
    res.json({
      checkouts: docs.map((d) => ({
        ...toCheckout(d),
        webhookDeliveries: deliveries.filter((w) => w.checkoutId === d._id).map(({ _id, checkoutId, ...w }) => w),
      })),
    });
  });

  router.get('/api/checkouts/:id', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'checkout not found' } });
    res.json(toCheckout(doc));
  });

  // Only the checkout's creator ends it early (a citizen who leaves the page just returns; the checkout stays payable).
  router.post('/api/checkouts/:id/cancel', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'checkout not found' } });
    if ((doc.createdBy ?? 'key') !== res.locals.sandboxCaller) {
      return void res.status(403).json({ error: { code: 'FORBIDDEN', message: 'only the creator of a checkout can cancel it' } });
    }
    const settled = await settleCheckout(store, doc._id, { status: 'cancelled' });
    if (!settled) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'checkout not found' } });
    if (settled.won) await webhooks.send(settled.checkout, 'checkout.cancelled');
    res.json(toCheckout(settled.checkout));
  });

  addRefundRoutes(router, opts.conn, store);

  router.get('/checkout/:id', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void notFoundPage(res);
    sendPage(res, doc, 200, renderCheckoutPage(doc, `${req.baseUrl}/checkout/${doc._id}`));
  });

  router.post('/checkout/:id/pay', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void notFoundPage(res);
    if (doc.status !== 'open') return void res.redirect(303, returnTo(doc));
    const form = (req.body ?? {}) as Record<string, unknown>;
    const decision = decidePayment(form);
    if (!decision.ok) {
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const shown = { method: text(form.method), cardNumber: text(form.cardNumber), paypalEmail: text(form.paypalEmail) };
      const html = renderCheckoutPage(doc, `${req.baseUrl}/checkout/${doc._id}`, { form: shown, decision });
      return void sendPage(res, doc, 422, html);
    }
    // The status check above only shapes the answer; settleCheckout is what prevents double charges.
    const method = form.method === 'paypal' ? 'paypal' : 'card';
    const settled = await settleCheckout(store, doc._id, { status: 'paid', method });
    if (settled?.won) await webhooks.send(settled.checkout, 'checkout.paid');
    res.redirect(303, returnTo(settled?.checkout ?? doc));
  });

  // "Abbrechen" on the hosted page: back to the service without paying. It does not end the
  // checkout: the page is reachable by anyone who has its address, and only the creator cancels.
  router.post('/checkout/:id/cancel', async (req, res) => {
    const doc = await loadCheckout(store, req.params.id);
    if (!doc) return void notFoundPage(res);
    res.redirect(303, returnTo(doc, doc.status === 'open' ? 'left' : undefined));
  });

  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    // The body parsers' refusals (not JSON, a JSON string or number, too large) are the caller's: 400/413, not 500.
    const status = (err as { status?: unknown } | null)?.status;
    if (req.path.startsWith('/api') && status === 400) return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'malformed JSON' } });
    if (req.path.startsWith('/api') && status === 413) return void res.status(413).json({ error: { code: 'TOO_LARGE', message: 'body too large' } });
    console.error('[sandbox payments]', err); // details stay in the log, never in the answer
    if (req.path.startsWith('/api')) res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
    else res.status(500).type('text/plain').send('Interner Fehler / Internal error');
  });
  return router;
}

function returnTo(doc: SandboxCheckoutDoc, left?: 'left'): string {
  const url = new URL(doc.returnUrl);
  url.searchParams.set('checkout', doc._id);
  if (doc.status === 'cancelled' || left) url.searchParams.set('cancelled', '1');
  return url.toString();
}

/** Same origin and below the allowed path (no user info: `https://city@evil.example` is another host's URL). */
function allowedUrl(raw: string, allowed: URL[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowed.some((a) => url.origin === a.origin && `${url.pathname}`.startsWith(a.pathname.replace(/\/*$/, '/')));
}

function validationError(fields: { field: string; message: string }[]) {
  const names = fields.map((f) => f.field).join(', ');
  return { error: { code: 'VALIDATION_FAILED', message: `invalid field(s): ${names}`, fields } };
}

function sendPage(res: Response, doc: SandboxCheckoutDoc, status: number, html: string): void {
  // form-action must allow the 303 to the service's returnUrl, which may be another origin.
  const returnOrigin = new URL(doc.returnUrl).origin;
  res.set({
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src ${PAGE_STYLE_HASH}; form-action 'self' ${returnOrigin}; frame-ancestors 'none'; base-uri 'none'`,
  });
  res.status(status).type('html').send(html);
}

function notFoundPage(res: Response): void {
  res.status(404).type('html').send('<!doctype html><html lang="de"><title>Nicht gefunden</title>'
    + '<p>Zahlung nicht gefunden / <span lang="en">Payment not found</span></p></html>');
}
