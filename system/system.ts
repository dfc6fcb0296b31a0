/**
 * The composition root: turns validated configuration into connected adapters. Both the web
 * server and the worker are built from one System; production swaps adapters by configuration
 * only (see config/config.ts).
 */
import mongoose, { type Connection } from 'mongoose';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type Client } from '@temporalio/client';
import type { AppConfig } from '../config/config';
import { connectClient, resolvePayloadKey, type TemporalTarget } from '../temporal/connection';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../store/models';
import { SmtpMailer, type Mailer } from '../adapters/mail/mailer';
import type { PaymentProvider } from '../adapters/payments/payment-provider';
import { SandboxPaymentProvider } from '../adapters/payments/sandbox-payment-provider';
import { HttpPaymentProvider } from '../adapters/payments/http-payment-provider';
import type { VehicleRegistry } from '../adapters/vehicle-registry/vehicle-registry';
import { HttpVehicleRegistry } from '../adapters/vehicle-registry/http-vehicle-registry';
import { seedSandboxVehicleHolders } from '../sandboxes/vehicle-registry/seed';
import { HttpResidentRegistry } from '../adapters/resident-registry/http-resident-registry';
import type { ResidentRegistry } from '../adapters/resident-registry/resident-registry';
import { seedSandboxResidents } from '../sandboxes/resident-registry/seed';
import { deriveSecret, sandboxKey } from './secrets';
import { installDatabaseBreaker } from './database-breaker';
import { FormRegistry } from '../forms/registry/form-registry';
import { listForms } from '../forms/registry';
import { DraftStore } from '../store/drafts/draft-store';
import { sealPersonalData } from '../store/sealed-box';
import type { AttachmentStore } from '../store/attachments/attachment-store';
import { MongoAttachmentStore } from '../store/attachments/mongo-attachment-store';
import { renderNoticeCardsOnFirstRead } from '../activities/parking-ticket/notice-card';
import { closePdfThreads, startPdfThreads } from '../documents/threads/pool';
import { settleTemporalCalls } from '../temporal/deadline';

/**
 * A database that hangs or is gone fails a request within 2 s (503 with Retry-After, see
 * server/app.ts) instead of holding it for the driver's defaults (a paused FerretDB held every
 * request 47 s). No buffering: an operation on a lost connection fails at once instead of
 * waiting for a reconnect. The socket timeout bounds every single database round trip, so a
 * per-request query must stay well below it (by `_id`, see docs/architecture); maintenance scans
 * over large collections belong in activities that retry, or get a larger value by configuration.
 */
const DATABASE_TIMEOUTS = {
  serverSelectionTimeoutMS: Number(process.env.AMTSWEG_DB_SERVER_SELECTION_TIMEOUT_MS ?? 1_500),
  // Also the heartbeat's timeout: a missed heartbeat clears the pool and interrupts every request in
  // flight, so it must outlast a busy 2-core machine (1 s did not: CI saw "server monitor timeout"
  // 503s under browser-test load). A paused database still answers 503 by the socket timeout.
  connectTimeoutMS: 1_400,
  socketTimeoutMS: Number(process.env.AMTSWEG_DB_SOCKET_TIMEOUT_MS ?? 1_000),
  bufferCommands: false,
  // The breaker (./database-breaker.ts) listens to command and heartbeat events; a database that is back is seen within a second.
  heartbeatFrequencyMS: 500,
  monitorCommands: true,
} as const;

/**
 * The Temporal client's own retries of UNAVAILABLE (the default retries ten times, ~20 s)
 * fit in 2 s: an unreachable Temporal answers the HTTP request 503 quickly. A Temporal that
 * accepts but does not answer is bounded by the call deadlines (temporal/deadline.ts).
 */
const TEMPORAL_RETRIES = defaultGrpcRetryOptions({ maxAttempts: 4, initialIntervalMs: () => 100, maxIntervalMs: () => 500 });

export interface ResolvedServices { temporal: TemporalTarget; mongodbUri: string; smtpUrl: string }

export interface System {
  config: AppConfig;
  services: ResolvedServices;
  conn: Connection;
  model: ReadModel;
  /** Every published version of every form; the built-in files are version 1. */
  forms: FormRegistry;
  /** Citizens' uploaded evidence, outside the workflow history (see activities/attachments). */
  attachments: AttachmentStore;
  /** Saved form drafts, encrypted at rest; each expires by its draft-expiry workflow. */
  drafts: DraftStore;
  temporal: Client;
  mailer: Mailer;
  paymentProvider: PaymentProvider;
  vehicleRegistry: VehicleRegistry;
  residentRegistry: ResidentRegistry;
  /** Where this process serves HTTP on loopback: the embedded sandboxes are called through it. */
  internalBaseUrl: string;
  /** `sandboxKey`: the embedded sandboxes' API key; undefined in production mode (no sandbox is mounted). */
  secrets: { payloadKey: Buffer; accessCode: Buffer; portalToken: Buffer; caseStatus: Buffer; draftToken: Buffer; sandboxWebhook: string; sandboxKey?: string };
  close(): Promise<void>;
}

