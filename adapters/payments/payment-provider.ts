/**
 * The one interface amtsweg uses to take card/PayPal payments. The embedded default is the
 * sandbox provider (./sandbox-payment-provider.ts); a production PSP adapter implements the
 * same interface. Money is always integer cents.
 */
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';

export type PaymentMethod = 'card' | 'paypal';

export interface CheckoutRequest {
  /** Same key → same checkout, never a second one (a retried activity must not charge twice). */
  idempotencyKey: string;
  amountCents: number;
  currency: 'EUR';
  /** RF creditor reference (ISO 11649) that matches the payment to its receivable. */
  reference: string;
  description: string;
  /** Where the citizen's browser lands afterwards; `checkout=<id>` is appended. */
  returnUrl: string;
  /** Receives `{ type: 'checkout.paid' | 'checkout.cancelled', checkout }`, HMAC-signed. */
  webhookUrl: string;
}

export type CheckoutStatus = 'open' | 'paid' | 'cancelled';

export interface Checkout {
  id: string;
  status: CheckoutStatus;
  amountCents: number;
  currency: 'EUR';
  reference: string;
  redirectUrl: string;
  method?: PaymentMethod;
  /** The provider's id of the captured payment. */
  paymentId?: string;
  /** ISO timestamp of the capture. */
  paidAt?: string;
}

export interface CheckoutWebhookEvent {
  type: 'checkout.paid' | 'checkout.cancelled';
  checkout: Checkout;
}

/** A payment paid back in full (one refund per payment). */
export interface Refund {
  id: string;
  paymentId: string;
  checkoutId: string;
  amountCents: number;
  currency: 'EUR';
  status: 'refunded';
  refundedAt: string;
}

export interface PaymentProvider {
  readonly name: string;
  createCheckout(req: CheckoutRequest): Promise<Checkout>;
  getCheckout(id: string): Promise<Checkout | null>;
  /**
   * Pays a paid checkout's payment back in full. Idempotent: asked again (a retried activity),
   * the provider answers the first refund and pays nothing twice. Null for an unknown checkout.
   */
  refundCheckout(id: string, reason: string): Promise<Refund | null>;
  /**
   * Whether a request to the webhook (`POST /api/payments/webhook`) came from this provider:
   * each provider reads its own signature header(s) through `header` and checks its own scheme.
   * False for a missing or wrong signature.
   */
  verifyWebhook(rawBody: string, header: (name: string) => string | undefined): boolean;
}

/**
 * Thrown by adapters when the provider refuses or is unreachable. `retryable` lets the
 * activity layer decide between a Temporal retry (provider down) and a non-retryable failure
 * (our request was wrong — retrying would fail the same way).
 */
export class PaymentProviderError extends DependencyUnavailableError {
  override readonly name = 'PaymentProviderError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super('payments', message);
  }
}
