/**
 * A warden waits for the ticket number while the registration runs: when the database fails
 * for a while, the registration is retried at most 5 s apart, so the ticket is registered
 * within seconds of the database being back — not after an exponential backoff of half a
 * minute and more, during which every retry of the warden got 503 (seen in the chaos suite in
 * CI). On the real dev server: the backoff of a local activity runs on real time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { bundleWorkflows } from '../../workers/worker';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';
import { registrationUpdate, type ParkingTicketInput } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { createActivityEnv, type ActivityEnv } from '../support/activity-env';
import { stack } from '../support/env';

const OUTAGE_MS = 20_000;
let db: ActivityEnv;
let connection: Connection;
let client: Client;
let workerConnection: NativeConnection;
beforeAll(async () => {
  db = await createActivityEnv('workflow_registration_retry');
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
  workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
});
afterAll(async () => {
  await workerConnection?.close();
  await connection?.close();
  await db?.close();
});

describe('ParkingTicket registration during a database outage', () => {
  it(`when the registration fails for ${OUTAGE_MS / 1000} s, then it is retried at most 5 s apart and the warden's answer comes within 6 s of the end of the outage`, async () => {
    const attempts: number[] = [];
    const real = createActivities(db.deps);
    const activities = { ...real, async registerParkingTicket(input: Parameters<typeof real.registerParkingTicket>[0]) {
      attempts.push(Date.now());
      if (Date.now() - attempts[0]! < OUTAGE_MS) throw new DependencyUnavailableError('database', 'the database has not answered (test outage)');
      return real.registerParkingTicket(input);
    } };
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: await bundleWorkflows(), activities });
    const plate = 'HA-RT 42';
    const input: ParkingTicketInput = {
      requestFingerprint: `fp-${plate}`,
      offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
      plate, place: 'Friedrich-Ebert-Platz, Hagen', observedAt: new Date().toISOString(), recordedBy: 'warden-test',
    };
    const handle = await client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: `registration-retry-${randomUUID()}`, args: [input] });
    try {
      const registration = await worker.runUntil(handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: input.requestFingerprint }] }));
      const answeredAt = Date.now();
      expect(registration.ticketNumber).toMatch(/^VG-\d{4}-\d{6}$/);
      const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
      console.info(`[registration retry] ${attempts.length} attempts, gaps ${gaps.map((g) => (g / 1000).toFixed(1)).join(', ')} s; answered ${((answeredAt - attempts[0]! - OUTAGE_MS) / 1000).toFixed(1)} s after the outage`);
      // Standard backoff (2, 4, 8, 16 s …) would try again only 30 s after the first attempt.
      expect(Math.max(...gaps)).toBeLessThan(6_000);
      expect(answeredAt - attempts[0]! - OUTAGE_MS).toBeLessThan(6_000);
    } finally {
      await handle.terminate('test done').catch(() => undefined);
    }
  }, 90_000);
});
