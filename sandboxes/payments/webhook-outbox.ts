/**
 * The sandbox provider's durable webhook deliveries, as a real PSP keeps them: every event is
 * stored before the first attempt and stays stored until the receiver took it or the retries
 * are used up, so a restart loses none. A loop in every process that mounts the sandbox finds
 * due events and sends them; a timer per failed attempt keeps the retry delays exact while the
 * process lives. (The sandbox stands in for an outside system, so it does not use our Temporal.)
 *
 * Parallel senders (a timer and the loop, or two replicas) claim attempt n of an event by
 * inserting `<event id>:<n>` against the unique `_id` — the one write FerretDB v1 makes atomic.
 * A claim whose sender died mid-attempt is given up after a claim timeout, and the next attempt is due.
 * Delivery is at least once: receivers dedupe by X-Sandbox-Event-Id.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { CheckoutWebhookEvent } from '../../adapters/payments/payment-provider';
import { isDuplicateKey } from '../../store/duplicate-key';
import { toCheckout, type SandboxCheckoutDoc } from './checkout-model';
import { postWebhook, webhookDeliveryModel, type WebhookDeliveryModel } from './webhook';

/** An event not yet delivered. `_id` is the event id; `attempt` the next attempt's number. */
interface PendingWebhook { _id: string; checkoutId: string; event: CheckoutWebhookEvent['type']; url: string; rawBody: string; attempt: number; dueAt: Date }
interface AttemptClaim { _id: string; at: Date }

const model = <T>(conn: Connection, name: string, schema: Schema) => ((conn.models[name] as unknown) ?? conn.model(name, schema)) as Model<T>;

export interface WebhookOptions {
  secret: string;
  /** Pause before each retry after a failed attempt; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  /** How often the loop looks for due events (those whose timer died with a process). */
  pollIntervalMs: number;
}

export class WebhookOutbox {
  private readonly pending: Model<PendingWebhook>;
  private readonly claims: Model<AttemptClaim>;
  private readonly deliveries: WebhookDeliveryModel;
  private polling = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly conn: Connection, private readonly opts: WebhookOptions, signal?: AbortSignal) {
    this.pending = model<PendingWebhook>(conn, 'SandboxPaymentWebhookPending', new Schema(
      { _id: String, checkoutId: String, event: String, url: String, rawBody: String, attempt: Number, dueAt: Date },
      { collection: 'sandbox_payment_webhook_outbox', versionKey: false }));
    this.claims = model<AttemptClaim>(conn, 'SandboxPaymentWebhookClaim', new Schema(
      { _id: String, at: Date }, { collection: 'sandbox_payment_webhook_claims', versionKey: false }));
    this.deliveries = webhookDeliveryModel(conn);
    // unref: the loop must not keep a shutting-down server alive; the events wait in the database.
    const loop = setInterval(() => void this.sendDue(), opts.pollIntervalMs).unref();
    signal?.addEventListener('abort', () => {
      this.stopped = true;
      clearInterval(loop);
      for (const timer of this.timers) clearTimeout(timer);
    }, { once: true });
  }

  /** Stores the event, then makes the first attempt; resolves with its outcome. */
  async send(doc: SandboxCheckoutDoc, type: CheckoutWebhookEvent['type']): Promise<boolean> {
    // The same bytes on every attempt, so the signature and the receiver's dedupe key stay stable.
    const rawBody = JSON.stringify({ type, checkout: toCheckout(doc) } satisfies CheckoutWebhookEvent);
    const event: PendingWebhook = { _id: `${doc._id}:${type}`, checkoutId: doc._id, event: type, url: doc.webhookUrl, rawBody, attempt: 1, dueAt: new Date() };
    try {
      await this.pending.create(event);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false; // already queued by an earlier call; the loop delivers it
    }
    return this.attempt(event);
  }

  /** One pass of the loop: every due event gets its next attempt. A scan, but of undelivered events only. */
  async sendDue(): Promise<void> {
    if (this.polling || this.stopped || this.conn.readyState !== 1) return;
    this.polling = true;
    try {
      const due = await this.pending.find({ dueAt: { $lte: new Date() } }).lean<PendingWebhook[]>();
      await Promise.all(due.map((event) => this.attempt(event)));
    } catch (error) {
      if (this.conn.readyState === 1) console.warn('[sandbox payments] webhook loop', error);
    } finally {
      this.polling = false;
    }
  }

  private async attempt(event: PendingWebhook): Promise<boolean> {
    const n = event.attempt;
    if (!(await this.claim(event))) return false;
    const result = await postWebhook(event.url, event._id, event.rawBody, this.opts.secret, this.opts.timeoutMs);
    await this.deliveries.create({ checkoutId: event.checkoutId, event: event.event, attempt: n, at: new Date(), ...result }).catch(() => {
      // Recording is best effort: a lost log line must not stop the retries.
    });
    const delay = this.opts.retryDelaysMs[n - 1];
    if (result.ok || delay === undefined) {
      await this.pending.deleteOne({ _id: event._id });
    } else {
      await this.pending.updateOne({ _id: event._id }, { $set: { attempt: n + 1, dueAt: new Date(Date.now() + delay) } });
      if (!this.stopped) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.retry(event._id, n + 1).catch(() => { /* the loop tries again */ });
        }, delay).unref();
        this.timers.add(timer);
      }
    }
    return result.ok;
  }

  /** The timer's retry: only if the event is still pending at that attempt (the loop may have been faster). */
  private async retry(id: string, attempt: number): Promise<void> {
    const event = await this.pending.findById(id).lean<PendingWebhook>();
    if (event?.attempt === attempt) await this.attempt(event);
  }

  /** Insert-claims attempt n. A claim older than the claim timeout belongs to a sender that died: that attempt counts as made. */
  private async claim(event: PendingWebhook): Promise<boolean> {
    const id = `${event._id}:${event.attempt}`;
    try {
      await this.claims.create({ _id: id, at: new Date() });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const claim = await this.claims.findById(id).lean<AttemptClaim>();
    if (claim && Date.now() - claim.at.getTime() > this.opts.timeoutMs + 30_000) {
      const retriesLeft = this.opts.retryDelaysMs[event.attempt - 1] !== undefined;
      if (retriesLeft) await this.pending.updateOne({ _id: event._id, attempt: event.attempt }, { $set: { attempt: event.attempt + 1, dueAt: new Date() } });
      else await this.pending.deleteOne({ _id: event._id, attempt: event.attempt });
    }
    return false;
  }
}
