/**
 * A dependency that hangs or is gone costs a request at most 2 s: the answer is 503 with
 * Retry-After, never a request held open for the driver's or the client's default timeouts.
 * FerretDB is paused (SIGSTOP) — a database that accepts connections but never answers — and
 * continued; Temporal is cut off behind a TCP proxy. Nothing accepted during the outage is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { ferretdbPath } from '../../scripts/lib/binaries';
import { freePort } from '../../scripts/lib/stack';
import { connectSystem, type System } from '../../system/system';
import { createApp } from '../../server/app';
import { stack, testMongoUri } from '../support/env';
import { HttpClient, TEST_STAFF, createTestAccount } from '../support/system';
import { eventually } from '../support/eventually';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c().catch(() => undefined); });

async function startFerretDb(): Promise<{ uri: string; child: ChildProcess }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'amtsweg-outage-ferretdb-'));
  const child = spawn(ferretdbPath(), ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dir}`, '--telemetry=disable', '--log-level=error', '--debug-addr=-'], { stdio: 'ignore' });
  cleanups.push(async () => { child.kill('SIGCONT'); child.kill('SIGKILL'); });
  await eventually(() => new Promise<boolean>((ok) => { const s = connect(port, '127.0.0.1', () => { s.end(); ok(true); }).on('error', () => ok(false)); }), 'FerretDB listening');
  return { uri: `mongodb://127.0.0.1:${port}/outage`, child };
}

/** A TCP proxy to Temporal that can cut every connection and refuse new ones (Temporal gone). */
async function proxyTo(address: string): Promise<{ address: string; cut(): Promise<void> }> {
  const [host, port] = [address.split(':')[0]!, Number(address.split(':')[1])];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    for (const s of [client, upstream]) { sockets.add(s); s.on('close', () => sockets.delete(s)).on('error', () => undefined); }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    address: `127.0.0.1:${(server.address() as { port: number }).port}`,
    async cut() { await new Promise((ok) => { server.close(ok); for (const s of sockets) s.destroy(); }); },
  };
}

/**
 * A TCP proxy to Temporal that can go silent: `hang()` keeps every connection open but forwards
 * nothing more, and accepts new connections without ever answering (a Temporal that is stopped,
 * or a network that swallows packets); `heal()` drops the silent connections and forwards again.
 */
async function silenceableProxyTo(address: string): Promise<{ address: string; hang(): void; heal(): void; close(): Promise<void> }> {
  const [host, port] = [address.split(':')[0]!, Number(address.split(':')[1])];
  let silent = false;
  const pairs = new Set<[Socket, Socket | undefined]>();
  const server: Server = createServer((client) => {
    client.on('error', () => undefined);
    if (silent) { const pair: [Socket, undefined] = [client, undefined]; pairs.add(pair); client.on('close', () => pairs.delete(pair)); client.resume(); return; }
    const upstream = connect(port, host).on('error', () => undefined);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('close', () => { pairs.delete(pair); upstream.destroy(); });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    address: `127.0.0.1:${(server.address() as { port: number }).port}`,
    hang() {
      silent = true;
      // Bytes still arrive (and are read and dropped) but nothing goes through in either direction.
      for (const [client, upstream] of pairs) { client.unpipe(); upstream?.unpipe(); client.resume(); upstream?.resume(); }
    },
    heal() {
      silent = false;
      for (const [client, upstream] of pairs) { client.destroy(); upstream?.destroy(); }
    },
    async close() { await new Promise((ok) => { server.close(ok); for (const [c, u] of pairs) { c.destroy(); u?.destroy(); } }); },
  };
}

const ticket = (plate: string) => ({ offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() });

/** How many of each status: { 503: 3 }. */
const countBy = (answers: { status: number }[]) => answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work;
  return { value, ms: performance.now() - t0 };
}

