/**
 * Records workflow histories for the replay tests (test/workflows/replay.test.ts), with the
 * real activities against a throwaway embedded database: the long runs on the time-skipping
 * server (test/workflows/histories/*.json), and at least one run per workflow type on the real
 * dev server of a throwaway embedded stack (test/workflows/histories/dev-server/*.json, see
 * scripts/lib/dev-server-histories.ts).
 * Before the first release histories are simply re-recorded when a workflow changes. After it,
 * a change of a workflow with open runs is patched (or deployed as a new worker version), the
 * old histories stay and keep replaying, and new ones are recorded next to them.
 *   npx tsx scripts/record-histories.ts             # every history
 *   npx tsx scripts/record-histories.ts dog-tax     # only those whose name starts with an argument (both servers)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxPaymentProvider } from '../adapters/payments/sandbox-payment-provider';
import express from 'express';
import mongoose from 'mongoose';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { createActivities } from '../activities';
import { MongoAttachmentStore } from '../store/attachments/mongo-attachment-store';
import { ensureReadModelIndexes, readModel } from '../store/models';
import { SmtpMailer } from '../adapters/mail/mailer';
import { HttpVehicleRegistry } from '../adapters/vehicle-registry/http-vehicle-registry';
import { createSandboxVehicleRegistryRouter } from '../sandboxes/vehicle-registry/router';
import { seedSandboxVehicleHolders } from '../sandboxes/vehicle-registry/seed';
import { HttpResidentRegistry } from '../adapters/resident-registry/http-resident-registry';
import { createSandboxResidentRegistryRouter } from '../sandboxes/resident-registry/router';
import { seedSandboxResidents } from '../sandboxes/resident-registry/seed';
import { paymentBookedSignal, registrationUpdate } from '../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../workflows/parking-ticket/workflow';
import { recordDogTaxHistories } from './lib/dog-tax-histories';
import { FormRegistry } from '../forms/registry/form-registry';
import { listForms } from '../forms/registry';
import { DraftStore } from '../store/drafts/draft-store';
import { recordDraftHistories } from './lib/draft-histories';
import { recordFineHistories } from './lib/fine-histories';
import { recordDevServerHistories } from './lib/dev-server-histories';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { bundleWorkflows } from '../workers/worker';
import { timeSkippingServerPath } from './lib/binaries';
import { freePort, startStack } from './lib/stack';

/** The sandboxes' key of this recording run (the app derives its own, see system/secrets.ts). */
const SANDBOX_KEY = 'record-histories-sandbox-key';

const OUT = join('test', 'workflows', 'histories');
const DEV_SERVER_OUT = join(OUT, 'dev-server');
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.some((prefix) => name.startsWith(prefix));

async function run(): Promise<void> {
  const ports = { temporal: await freePort(), temporalUi: 0, mongodb: await freePort(), smtp: await freePort(), mailUi: await freePort() };
  const stack = await startStack({ dataDir: mkdtempSync(join(tmpdir(), 'amtsweg-histories-')), ports, temporalUi: false });
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } } });
  const conn = await mongoose.createConnection(stack.mongodbUri!).asPromise();
  try {
    await ensureSearchAttributes(env.connection, 'default');
    await ensureReadModelIndexes(conn);
    await seedSandboxVehicleHolders(conn);
    await seedSandboxResidents(conn);
    const server = express().use('/sandbox/vehicle-registry', createSandboxVehicleRegistryRouter({ conn, apiKey: SANDBOX_KEY }))
      .use('/sandbox/resident-registry', createSandboxResidentRegistryRouter({ conn, apiKey: SANDBOX_KEY })).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const mailer = new SmtpMailer(stack.smtpUrl!, 'test@hagen.example');
    const forms = new FormRegistry(conn);
    await forms.seedBuiltIns(listForms());
    const activities = createActivities({
      model: readModel(conn), mailer, publicBaseUrl: 'http://amtsweg.test', payee: { beneficiaryName: 'Stadtkasse Hagen', iban: 'DE89370400440532013000' },
      vehicleRegistry: new HttpVehicleRegistry({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/sandbox/vehicle-registry`, apiKey: SANDBOX_KEY }),
      residentRegistry: new HttpResidentRegistry({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/sandbox/resident-registry`, apiKey: SANDBOX_KEY }),
      accessCodeSecret: Buffer.alloc(32, 1), forms, statusTokenSecret: Buffer.alloc(32, 2),
      drafts: new DraftStore(conn, Buffer.alloc(32, 3)), draftTokenSecret: Buffer.alloc(32, 4),
      attachments: new MongoAttachmentStore(conn),
      conn, paymentProvider: new SandboxPaymentProvider({ baseUrl: 'http://127.0.0.1:9', webhookSecret: 'unused', apiKey: SANDBOX_KEY }), // no recorded history pays online
    });
    const workflowBundle = await bundleWorkflows();
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: 'histories', workflowBundle, activities });
    await worker.runUntil(async () => {
      for (const [name, plate, pay] of [['parking-ticket-paid', 'HA-AB 123', true]] as const) {
        if (!wanted(name)) continue;
        const handle = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue: 'histories', workflowId: name, args: [{
          requestFingerprint: 'fp', offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
          plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date(await env.currentTimeMs()).toISOString(), recordedBy: 'warden-demo' }] });
        await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
        if (pay) await handle.signal(paymentBookedSignal, { paymentId: 'pay-1', amountCents: 2500, bookedAt: new Date(await env.currentTimeMs()).toISOString(), channel: 'card', receiptEmail: 'demo@example.org' });
        await handle.result();
        const history = await handle.fetchHistory();
        writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`);
        console.log(`recorded ${name}: ${history.events?.length} events`);
      }
      const save = (name: string, history: Parameters<Parameters<typeof recordDogTaxHistories>[3]>[1]) => {
        writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`);
        console.log(`recorded ${name}: ${history.events?.length} events`);
      };
      await recordDogTaxHistories(env, 'histories', wanted, save);
      await recordDraftHistories(env, 'histories', wanted, save);
      await recordFineHistories(env, 'histories', wanted, save);
    });

    // The same workflows on the real dev server (no time skipping: runs that end within seconds).
    mkdirSync(DEV_SERVER_OUT, { recursive: true });
    const devConnection = await Connection.connect({ address: stack.temporalAddress! });
    const devWorkerConnection = await NativeConnection.connect({ address: stack.temporalAddress! });
    try {
      await ensureSearchAttributes(devConnection, 'default');
      const devClient = new Client({ connection: devConnection, namespace: 'default' });
      const devWorker = await Worker.create({ connection: devWorkerConnection, taskQueue: 'histories-dev-server', workflowBundle, activities });
      await devWorker.runUntil(recordDevServerHistories(devClient, 'histories-dev-server', wanted, (name, history) => {
        writeFileSync(join(DEV_SERVER_OUT, `${name}.json`), `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 1)}\n`);
        console.log(`recorded dev-server/${name}: ${history.events?.length} events`);
      }));
    } finally {
      await devConnection.close();
      await devWorkerConnection.close();
    }
    mailer.close();
    server.close();
  } finally {
    await conn.close();
    await env.teardown();
    await stack.stop();
  }
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
