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
import { seedForms } from '../../system/system';
import { seedSandboxResidents } from '../../sandboxes/resident-registry/seed';
import { seedSandboxVehicleHolders } from '../../sandboxes/vehicle-registry/seed';
import { freePort } from '../../scripts/lib/stack';
import { stack, testMongoUri } from './env';
import { staffAccountModel, STAFF_ROLES, type StaffRole } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS, type Department } from '../../domain/departments';
import { createAccount } from '../../server/use-cases/accounts/manage-accounts';
import type { System } from '../../system/system';

/** The account every test system has: all staff roles, all departments, leads none. */
export const TEST_STAFF = { id: 'test-staff', password: 'test-staff-password-0123' } as const;

/** An account with exactly these roles (and departments/leads); the password comes back for signIn. */
export async function createTestAccount(
  target: { system: System } | System,
  spec: { id?: string; roles: StaffRole[]; departments?: Department[]; leadOf?: Department[]; displayName?: string; email?: string; password?: string;
    /** As an administrator would hand it out: changed at the first sign-in. Default: the person chose it. */
    issued?: boolean },
): Promise<{ id: string; password: string }> {
  const system = 'system' in target ? target.system : target;
  const id = spec.id ?? `t-${randomUUID().slice(0, 8)}`;
  const { password } = await createAccount(system, 'test', {
    id, roles: spec.roles, departments: spec.departments ?? [], leadOf: spec.leadOf ?? [],
    displayName: spec.displayName ?? `Test ${id}`, email: spec.email ?? `${id}@hagen.example`,
  }, spec.password, { issued: spec.issued ?? false });
  return { id, password };
}

export async function startTestSystem(dbName: string, opts: {
  taskQueue?: string; keepData?: boolean; dataDir?: string;
  /** 'required' (production's rule): admins without TOTP are sent to enrolment. Default optional: TEST_STAFF holds every role. */
  adminSecondFactor?: 'required' | 'optional';
  /** Further configuration variables (e.g. ADMISSION_MAX_IN_FLIGHT). */
  env?: Record<string, string>;
} = {}): Promise<RunningSystem & { taskQueue: string; dataDir: string }> {
  const port = await freePort();
  const taskQueue = opts.taskQueue ?? `amtsweg-${dbName}-${randomUUID().slice(0, 8)}`;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), `amtsweg-${dbName}-`));
  const config = loadConfig({ PORT: String(port), AMTSWEG_DATA_DIR: dataDir, TEMPORAL_TASK_QUEUE: taskQueue, STAFF_ADMIN_SECOND_FACTOR: opts.adminSecondFactor ?? 'optional', ...opts.env });
  const mongodbUri = testMongoUri(dbName);
  const running = await runSystem(config, { temporalAddress: stack.temporalAddress, mongodbUri, smtpUrl: stack.smtpUrl });
  if (!opts.keepData) {
    // Dropping and re-seeding a database is the heaviest thing a test does to FerretDB; on a loaded
    // 2-core CI machine one command can outlast the system's 1 s socket timeout (kept short for the
    // 2-second 503 rule). Every step is idempotent, so a timed-out preparation is done again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await running.system.conn.dropDatabase();
        await running.system.conn.syncIndexes();
        // What the start seeds: the built-in forms and the sandbox registries' demo data.
        await seedForms(running.system.forms);
        await seedSandboxResidents(running.system.conn);
        await seedSandboxVehicleHolders(running.system.conn);
        break;
      } catch (error) {
        if (attempt >= 3 || (error as Error).name !== 'MongoNetworkTimeoutError') throw error;
        console.warn(`[test] preparing ${dbName} timed out (attempt ${attempt}), again`);
      }
    }
  }
  if (!(await staffAccountModel(running.system.conn).exists({ _id: TEST_STAFF.id }))) {
    await createTestAccount(running, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
  }
  return Object.assign(running, { taskQueue, dataDir });
}

/**
 * A tiny HTTP client that keeps the staff cookie, like a browser would, and the session's CSRF
 * token, which it sends as X-CSRF-Token on every unsafe method (like web/src/api.ts).
 */
export class HttpClient {
  /** Every cookie the server set (the staff session, the citizen client id), sent back like a browser does. */
  private readonly cookies = new Map<string, string>();
  private get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  /** Replaces every cookie (a test that plants one). */
  private set cookie(header: string) {
    this.cookies.clear();
    for (const pair of header.split(/;\s*/).filter(Boolean)) {
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  csrfToken = '';
  constructor(readonly baseUrl: string, private readonly lang = 'de') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method, redirect: 'manual',
      headers: {
        'Accept-Language': this.lang, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(this.csrfToken && !['GET', 'HEAD'].includes(method.toUpperCase()) ? { 'X-CSRF-Token': this.csrfToken } : {}), ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      // A cleared cookie (empty, or expired) is dropped.
      if (!value || /expires=Thu, 01 Jan 1970/i.test(setCookie)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    const text = await res.text();
    let json: unknown = text;
    try { json = text ? JSON.parse(text) : undefined; } catch { /* not JSON */ }
    return { status: res.status, json, headers: res.headers };
  }

  /** Signs in; keeps cookie and CSRF token. Throws unless the answer is 200 (use request() to test failures). */
  async signIn(userName: string, password: string): Promise<{ id: string; displayName: string; roles: string[]; departments: string[]; leadOf: string[]; csrfToken: string; pendingStep?: string }> {
    const res = await this.request('POST', '/api/staff/session', { userName, password });
    if (res.status !== 200) throw new Error(`staff sign-in of ${userName} failed: ${res.status} ${JSON.stringify(res.json)}`);
    this.csrfToken = res.json.csrfToken;
    return res.json;
  }

  /** Signs in as TEST_STAFF (every staff role, every department). */
  async signInStaff(): Promise<void> {
    await this.signIn(TEST_STAFF.id, TEST_STAFF.password);
  }
}
