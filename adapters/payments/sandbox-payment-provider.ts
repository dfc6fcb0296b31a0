import { createHmac, timingSafeEqual } from 'node:crypto';
import { PaymentProviderError, type Checkout, type CheckoutRequest, type PaymentProvider } from './payment-provider';

export interface SandboxPaymentProviderOptions {
  /** Origin of the server hosting the sandbox router, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** The secret the sandbox signs webhooks with (same value as the router's `webhookSecret`). */
  webhookSecret: string;
  /** Where the sandbox router is mounted. */
  mountPath?: string;
  timeoutMs?: number;
}

/**
 * Adapter for the sandbox payment provider. It talks to the sandbox only over HTTP, exactly as
 * a production PSP adapter talks to its provider, so swapping providers changes no caller.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly api: string;

  constructor(private readonly opts: SandboxPaymentProviderOptions) {
    this.api = `${opts.baseUrl.replace(/\/+$/, '')}${opts.mountPath ?? '/sandbox/payments'}/api`;
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

  verifyWebhook(rawBody: string, signatureHeader: string | undefined): boolean {
    const match = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader?.trim() ?? '');
    if (!match?.[1]) return false;
    const expected = createHmac('sha256', this.opts.webhookSecret).update(rawBody, 'utf8').digest();
    // Constant-time compare so the signature cannot be guessed byte by byte from timings.
    return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${this.api}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new PaymentProviderError(`sandbox payment provider unreachable: ${why}`, undefined, true);
    }
  }
}

/** 5xx, 408 and 429 are worth retrying; any other refusal would fail the same way again. */
async function failure(res: Response, op: string): Promise<PaymentProviderError> {
  const text = await res.text().catch(() => '');
  const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
  return new PaymentProviderError(`${op}: sandbox payment provider answered ${res.status} ${text.slice(0, 500)}`, res.status, retryable);
}
