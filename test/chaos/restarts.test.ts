/**
 * A dependency that dies comes back by itself: the embedded stack restarts a service that
 * exits (after a short, growing pause, logged), and the system answers again without anyone
 * restarting npm start.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { freePort, restartDelayMs } from '../../scripts/lib/stack';
import { readState } from '../../scripts/lib/processes';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';

let app: RunningSystem | undefined;
afterAll(async () => app?.stop(), 120_000);

/** The service process itself in a recorded process group (not its watchdog shell). */
function serviceProcess(dataDir: string, name: string, binary: RegExp): number {
  const leader = readState(dataDir)!.children.find((c) => c.name === name)!.pid;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const argv0 = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')[0]!;
      if (pgid === leader && binary.test(argv0)) return Number(entry);
    } catch { /* gone meanwhile */ }
  }
  throw new Error(`no ${name} process in the stack`);
}

async function within<T>(ms: number, what: string, check: () => Promise<T | undefined>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return { value, ms: Date.now() - started };
    if (Date.now() - started > ms) throw new Error(`${what} not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('a dependency of the embedded stack that dies', () => {
  it('restarts after 1, 2, 4 … seconds, at most 30', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(restartDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('when the FerretDB or the Temporal process is killed with -9, then the stack starts it again (logged) and the API answers again within a bounded time', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-restarts-'));
    // The fixture admin works without a TOTP second factor, as in the other test systems.
    const env: Record<string, string> = { AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
    for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
    app = await runSystem(loadConfig(env));
    await createTestAccount(app, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    const warn = vi.spyOn(console, 'warn');

    const ferretdb = serviceProcess(dataDir, 'ferretdb', /ferretdb$/);
    const leaderBefore = readState(dataDir)!.children.find((c) => c.name === 'ferretdb')!.pid;
    process.kill(ferretdb, 'SIGKILL');

    // The stack notices (the restart may be quicker than a health probe, so the log is what is awaited) …
    const said = (text: string) => async () => (warn.mock.calls.some((c) => String(c[0]).includes(text)) ? true : undefined);
    await within(20_000, 'the exit of ferretdb noticed', said('ferretdb exited'));
    // … and the database comes back without anyone restarting npm start: a sign-in reads the account from it.
    const signIns: Record<string, number> = {};
    const back = await within(60_000, 'a sign-in after the restart', async () => {
      const staff = new HttpClient(app!.baseUrl);
      const res = await staff.request('POST', '/api/staff/session', { userName: TEST_STAFF.id, password: TEST_STAFF.password })
        .catch((error: unknown) => { signIns.lost = (signIns.lost ?? 0) + 1; throw error; });
      signIns[res.status] = (signIns[res.status] ?? 0) + 1;
      return res.status === 200 ? res : undefined;
    });
    expect(back.ms).toBeLessThan(60_000);
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    const logged = warn.mock.calls.map((c) => String(c[0]));
    expect(logged.some((l) => /ferretdb exited \(.*\); restarting it in 1 s/.test(l)), logged.join('\n')).toBe(true);
    // Logged once the stack's own port check sees it listen — that can come a moment after the clients reconnected (CI).
    await within(10_000, 'ferretdb logged as running again', said('ferretdb is running again'));
    // The new process is recorded as the stack's own (a later crash or stop finds it).
    const leaderAfter = readState(dataDir)!.children.find((c) => c.name === 'ferretdb')!.pid;
    expect(leaderAfter).not.toBe(leaderBefore);
    expect(serviceProcess(dataDir, 'ferretdb', /ferretdb$/)).not.toBe(ferretdb);

    // The same for Temporal: killed, started again on its own file; the worker reconnects and a ticket is recorded.
    const temporal = serviceProcess(dataDir, 'temporal', /temporal$/);
    process.kill(temporal, 'SIGKILL');
    await within(20_000, 'the exit of temporal noticed', said('temporal exited'));
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();
    const key = `idem-restart-${randomUUID()}`;
    let last = '';
    const recordings: Record<string, number> = {};
    // One body for every try: a retry with the same key must send the same request (a new observedAt is another request: 409).
    const body = { offenceCode: '141312', plate: 'HA-RS 1', place: 'Neustartweg 1, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString() };
    const recorded = await within(90_000, 'a ticket recorded after the Temporal restart', async () => {
      const res = await warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': key })
        .catch((error: unknown) => { recordings.lost = (recordings.lost ?? 0) + 1; throw error; });
      recordings[res.status] = (recordings[res.status] ?? 0) + 1;
      last = `${res.status} ${JSON.stringify(res.json)}`;
      return res.status === 201 ? res : undefined;
    }).catch((error: Error) => { throw new Error(`${error.message}; last answer: ${last}`); });
    expect(recorded.value.json.status).toBe('open');
    await within(10_000, 'temporal logged as running again', said('temporal is running again'));
    const lines = warn.mock.calls.map((c) => String(c[0]));
    const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
    console.info(`[chaos] restarts: 2 services killed (-9), ${count(/(ferretdb|temporal) exited/)} exits and ${count(/(ferretdb|temporal) is running again/)} restarts logged by the stack; `
      + `FerretDB: a sign-in answered 200 ${Math.round(back.ms / 1000)} s after the exit was noticed (sign-ins ${JSON.stringify(signIns)}); `
      + `Temporal: a ticket recorded ${Math.round(recorded.ms / 1000)} s after the exit was noticed (recordings ${JSON.stringify(recordings)}); 1 ticket open`);
  }, 300_000);
});
