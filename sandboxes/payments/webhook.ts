import { createHmac } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { CheckoutWebhookEvent } from '../../adapters/payments/payment-provider';
import { SANDBOX_SIGNATURE_HEADER } from '../../adapters/payments/sandbox-payment-provider';

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

export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export interface AttemptResult { ok: boolean; httpStatus?: number; error?: string }

/** One POST of the event's exact bytes, signed; never throws. */
export async function postWebhook(url: string, eventId: string, rawBody: string, secret: string, timeoutMs: number): Promise<AttemptResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signWebhookBody(rawBody, secret), 'X-Sandbox-Event-Id': eventId },
      body: rawBody,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 300, httpStatus: res.status };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
