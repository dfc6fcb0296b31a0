/**
 * The whole amtsweg process (web server + worker) against the embedded stack of this test run,
 * on a free port with its own database and task queue: the HTTP and browser tests use it
 * exactly as a person would use `npm start`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { seedForms } from '../../server/system';
import { seedSandboxResidents } from '../../activities/residents/sandbox/seed';
import { seedSandboxVehicleHolders } from '../../activities/registry/sandbox/seed';
import { freePort } from '../../scripts/lib/stack';
import { stack, testMongoUri } from './env';

export const STAFF_KEY = 'test-staff-access-key-0123456789';

export async function startTestSystem(dbName: string, opts: { taskQueue?: string; keepData?: boolean; dataDir?: string } = {}): Promise<RunningSystem & { taskQueue: string; dataDir: string }> {
  const port = await freePort();
  const taskQueue = opts.taskQueue ?? `amtsweg-${dbName}-${randomUUID().slice(0, 8)}`;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `amtsweg-${dbName}-`));
  const config = loadConfig({ PORT: String(port), AMTSWEG_DATA_DIR: dataDir, STAFF_ACCESS_KEY: STAFF_KEY, TEMPORAL_TASK_QUEUE: taskQueue });
  const mongodbUri = testMongoUri(dbName);
  const running = await runSystem(config, { temporalAddress: stack.temporalAddress, mongodbUri, smtpUrl: stack.smtpUrl });
  if (!opts.keepData) {
    await running.system.conn.dropDatabase();
    await running.system.conn.syncIndexes();
    // What the start seeds: the built-in forms and the sandbox registries' demo data.
    await seedForms(running.system.forms);
    await seedSandboxResidents(running.system.conn);
    await seedSandboxVehicleHolders(running.system.conn);
  }
  return Object.assign(running, { taskQueue, dataDir });
}

/** A tiny HTTP client that keeps the staff cookie, like a browser would. */
export class HttpClient {
  private cookie = '';
  constructor(readonly baseUrl: string, private readonly lang = 'de') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method, redirect: 'manual',
      headers: { 'Accept-Language': this.lang, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let json: unknown = text;
    try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, json, headers: res.headers };
  }

  async signInStaff(): Promise<void> {
    const res = await this.request('POST', '/api/staff/session', { accessKey: STAFF_KEY });
    if (res.status !== 204) throw new Error(`staff sign-in failed: ${res.status}`);
  }
}
