/**
 * The production processes: server/main.ts and workers/main.ts each run alone, configured by
 * environment only, against this run's stack (as replicas would against a Temporal cluster and
 * a MongoDB replica set). A ticket recorded over HTTP at the server is processed by the worker;
 * SIGTERM stops each cleanly (exit 0).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { freePort } from '../../scripts/lib/stack';
import { connectSystem, type System } from '../../system/system';
import { stack, testMongoUri } from '../support/env';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';

const spawned: ChildProcess[] = [];
let system: System | undefined;
afterAll(async () => {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await system?.close();
});

interface Proc { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function run(entry: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

async function logged(proc: Proc, line: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proc.output().includes(line)) {
    if (proc.child.exitCode !== null) throw new Error(`exited (${proc.child.exitCode}) before "${line}":\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`no "${line}" within ${timeoutMs / 1000} s:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopped(proc: Proc, timeoutMs = 60_000): Promise<number | null | 'hung'> {
  proc.child.kill('SIGTERM');
  return Promise.race([proc.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), timeoutMs))]);
}

describe('worker and web server as separate processes', () => {
  it('when server/main.ts and workers/main.ts run alone against the stack, then a ticket recorded at the server is processed by the worker, and SIGTERM stops both with exit 0', async () => {
    const port = await freePort();
    const mongodbUri = testMongoUri('processes_entry_points');
    const dropped = await mongoose.createConnection(mongodbUri).asPromise();
    await dropped.dropDatabase();
    await dropped.close();
    // Only environment, as in production: a cluster address, a database, an SMTP relay, the shared payload key.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_TASK_QUEUE: `amtsweg-entry-points-${randomUUID().slice(0, 8)}`,
      MONGODB_URI: mongodbUri,
      SMTP_URL: stack.smtpUrl,
      AMTSWEG_PAYLOAD_KEY: randomBytes(32).toString('base64'),
      AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-entry-points-')),
      WORKER_SHUTDOWN_GRACE_SECONDS: '5',
      // The fixture account holds every role, admin included: it works without a TOTP second factor here (production's rule: staff-account-security-http).
      STAFF_ADMIN_SECOND_FACTOR: 'optional',
    };
    const server = run('server/main.ts', env);
    const worker = run('workers/main.ts', env);
    await Promise.all([logged(server, 'web server listening'), logged(worker, 'worker polling task queue')]);
    expect(worker.output()).not.toContain('is not set');

    const config = loadConfig(env);
    system = await connectSystem(config, {
      temporal: { ...config.temporal, address: config.temporal.address! }, mongodbUri, smtpUrl: config.smtpUrl!,
    });
    await createTestAccount(system, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });

    const warden = new HttpClient(`http://127.0.0.1:${port}`);
    await warden.signInStaff();
    const recorded = await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '113300', plate: 'HA-EP 101', place: 'Elberfelder Straße 1, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString(),
    }, { 'Idempotency-Key': `idem-entry-points-${randomUUID()}` });
    expect(recorded.status, JSON.stringify(recorded.json)).toBeLessThan(300);
    // The workflow ran on the separate worker: it answered the recording and its activity wrote the audit trail.
    expect(recorded.json.status).toBe('open');
    expect(await system.model.audit.countDocuments({ caseNumber: recorded.json.ticketNumber })).toBeGreaterThan(0);

    const [workerCode, serverCode] = await Promise.all([stopped(worker), stopped(server)]);
    expect(workerCode, worker.output()).toBe(0);
    expect(serverCode, server.output()).toBe(0);
    expect(worker.output()).toContain('worker: SIGTERM, stopping');
  }, 300_000);
});
