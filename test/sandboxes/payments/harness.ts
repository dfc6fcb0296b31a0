import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { createSandboxPaymentRouter, type SandboxPaymentRouterOptions } from '../../../sandboxes/payments/router';
import { SANDBOX_SIGNATURE_HEADER, SandboxPaymentProvider } from '../../../adapters/payments/sandbox-payment-provider';
import type { CheckoutRequest } from '../../../adapters/payments/payment-provider';

export const WEBHOOK_SECRET = 'test-webhook-secret';
export const SANDBOX_KEY = 'test-sandbox-key';

export interface ReceivedWebhook { rawBody: string; signature: string | undefined }

/** The webhook request's headers as the server's route hands them to `verifyWebhook`: only the sandbox's signature header is set. */
export const signedWith = (signature: string | undefined) => (name: string) => (name.toLowerCase() === SANDBOX_SIGNATURE_HEADER.toLowerCase() ? signature : undefined);

/** A real HTTP receiver for the provider's webhooks; a path can be told to fail first. */
class WebhookReceiver {
  readonly received = new Map<string, ReceivedWebhook[]>();
  private readonly failures = new Map<string, number>();
  readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const left = this.failures.get(path) ?? 0;
      if (left > 0) {
        this.failures.set(path, left - 1);
        res.writeHead(500).end('receiver down');
        return;
      }
      const sig = req.headers[SANDBOX_SIGNATURE_HEADER.toLowerCase()];
      const list = this.received.get(path) ?? [];
      list.push({ rawBody: Buffer.concat(chunks).toString('utf8'), signature: Array.isArray(sig) ? sig[0] : sig });
      this.received.set(path, list);
      res.writeHead(204).end();
    });
  });
  failNext(path: string, times: number): void { this.failures.set(path, times); }
  on(path: string): ReceivedWebhook[] { return this.received.get(path) ?? []; }
}

export interface Harness {
  conn: Connection;
  /** Origin of the server the sandbox router is mounted on. */
  origin: string;
  receiverOrigin: string;
  receiver: WebhookReceiver;
  provider: SandboxPaymentProvider;
  request(key: string, overrides?: Partial<CheckoutRequest>): CheckoutRequest;
  /** The provider's API as its key holder calls it (path below /sandbox/payments/api). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Ends the provider like a crashed process (its loop and retry timers stop) and mounts a fresh one on the same database. */
  restartProvider(options?: ProviderOptions): void;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type ProviderOptions = Partial<Pick<SandboxPaymentRouterOptions, 'webhookRetryDelaysMs' | 'webhookPollIntervalMs' | 'admin'>>;

/** Starts the sandbox provider on an ephemeral port, as the lead mounts it, on a fresh database. */
export async function startHarness(mongoUri: string, options: ProviderOptions = {}): Promise<Harness> {
  const conn = await mongoose.createConnection(mongoUri).asPromise();
  await conn.dropDatabase();
  const receiver = new WebhookReceiver();
  const receiverOrigin = await listen(receiver.server);
  const app = express();
  const server = createServer(app);
  const origin = await listen(server);
  let running = new AbortController();
  const mount = (opts: ProviderOptions) => createSandboxPaymentRouter({
    conn, webhookSecret: WEBHOOK_SECRET, publicBaseUrl: origin, apiKey: SANDBOX_KEY, allowedCallbackUrls: [receiverOrigin],
    webhookRetryDelaysMs: [50, 100, 150], signal: running.signal, ...opts,
  });
  let router = mount(options);
  app.use('/sandbox/payments', (req, res, next) => router(req, res, next));
  const provider = new SandboxPaymentProvider({ baseUrl: origin, webhookSecret: WEBHOOK_SECRET, apiKey: SANDBOX_KEY });
  return {
    conn, origin, receiverOrigin, receiver, provider,
    request: (key, overrides = {}) => ({
      idempotencyKey: key, amountCents: 1250, currency: 'EUR', reference: 'RF462026000123',
      description: 'Verwarnungsgeld Parkverstoß', returnUrl: `${receiverOrigin}/return?case=HA-1`,
      webhookUrl: `${receiverOrigin}/hooks/${key}`, ...overrides,
    }),
    api: (path, init = {}) => fetch(`${origin}/sandbox/payments/api${path}`, {
      ...init, headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${SANDBOX_KEY}` },
    }),
    restartProvider: (opts = options) => {
      running.abort();
      running = new AbortController();
      router = mount(opts);
    },
    close: async () => {
      running.abort();
      await new Promise((r) => server.close(r));
      await new Promise((r) => receiver.server.close(r));
      await conn.close();
    },
  };
}

/** Polls until `check` holds; the provider delivers and retries webhooks asynchronously. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