/** Built-in form files become version 1; a changed file is reported, never silently republished. */
export async function seedForms(forms: FormRegistry): Promise<void> {
  for (const report of await forms.seedBuiltIns(listForms())) {
    if (report.outcome === 'changed-not-republished') {
      console.warn(`[amtsweg] the built-in form file ${report.formId} differs from every published version; a designer publishes it (POST /api/forms/${report.formId}/versions) if it should be served`);
    }
  }
}

export async function connectSystem(config: AppConfig, services: ResolvedServices): Promise<System> {
  const payloadKey = resolvePayloadKey(config);
  const conn = await mongoose.createConnection(services.mongodbUri, DATABASE_TIMEOUTS).asPromise();
  installDatabaseBreaker(conn);
  const model = readModel(conn);
  await ensureReadModelIndexes(conn);
  const forms = new FormRegistry(conn);
  await seedForms(forms);
  const attachments = new MongoAttachmentStore(conn);
  await attachments.ensureIndexes();
  const temporal = await connectClient(services.temporal, payloadKey, { interceptors: [makeGrpcRetryInterceptor(TEMPORAL_RETRIES)] });
  const mailer = new SmtpMailer(services.smtpUrl, config.mailFrom);
  const internalBaseUrl = `http://127.0.0.1:${config.port}`;
  // Production mode: loadConfig has refused a start without the production services, so no sandbox is used here.
  const embedded = config.mode === 'embedded';
  const sandbox = embedded ? sandboxKey(payloadKey) : undefined;
  const sandboxWebhook = config.paymentProvider?.webhookSecret ?? config.sandboxWebhookSecret ?? deriveSecret(payloadKey, 'sandbox-webhook').toString('hex');
  const paymentProvider = config.paymentProvider
    ? new HttpPaymentProvider(config.paymentProvider)
    : new SandboxPaymentProvider({ baseUrl: internalBaseUrl, webhookSecret: sandboxWebhook, apiKey: sandbox! });
  const vehicleRegistry = new HttpVehicleRegistry(config.vehicleRegistryUrl
    ? { baseUrl: config.vehicleRegistryUrl, apiKey: config.vehicleRegistryApiKey }
    : { baseUrl: `${internalBaseUrl}/sandbox/vehicle-registry`, apiKey: sandbox });
  if (!config.vehicleRegistryUrl && embedded) await seedSandboxVehicleHolders(conn);
  // Unset: the sandbox resident registry this process serves at /sandbox/resident-registry.
  const residentRegistry = new HttpResidentRegistry(config.residentRegistryUrl
    ? { baseUrl: config.residentRegistryUrl, apiKey: config.residentRegistryApiKey }
    : { baseUrl: `${internalBaseUrl}/sandbox/resident-registry`, apiKey: sandbox });
  if (!config.residentRegistryUrl && embedded) await seedSandboxResidents(conn);
  const secrets = {
    payloadKey,
    accessCode: deriveSecret(payloadKey, 'access-code'),
    portalToken: deriveSecret(payloadKey, 'portal-token'),
    caseStatus: deriveSecret(payloadKey, 'case-status-token'),
    draftToken: deriveSecret(payloadKey, 'form-draft-token'),
    sandboxWebhook,
    sandboxKey: sandbox,
  };
  const drafts = new DraftStore(conn, deriveSecret(payloadKey, 'form-draft-data'));
  // Personal data in the read model (dog-tax submissions) is sealed at rest like the drafts (store/sealed-box.ts).
  sealPersonalData(conn, deriveSecret(payloadKey, 'read-model-personal-data'));
  renderNoticeCardsOnFirstRead({ model, publicBaseUrl: config.publicBaseUrl, payee: config.payee, accessCodeSecret: secrets.accessCode });
  // Notice cards (web server) and letters, notices, receipts (activities) render in threads, off this process's event loop.
  await startPdfThreads(config.pdfRendering);
  return {
    config, services, conn, model, forms, attachments, drafts, temporal, mailer, paymentProvider, vehicleRegistry, residentRegistry, internalBaseUrl, secrets,
    async close() {
      mailer.close();
      await closePdfThreads();
      await settleTemporalCalls(temporal); // calls answered 503 early still run: let them end first
      await temporal.connection.close();
      await conn.close();
    },
  };
}
