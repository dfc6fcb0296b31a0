import { HttpPaymentProvider } from './http-payment-provider';

/** The header the sandbox provider signs its webhooks in (sandboxes/payments/webhook.ts sends it). */
export const SANDBOX_SIGNATURE_HEADER = 'X-Sandbox-Signature';

export interface SandboxPaymentProviderOptions {
  /** Origin of the server hosting the sandbox router, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** The secret the sandbox signs webhooks with (same value as the router's `webhookSecret`). */
  webhookSecret: string;
  /** The sandbox key (the router's `apiKey`); without it the sandbox answers 401. */
  apiKey: string;
  /** Where the sandbox router is mounted. */
  mountPath?: string;
  timeoutMs?: number;
}

/**
 * Adapter for the embedded sandbox payment provider: the production HTTP adapter pointed at the
 * sandbox router, so swapping providers changes no caller and the tested path is the real one.
 */
export class SandboxPaymentProvider extends HttpPaymentProvider {
  override readonly name = 'sandbox';

  constructor(opts: SandboxPaymentProviderOptions) {
    super({ apiUrl: `${opts.baseUrl.replace(/\/+$/, '')}${opts.mountPath ?? '/sandbox/payments'}/api`, apiKey: opts.apiKey, webhookSecret: opts.webhookSecret, signatureHeader: SANDBOX_SIGNATURE_HEADER, timeoutMs: opts.timeoutMs });
  }
}
