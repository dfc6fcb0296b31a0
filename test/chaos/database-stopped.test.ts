/**
 * Chaos: the database stops during a stream of submissions — first paused (SIGSTOP: it accepts
 * connections and never answers), then killed (SIGKILL) and started again on its files. Every
 * answer is either the ticket (201) or 503 with Retry-After; nothing answered 201 is missing
 * from the read model afterwards; and the refused ones, retried with their keys, are recorded
 * once each. The fault must show: one submission is sent on purpose while the database is
 * paused, and one while it is killed, each answered before the database is back — both must be
 * 503 with Retry-After (the stream's own answers may all fall outside the outage on a slow run).
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
    // One body per submission for every try: a retry with the same key must send the same request (a new
    // observedAt is another request: 409 idempotency_key_reused once the first try had started the workflow).
    const bodies = new Map<number, ReturnType<typeof ticketBody>>();
    const submission = (i: number) => {
      if (!bodies.has(i)) bodies.set(i, ticketBody(`HA-DB ${100 + i}`));
      return { key: `chaos-db-${run}-${i}`, body: bodies.get(i)! };
    };
    type Answer = { status: number; json: any; headers: Headers; answeredAt: number };
    const send = (i: number): Promise<Answer> => warden.request('POST', '/api/parking-tickets', submission(i).body, { 'Idempotency-Key': submission(i).key })
      .catch((error: Error) => ({ status: 0, json: { error: String(error) }, headers: new Headers() }))
      .then((a) => ({ ...a, answeredAt: Date.now() }));
    const answers = new Map<number, Answer>();
    // The last two submissions are the probes (below); the stream sends the others, three at a time.
    const probeIndex = { paused: SUBMISSIONS - 2, killed: SUBMISSIONS - 1 };
    let next = 0;
    const stream = Promise.all(Array.from({ length: 3 }, async () => {
      while (next < SUBMISSIONS - 2) {
        const i = next++;
        const answer = await send(i);
        answers.set(i, answer);
        // A refusal comes at once (the breaker): a pause after it keeps the stream going past the pause into the kill.
        await new Promise((r) => setTimeout(r, answer.status === 201 ? 100 : 1000));
      }
    }));
    const reached = (n: number) => eventually(async () => answers.size >= n, `${n} answers`, { tries: 1200, everyMs: 100 });
    // A probe: a submission sent on purpose during an outage, its answer awaited before the database is back.
    const probe = async (i: number) => { const a = await send(i); answers.set(i, a); return a; };
    const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
    // Paused for 4 s (at least until the probe is answered) after a third of the stream,
    // killed for 2 s and started again on its files after two thirds.
    await reached(SUBMISSIONS / 3);
    process.kill(db.pid!, 'SIGSTOP');
    const paused = { from: Date.now(), to: 0 };
    const pauseProbe = await probe(probeIndex.paused);
    await sleepUntil(paused.from + 4000);
    paused.to = Date.now();
    process.kill(db.pid!, 'SIGCONT');
    await reached((2 * SUBMISSIONS) / 3);
    process.kill(db.pid!, 'SIGKILL');
    const killed = { from: Date.now(), to: 0 };
    const killProbe = await probe(probeIndex.killed);
    await sleepUntil(killed.from + 2000);
    killed.to = Date.now();
    db = ferretdb(dir, port);
    await listening(port);
    await stream;

    const statuses = [...answers.values()].reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
    // 503s with Retry-After answered while the database was paused or gone (the probes included).
    const refusedWithin = (w: { from: number; to: number }) => [...answers.values()]
      .filter((a) => a.status === 503 && /^\d+$/.test(a.headers.get('retry-after') ?? '') && a.answeredAt >= w.from && a.answeredAt <= w.to).length;
    const outage503 = { paused: refusedWithin(paused), killed: refusedWithin(killed) };
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
      + `503 with Retry-After answered while paused ${outage503.paused} (${Math.round((paused.to - paused.from) / 1000)} s), while killed ${outage503.killed} (${Math.round((killed.to - killed.from) / 1000)} s); `
      + `${accepted.length} accepted, ${missing.length} of them missing from the read model; ${refused.length} refused, retried with their keys; `
      + `${numbers.size} distinct tickets, ${inReadModel} in the read model`);
    expect(odd.map((a) => `${a.status} ${JSON.stringify(a.json)}`)).toEqual([]);
    // The fault showed: what was sent while the database was paused, and while it was gone, was refused for it.
    const shape = (a: Answer) => ({ status: a.status, retryAfter: a.headers.get('retry-after'), code: a.json?.error?.code });
    const refusedForTheDatabase = { status: 503, retryAfter: expect.stringMatching(/^[1-9]\d*$/), code: 'dependency_unavailable' };
    expect({ paused: shape(pauseProbe), killed: shape(killProbe) }).toEqual({ paused: refusedForTheDatabase, killed: refusedForTheDatabase });
    expect(outage503.paused).toBeGreaterThanOrEqual(1);
    expect(outage503.killed).toBeGreaterThanOrEqual(1);
    expect(missing).toEqual([]);
    expect({ numbers: numbers.size, inReadModel }).toEqual({ numbers: SUBMISSIONS, inReadModel: SUBMISSIONS });
  }, 300_000);
});
