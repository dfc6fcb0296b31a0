import { createHmac } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { CheckoutWebhookEvent } from '../../adapters/payments/payment-provider';
import { toCheckout, type SandboxCheckoutDoc } from './checkout-model';

export const SIGNATURE_HEADER = 'X-Sandbox-Signature';

/** One delivery attempt. Append-only inserts: on FerretDB v1 a $push could race and be lost. */
export interface WebhookDelivery {
  checkoutId: string;
  event: CheckoutWebhookEvent['type'];
  attempt: number;
  at: Date;
  ok: boolean;
  httpStatus?: number;
  error?: string;
}

const deliverySchema = new Schema<WebhookDelivery>(
  {
    checkoutId: { type: String, required: true, index: true },
    event: { type: String, required: true },
    attempt: { type: Number, required: true },
    at: { type: Date, required: true },
    ok: { type: Boolean, required: true },
    httpStatus: Number,
    error: String,
  },
  { collection: 'sandbox_payment_webhook_deliveries', versionKey: false },
);

export type WebhookDeliveryModel = Model<WebhookDelivery>;

export function webhookDeliveryModel(conn: Connection): WebhookDeliveryModel {
  return (
    (conn.models.SandboxPaymentWebhookDelivery as WebhookDeliveryModel | undefined) ??
    conn.model<WebhookDelivery>('SandboxPaymentWebhookDelivery', deliverySchema)
  );
}

export interface WebhookOptions {
  secret: string;
  /** Pause before each retry after a failed attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs: number;
}

export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * Sends the event now and, if the receiver fails, again in the background with backoff — like
 * a real PSP, the provider keeps trying instead of making the citizen wait or lose the booking.
 * Every attempt is recorded. Resolves with the outcome of the first attempt.
 */
export async function deliverWebhook(
  Deliveries: WebhookDeliveryModel,
  doc: SandboxCheckoutDoc,
  type: CheckoutWebhookEvent['type'],
  opts: WebhookOptions,
): Promise<boolean> {
  // The same bytes on every attempt, so the signature and the receiver's dedupe key stay stable.
  const rawBody = JSON.stringify({ type, checkout: toCheckout(doc) } satisfies CheckoutWebhookEvent);
  const headers = {
    'Content-Type': 'application/json',
    [SIGNATURE_HEADER]: signWebhookBody(rawBody, opts.secret),
    'X-Sandbox-Event-Id': `${doc._id}:${type}`,
  };

  const attempt = async (n: number): Promise<boolean> => {
    let httpStatus: number | undefined;
    let error: string | undefined;
    try {
      const res = await fetch(doc.webhookUrl, { method: 'POST', headers, body: rawBody, signal: AbortSignal.timeout(opts.timeoutMs) });
      httpStatus = res.status;
      await res.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ok = httpStatus !== undefined && httpStatus >= 200 && httpStatus < 300;
    await Deliveries.create({ checkoutId: doc._id, event: type, attempt: n, at: new Date(), ok, httpStatus, error }).catch(() => {
      // Recording is best effort: a lost log line must not stop the retries.
    });
    const delay = opts.retryDelaysMs[n - 1];
    // unref: pending retries must not keep a shutting-down server alive.
    if (!ok && delay !== undefined) setTimeout(() => void attempt(n + 1), delay).unref();
    return ok;
  };
  return attempt(1);
}
