/**
 * Chaos: the database stops during a stream of submissions — first paused (SIGSTOP: it accepts
 * connections and never answers), then killed (SIGKILL) and started again on its files. Every
 * answer is either the ticket (201) or 503 with Retry-After; nothing answered 201 is missing
 * from the read model afterwards; and the refused ones, retried with their keys, are recorded
 * once each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { ferretdbPath } from '../../scripts/lib/binaries';
import { freePort } from '../../scripts/lib/stack';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { ticketBody } from './harness';

const SUBMISSIONS = 60;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c().catch(() => undefined); }, 120_000);

/** A FerretDB of this test's own (so it can be paused and killed), on fixed files and port. */
function ferretdb(dir: string, port: number): ChildProcess {
  const child = spawn(ferretdbPath(), ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dir}`, '--telemetry=disable', '--log-level=error', '--debug-addr=-'], { stdio: 'ignore' });
  cleanups.push(async () => { try { process.kill(child.pid!, 'SIGCONT'); process.kill(child.pid!, 'SIGKILL'); } catch { /* gone */ } });
  return child;
}
const listening = (port: number) => eventually(() => new Promise<boolean>((ok) => { const s = connect(port, '127.0.0.1', () => { s.end(); ok(true); }).on('error', () => ok(false)); }), 'FerretDB listening', { tries: 200, everyMs: 100 });

describe('chaos: the database stops during submissions', () => {
  it(`when FerretDB is paused and then killed while ${SUBMISSIONS} tickets are recorded, then every answer is 201 or 503 with Retry-After and nothing accepted is lost`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsweg-chaos-db-'));
    const port = await freePort();
    let db = ferretdb(dir, port);
    await listening(port);
    const config = loadConfig({ PORT: String(await freePort()), AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-chaos-db-data-')), TEMPORAL_TASK_QUEUE: `chaos-db-${randomUUID().slice(0, 8)}`, STAFF_ADMIN_SECOND_FACTOR: 'optional' });
    const app: RunningSystem = await runSystem(config, { temporalAddress: stack.temporalAddress, mongodbUri: `mongodb://127.0.0.1:${port}/chaos`, smtpUrl: stack.smtpUrl });
    cleanups.push(() => app.stop());
    await createTestAccount(app, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();

    const run = randomUUID().slice(0, 8);
    const submission = (i: number) => ({ key: `chaos-db-${run}-${i}`, body: ticketBody(`HA-DB ${100 + i}`) });
    const send = (i: number) => warden.request('POST', '/api/parking-tickets', submission(i).body, { 'Idempotency-Key': submission(i).key })
      .catch((error: Error) => ({ status: 0, json: { error: String(error) }, headers: new Headers() }));
    const answers = new Map<number, { status: number; json: any; headers: Headers }>();
    let next = 0;
    const stream = Promise.all(Array.from({ length: 3 }, async () => {
      while (next < SUBMISSIONS) { const i = next++; answers.set(i, await send(i)); await new Promise((r) => setTimeout(r, 100)); }
    }));
    const reached = (n: number) => eventually(async () => answers.size >= n, `${n} answers`, { tries: 1200, everyMs: 100 });
    // Paused for 4 s after a third of the stream, killed and started again on its files after two thirds.
    await reached(SUBMISSIONS / 3);
    process.kill(db.pid!, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, 4000));
    process.kill(db.pid!, 'SIGCONT');
    await reached((2 * SUBMISSIONS) / 3);
    process.kill(db.pid!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 2000));
    db = ferretdb(dir, port);
    await listening(port);
    await stream;

    const statuses = [...answers.values()].reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
    const odd = [...answers.values()].filter((a) => a.status !== 201 && !(a.status === 503 && /^\d+$/.test(a.headers.get('retry-after') ?? '')));
    // Every ticket answered 201 is in the read model.
    const accepted = [...answers.entries()].filter(([, a]) => a.status === 201);
    const missing = await eventually(async () => {
      const gone = [];
      // Right after the restart a read may still fail (pool cleared, breaker open): ask again, do not count it as lost.
      try {
        for (const [, a] of accepted) if (!(await app.system.model.tickets.findOne({ ticketNumber: a.json.ticketNumber }).lean())) gone.push(a.json.ticketNumber);
      } catch {
        return undefined;
      }
      return gone.length === 0 ? gone : undefined;
    }, 'every accepted ticket in the read model', { tries: 100, everyMs: 300 }).catch(() => ['(some)']);
    // The refused ones again with their keys, as the client would.
    const refused = [...answers.keys()].filter((i) => answers.get(i)!.status !== 201);
    for (const i of refused) {
      let last: { status: number; json: any } | undefined;
      const again = await eventually(async () => { const r = await send(i); last = r; return r.status === 201 && r; }, `submission ${i} accepted on retry`, { tries: 60, everyMs: 500 })
        .catch((error: Error) => { throw new Error(`${error.message}; first answer ${answers.get(i)!.status} ${JSON.stringify(answers.get(i)!.json)}, last ${last?.status} ${JSON.stringify(last?.json)}`); });
      answers.set(i, again);
    }
    const numbers = new Set([...answers.values()].map((a) => a.json.ticketNumber));
    const inReadModel = await app.system.model.tickets.countDocuments({ plate: /^HA-DB / });
    console.info(`[chaos] database stopped: ${SUBMISSIONS} submissions → ${JSON.stringify(statuses)} during pause and kill; `
      + `${accepted.length} accepted, ${missing.length} of them missing from the read model; ${refused.length} refused, retried with their keys; `
      + `${numbers.size} distinct tickets, ${inReadModel} in the read model`);
    expect(odd.map((a) => `${a.status} ${JSON.stringify(a.json)}`)).toEqual([]);
    expect(missing).toEqual([]);
    expect({ numbers: numbers.size, inReadModel }).toEqual({ numbers: SUBMISSIONS, inReadModel: SUBMISSIONS });
  }, 300_000);
});