describe('a dependency outage', () => {
  it('when FerretDB is paused, then a database route answers 503 with Retry-After within 2 s; after it continues, the route answers again and nothing accepted is lost', async () => {
    const db = await startFerretDb();
    const port = await freePort();
    const config = loadConfig({ STAFF_ADMIN_SECOND_FACTOR: 'optional', PORT: String(port), AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-outage-')), TEMPORAL_TASK_QUEUE: `outage-${port}` });
    const app: RunningSystem = await runSystem(config, { temporalAddress: stack.temporalAddress, mongodbUri: db.uri, smtpUrl: stack.smtpUrl });
    cleanups.push(() => app.stop());
    await createTestAccount(app, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();
    const before = await warden.request('POST', '/api/parking-tickets', ticket('HA-OU 1'), { 'Idempotency-Key': 'outage-1' });
    expect(before.status).toBe(201);
    const citizen = new HttpClient(app.baseUrl);
    const access = () => citizen.request('POST', '/api/parking-tickets/access', { code: before.json.accessCode, plate: 'HA-OU 1' });
    expect((await access()).status).toBe(200);

    const during: { what: string; status: number; ms: number }[] = [];
    // One body for the try and its retry: a new observedAt with the same key would be another request (409).
    const second = ticket('HA-OU 2');
    db.child.kill('SIGSTOP');
    try {
      for (let i = 0; i < 3; i += 1) {
        const { value: paused, ms } = await timed(access());
        during.push({ what: 'look-up', status: paused.status, ms: Math.round(ms) });
        expect({ status: paused.status, retryAfter: paused.headers.get('retry-after'), code: paused.json?.error?.code }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), code: 'dependency_unavailable' });
        expect(ms).toBeLessThan(2000);
        console.info(`[outage] FerretDB paused: portal look-up ${paused.status} after ${Math.round(ms)} ms`);
      }
      const { value: recording, ms } = await timed(warden.request('POST', '/api/parking-tickets', second, { 'Idempotency-Key': 'outage-2' }));
      during.push({ what: 'recording', status: recording.status, ms: Math.round(ms) });
      expect(ms).toBeLessThan(2000);
      expect([201, 503]).toContain(recording.status);
      console.info(`[outage] FerretDB paused: recording ${recording.status} after ${Math.round(ms)} ms`);
      // The health route too: down, within 2 s, with Retry-After (a monitor knows when to ask again).
      const { value: health, ms: healthMs } = await timed(citizen.request('GET', '/api/health'));
      expect({ status: health.status, retryAfter: health.headers.get('retry-after'), json: health.json }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), json: { status: 'degraded' } });
      expect(healthMs).toBeLessThan(2000);
      console.info(`[outage] FerretDB paused: health ${health.status} after ${Math.round(healthMs)} ms`);
    } finally {
      db.child.kill('SIGCONT');
    }

    let lookUps = 0;
    await eventually(async () => { lookUps += 1; return (await access()).status === 200; }, 'the portal answering again', { tries: 50, everyMs: 200 });
    // The recording the outage refused (or accepted) is repeated with its key: one ticket, none lost.
    let retries = 0;
    const again = await eventually(async () => { retries += 1; const r = await warden.request('POST', '/api/parking-tickets', second, { 'Idempotency-Key': 'outage-2' }); return r.status === 201 && r; }, 'the recording accepted', { tries: 50, everyMs: 200 });
    const stored = await app.system.model.tickets.countDocuments({ plate: { $in: ['HA-OU 1', 'HA-OU 2'] } });
    const pausedLookUps = during.filter((d) => d.what === 'look-up');
    console.info(`[chaos] FerretDB paused: ${pausedLookUps.length} portal look-ups → ${JSON.stringify(countBy(pausedLookUps))}, 1 recording → ${during.at(-1)!.status}, each within ${Math.max(...during.map((d) => d.ms))} ms at most; `
      + `after SIGCONT the portal answered 200 on look-up ${lookUps}, the recording 201 on retry ${retries} with its key; ${stored} tickets stored for 2 keys`);
    expect(stored).toBe(2);
    expect((await app.system.model.tickets.findOne({ ticketNumber: again.json.ticketNumber }).lean())?.plate).toBe('HA-OU 2');
  }, 90_000);

  it('when Temporal is unreachable, then recording a ticket answers 503 with Retry-After within 2 s', async () => {
    const proxy = await proxyTo(stack.temporalAddress);
    const db = await startFerretDb();
    const config = loadConfig({ STAFF_ADMIN_SECOND_FACTOR: 'optional', PORT: String(await freePort()), AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-outage-')), TEMPORAL_TASK_QUEUE: 'outage-temporal' });
    const system: System = await connectSystem(config, { temporal: { ...config.temporal, address: proxy.address }, mongodbUri: db.uri, smtpUrl: stack.smtpUrl });
    cleanups.push(() => system.close());
    const server = createApp(system).listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    cleanups.push(() => new Promise((ok) => server.close(ok)));
    await createTestAccount(system, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const warden = new HttpClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    await warden.signInStaff();

    // The API document says so: both routes can answer 503, with Retry-After.
    const doc = (await warden.request('GET', '/api/openapi.json')).json;
    for (const [path, method] of [['/api/parking-tickets', 'post'], ['/api/parking-tickets/access', 'post'], ['/api/tasks', 'get']] as const) {
      expect(doc.paths[path][method].responses['503'].headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 });
    }

    await proxy.cut();
    const during: { status: number; ms: number }[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { value: recording, ms } = await timed(warden.request('POST', '/api/parking-tickets', ticket(`HA-TU ${i + 1}`), { 'Idempotency-Key': `outage-temporal-${i}` }));
      during.push({ status: recording.status, ms: Math.round(ms) });
      expect({ status: recording.status, retryAfter: recording.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      expect(ms).toBeLessThan(2000);
      console.info(`[outage] Temporal cut off: recording ${recording.status} after ${Math.round(ms)} ms`);
    }
    console.info(`[chaos] Temporal unreachable: ${during.length} recordings → ${JSON.stringify(countBy(during))} with Retry-After, within ${Math.max(...during.map((d) => d.ms))} ms at most`);
  }, 90_000);

  it('when Temporal accepts connections but never answers, then recording a ticket answers 503 with Retry-After within 2 s (not after the 10 s client deadline); once it answers again, the retry with the same key records the ticket, once', async () => {
    const proxy = await silenceableProxyTo(stack.temporalAddress);
    cleanups.push(() => proxy.close());
    const port = await freePort();
    const config = loadConfig({ STAFF_ADMIN_SECOND_FACTOR: 'optional', PORT: String(port), AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-outage-')), TEMPORAL_TASK_QUEUE: `outage-silent-${port}` });
    // The worker talks to Temporal directly (it is not what is measured); the web process goes through the proxy.
    const worker = await runSystem(config, { temporalAddress: stack.temporalAddress, mongodbUri: testMongoUri('outage_silent'), smtpUrl: stack.smtpUrl });
    cleanups.push(() => worker.stop());
    const system: System = await connectSystem(config, { temporal: { ...config.temporal, address: proxy.address }, mongodbUri: testMongoUri('outage_silent'), smtpUrl: stack.smtpUrl });
    cleanups.push(() => system.close());
    const server = createApp(system).listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    cleanups.push(() => new Promise((ok) => server.close(ok)));
    await createTestAccount(system, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] }).catch(() => undefined);
    const warden = new HttpClient(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
    await warden.signInStaff();
    const first = await warden.request('POST', '/api/parking-tickets', ticket('HA-SI 1'), { 'Idempotency-Key': 'outage-silent-1' });
    expect(first.status).toBe(201);

    proxy.hang();
    const bodies = new Map([2, 3, 4].map((i) => [i, ticket(`HA-SI ${i}`)]));
    const answers: { status: number; ms: number }[] = [];
    for (let i = 2; i <= 4; i += 1) {
      const { value: recording, ms } = await timed(warden.request('POST', '/api/parking-tickets', bodies.get(i), { 'Idempotency-Key': `outage-silent-${i}` }));
      expect({ status: recording.status, retryAfter: recording.headers.get('retry-after'), code: recording.json?.error?.code })
        .toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/), code: 'dependency_unavailable' });
      expect(ms).toBeLessThan(2000);
      answers.push({ status: recording.status, ms: Math.round(ms) });
    }
    console.info(`[outage] Temporal silent: recordings answered ${answers.map((a) => `${a.status} after ${a.ms} ms`).join(', ')}`);

    // Temporal answers again: the retries with the same keys are accepted, one ticket per key.
    proxy.heal();
    let retries = 0;
    for (let i = 2; i <= 4; i += 1) {
      const retried = await eventually(async () => {
        retries += 1;
        const r = await warden.request('POST', '/api/parking-tickets', bodies.get(i), { 'Idempotency-Key': `outage-silent-${i}` });
        return r.status === 201 && r;
      }, 'the retried recording accepted', { tries: 60, everyMs: 250 });
      expect(retried.json.ticketNumber).toMatch(/\S/);
    }
    const stored = await Promise.all([1, 2, 3, 4].map((i) => system.model.tickets.countDocuments({ plate: `HA-SI ${i}` })));
    console.info(`[chaos] Temporal silent: ${answers.length} recordings → ${JSON.stringify(countBy(answers))} with Retry-After within ${Math.max(...answers.map((a) => a.ms))} ms at most; `
      + `after healing ${answers.length} retried with their keys → ${answers.length} × 201 (${retries} tries); tickets per key ${stored.join(', ')}`);
    for (let i = 1; i <= 4; i += 1) expect(stored[i - 1]).toBe(1);
  }, 90_000);
});
