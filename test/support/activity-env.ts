/**
 * Real activity dependencies for workflow tests: the read model on its own database of the
 * embedded FerretDB, MailDev's SMTP, and the sandbox vehicle and resident registries served over HTTP.
 */
import type { Server } from 'node:http';
import express from 'express';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { SmtpMailer } from '../../adapters/mail/mailer';
import { HttpVehicleRegistry } from '../../adapters/vehicle-registry/http-vehicle-registry';
import { createSandboxVehicleRegistryRouter } from '../../sandboxes/vehicle-registry/router';
import { seedSandboxVehicleHolders } from '../../sandboxes/vehicle-registry/seed';
import { HttpResidentRegistry } from '../../adapters/resident-registry/http-resident-registry';
import { createSandboxResidentRegistryRouter } from '../../sandboxes/resident-registry/router';
import { seedSandboxResidents } from '../../sandboxes/resident-registry/seed';
import type { ActivityDeps } from '../../activities';
import { MongoAttachmentStore } from '../../store/attachments/mongo-attachment-store';
import { FormRegistry } from '../../forms/registry/form-registry';
import { listForms } from '../../forms/registry';
import { DraftStore } from '../../store/drafts/draft-store';
import { createSandboxPaymentRouter } from '../../sandboxes/payments/router';
import { SandboxPaymentProvider } from '../../adapters/payments/sandbox-payment-provider';
import { stack, testMongoUri } from './env';

/** The sandboxes' key in activity tests (the app derives its own, see system/secrets.ts). */
const SANDBOX_KEY = 'test-sandbox-key';

export interface ActivityEnv { conn: Connection; model: ReadModel; deps: ActivityDeps; close(): Promise<void> }

export async function createActivityEnv(dbName: string): Promise<ActivityEnv> {
  const conn = await mongoose.createConnection(testMongoUri(dbName)).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  await seedSandboxVehicleHolders(conn);
  await seedSandboxResidents(conn);
  const forms = new FormRegistry(conn);
  await forms.seedBuiltIns(listForms());
  const stopSandbox = new AbortController();
  const app = express()
    .use('/sandbox/payments', createSandboxPaymentRouter({ conn, webhookSecret: 'test-webhook-secret', publicBaseUrl: 'http://amtsweg.test', apiKey: SANDBOX_KEY, signal: stopSandbox.signal }))
    .use('/sandbox/vehicle-registry', createSandboxVehicleRegistryRouter({ conn, apiKey: SANDBOX_KEY }))
    .use('/sandbox/resident-registry', createSandboxResidentRegistryRouter({ conn, apiKey: SANDBOX_KEY }));
  const server = await new Promise<Server>((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  const port = (server.address() as { port: number }).port;
  const mailer = new SmtpMailer(stack.smtpUrl, 'Stadt Hagen <test@hagen.example>');
  const deps: ActivityDeps = {
    model: readModel(conn), mailer,
    vehicleRegistry: new HttpVehicleRegistry({ baseUrl: `http://127.0.0.1:${port}/sandbox/vehicle-registry`, apiKey: SANDBOX_KEY }),
    residentRegistry: new HttpResidentRegistry({ baseUrl: `http://127.0.0.1:${port}/sandbox/resident-registry`, apiKey: SANDBOX_KEY }),
    publicBaseUrl: 'http://amtsweg.test', payee: { beneficiaryName: 'Stadtkasse Hagen', iban: 'DE89370400440532013000' },
    accessCodeSecret: Buffer.alloc(32, 7), forms, statusTokenSecret: Buffer.alloc(32, 8),
    drafts: new DraftStore(conn, Buffer.alloc(32, 9)), draftTokenSecret: Buffer.alloc(32, 10),
    attachments: new MongoAttachmentStore(conn),
    conn, paymentProvider: new SandboxPaymentProvider({ baseUrl: `http://127.0.0.1:${port}`, webhookSecret: 'test-webhook-secret', apiKey: SANDBOX_KEY }),
  };
  return {
    conn, model: deps.model, deps,
    async close() {
      mailer.close();
      stopSandbox.abort();
      await new Promise((r) => server.close(r));
      await conn.close();
    },
  };
}

export interface CaughtMail { subject: string; text: string; to: { address: string }[]; attachments?: { filename: string; contentType: string; size: number }[] }

/** Mails MailDev received for one address (with their attachments' names and types). */
export async function mailsTo(address: string): Promise<CaughtMail[]> {
  const res = await fetch(`${stack.mailApiUrl}/api/email`);
  const all = (await res.json()) as CaughtMail[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}
