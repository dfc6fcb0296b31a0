import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentProviderError, type Checkout, type CheckoutRequest, type PaymentProvider, type Refund } from './payment-provider';

export interface HttpPaymentProviderOptions {
  /** The provider's API root, e.g. `https://psp.example/v1` (checkouts are `<apiUrl>/checkouts`). */
  apiUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`: only the key holder creates, reads and cancels checkouts. */
  apiKey: string;
  /** The secret the provider signs its webhooks with. */
  webhookSecret: string;
  /** The request header carrying `sha256=<HMAC of the body>`; default `X-Signature`. */
  signatureHeader?: string;
  timeoutMs?: number;
}

/**
 * A payment provider over its HTTP checkout API (the protocol the sandbox provider serves:
 * create with an idempotency key, read, cancel; webhooks signed with HMAC-SHA256). The embedded
 * sandbox is this same class pointed at /sandbox/payments (./sandbox-payment-provider.ts), so the
 * code path under test is the production one.
 */
export class HttpPaymentProvider implements PaymentProvider {
  readonly name: string = 'http';
  private readonly api: string;

  constructor(private readonly opts: HttpPaymentProviderOptions) {
    this.api = opts.apiUrl.replace(/\/+$/, '');
  }

  async createCheckout(req: CheckoutRequest): Promise<Checkout> {
    const res = await this.call('POST', '/checkouts', req);
    if (res.status === 200 || res.status === 201) return (await res.json()) as Checkout;
    throw await failure(res, 'createCheckout');
  }

  async getCheckout(id: string): Promise<Checkout | null> {
    const res = await this.call('GET', `/checkouts/${encodeURIComponent(id)}`);
    if (res.status === 404) return null;
    if (res.ok) return (await res.json()) as Checkout;
    throw await failure(res, 'getCheckout');
  }

  /** Ends an open checkout (the creator only); a paid one stays paid. Answers the checkout as it is now. */
  async cancelCheckout(id: string): Promise<Checkout | null> {
    const res = await this.call('POST', `/checkouts/${encodeURIComponent(id)}/cancel`);
    if (res.status === 404) return null;
    if (res.ok) return (await res.json()) as Checkout;
    throw await failure(res, 'cancelCheckout');
  }

  /** Refunds a paid checkout in full; the provider refunds each payment once, so a repeat answers the first refund. */
  async refundCheckout(id: string, reason: string): Promise<Refund | null> {
    const res = await this.call('POST', `/checkouts/${encodeURIComponent(id)}/refund`, { reason });
    if (res.status === 404) return null;
    if (res.ok) return (await res.json()) as Refund;
    throw await failure(res, 'refundCheckout');
  }

  verifyWebhook(rawBody: string, header: (name: string) => string | undefined): boolean {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(header(this.opts.signatureHeader ?? 'X-Signature')?.trim() ?? '');
    if (!match?.[1]) return false;
    const expected = createHmac('sha256', this.opts.webhookSecret).update(rawBody, 'utf8').digest();
    // Constant-time compare so the signature cannot be guessed byte by byte from timings.
    return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.api}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.opts.apiKey}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new PaymentProviderError(`${this.name} payment provider unreachable: ${why}`, undefined, true);
    }
  }
}

/** 5xx, 408 and 429 are worth retrying; any other refusal would fail the same way again. */
async function failure(res: Response, op: string): Promise<PaymentProviderError> {
  const text = await res.text().catch(() => '');
  const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
  return new PaymentProviderError(`${op}: payment provider answered ${res.status} ${text.slice(0, 500)}`, res.status, retryable);
}
