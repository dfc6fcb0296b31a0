/**
 * What the chaos tests share: amtsweg as production runs it — the web server (server/main.ts)
 * and the worker (workers/main.ts) as separate processes, configured by environment only —
 * against this run's embedded stack, with the worker's SMTP relay behind a proxy the test
 * controls (pass, hold every connection without a greeting, or reset every connection). Every
 * process a test starts is stopped by it, by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../../config/config';
import { freePort } from '../../scripts/lib/stack';
import { connectSystem, type System } from '../../system/system';
import { seedForms } from '../../system/system';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { stack, testMongoUri } from '../support/env';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { eventually } from '../support/eventually';

export interface Proc { name: string; child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Starts `node --import tsx <entry>`; its output is kept for the test's messages. */
export function runEntry(name: string, entry: string, env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { name, child, output: () => output, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
}

export async function waitForLine(proc: Proc, line: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!proc.output().includes(line)) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode ?? proc.child.signalCode}) before "${line}":\n${proc.output()}`);
    if (Date.now() > deadline) throw new Error(`${proc.name}: no "${line}" within ${timeoutMs / 1000} s:\n${proc.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops a process the test started, by its pid: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProc(proc: Proc | undefined, graceMs = 20_000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  process.kill(proc.child.pid!, 'SIGTERM');
  const timer = setTimeout(() => { try { process.kill(proc.child.pid!, 'SIGKILL'); } catch { /* gone */ } }, graceMs);
  await proc.exited;
  clearTimeout(timer);
}

export type SmtpMode = 'pass' | 'hold' | 'reset';

/**
 * A TCP proxy in front of the SMTP relay. 'pass': connections go through; 'hold': a connection
 * is accepted and never greeted (a relay that hangs: the mail is not sent); 'reset': a
 * connection is closed at once (a relay that is down). Every connection is counted with its time.
 */
export async function smtpProxy(target: string): Promise<{
  url: string; mode: SmtpMode; connections: { at: number; mode: SmtpMode }[]; held: Set<Socket>;
  /** Connects every held connection to the relay (the hung relay recovers): their mails go out. */
  release(): void;
  close(): Promise<void>;
}> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const pass = (client: Socket) => {
    const upstream = connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.on('close', () => { sockets.delete(upstream); client.destroy(); }).on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  };
  const proxy = {
    url: '', mode: 'pass' as SmtpMode, connections: [] as { at: number; mode: SmtpMode }[], held: new Set<Socket>(),
    release: () => { for (const client of proxy.held) { proxy.held.delete(client); pass(client); } },
    close: async () => { for (const s of sockets) s.destroy(); await new Promise((ok) => server.close(ok)); },
  };
  const server: Server = createServer((client) => {
    proxy.connections.push({ at: Date.now(), mode: proxy.mode });
    sockets.add(client);
    client.on('close', () => { sockets.delete(client); proxy.held.delete(client); }).on('error', () => undefined);
    if (proxy.mode === 'reset') { client.destroy(); return; }
    if (proxy.mode === 'hold') { proxy.held.add(client); return; }
    pass(client);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  proxy.url = `smtp://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}

export interface ChaosSystem {
  env: NodeJS.ProcessEnv;
  baseUrl: string;
  system: System;
  server: Proc;
  worker?: Proc;
  warden: HttpClient;
  startWorker(): Promise<Proc>;
  stop(): Promise<void>;
}

/** Web server and worker as two processes on this run's stack; the worker's mail goes to `smtpUrl`. */
export async function startChaosSystem(dbName: string, smtpUrl: string, opts: { workerEnv?: Record<string, string> } = {}): Promise<ChaosSystem> {
  const port = await freePort();
  const mongodbUri = testMongoUri(dbName);
  const dropped = await mongoose.createConnection(mongodbUri).asPromise();
  await dropped.dropDatabase();
  await dropped.close();
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: `amtsweg-${dbName}-${randomUUID().slice(0, 8)}`,
    MONGODB_URI: mongodbUri,
    AMTSWEG_PAYLOAD_KEY: randomBytes(32).toString('base64'),
    AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), `amtsweg-${dbName}-`)),
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    // The fixture account holds every role, admin included: no second factor (as startTestSystem).
    STAFF_ADMIN_SECOND_FACTOR: 'optional',
  };
  const serverEnv = { ...base, SMTP_URL: stack.smtpUrl };
  const workerEnv = { ...base, SMTP_URL: smtpUrl, ...opts.workerEnv };
  const server = runEntry('server', 'server/main.ts', serverEnv);
  const chaos: ChaosSystem = {
    env: workerEnv, baseUrl: `http://127.0.0.1:${port}`, server, warden: new HttpClient(`http://127.0.0.1:${port}`),
    system: undefined as unknown as System,
    async startWorker() {
      const worker = runEntry('worker', 'workers/main.ts', workerEnv);
      chaos.worker = worker;
      await waitForLine(worker, 'worker polling task queue');
      return worker;
    },
    async stop() {
      await Promise.all([stopProc(chaos.worker), stopProc(server)]);
      await chaos.system?.close();
    },
  };
  try {
    await Promise.all([waitForLine(server, 'web server listening'), chaos.startWorker()]);
    const config = loadConfig(serverEnv);
    chaos.system = await connectSystem(config, { temporal: { ...config.temporal, address: config.temporal.address! }, mongodbUri, smtpUrl: stack.smtpUrl });
    await seedForms(chaos.system.forms);
    await createTestAccount(chaos.system, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    await chaos.warden.signInStaff();
    return chaos;
  } catch (error) {
    await chaos.stop();
    throw error;
  }
}

export const ticketBody = (plate: string) => ({ offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() });

/** Records a ticket (warden) and pays it online with a receipt address (citizen, sandbox provider); resolves once it is paid. */
export async function recordAndPay(chaos: ChaosSystem, plate: string, email: string): Promise<{ ticketNumber: string; workflowId: string }> {
  const recorded = await recordTicket(chaos, plate);
  await reportPayment(chaos, recorded, email);
  const ticket = await eventually(async () => {
    const t = await chaos.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean();
    return t?.status === 'paid' && t;
  }, `ticket ${recorded.ticketNumber} paid`, { tries: 300, everyMs: 200 });
  return { ticketNumber: recorded.ticketNumber, workflowId: ticket.workflowId };
}

export interface RecordedTicket { ticketNumber: string; accessCode: string; plate: string }

/** Records a ticket as the warden; a 503 (a loaded machine: the Temporal call's deadline) is asked again with the same key, as a client does. */
export async function recordTicket(chaos: ChaosSystem, plate: string): Promise<RecordedTicket> {
  const key = `chaos-${plate.replace(/[^A-Za-z0-9]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const body = ticketBody(plate);
  let recorded = await chaos.warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': key });
  for (let retry = 1; recorded.status === 503 && retry <= 5; retry += 1) {
    await new Promise((r) => setTimeout(r, 1000 * Number(recorded.json?.error?.retryAfterSeconds ?? 2)));
    recorded = await chaos.warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': key });
  }
  if (recorded.status !== 201) throw new Error(`recording ${plate}: ${recorded.status} ${JSON.stringify(recorded.json)}`);
  return { ticketNumber: recorded.json.ticketNumber, accessCode: recorded.json.accessCode, plate };
}

/** Pays a ticket online (sandbox provider) with a receipt address; resolves once the payment was reported to its workflow (a signal), not when the worker booked it. */
export async function reportPayment(chaos: ChaosSystem, { accessCode, plate }: RecordedTicket, email: string): Promise<void> {
  const citizen = new HttpClient(chaos.baseUrl);
  const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: accessCode, plate });
  if (opened.status !== 200) throw new Error(`opening ${plate}: ${opened.status} ${JSON.stringify(opened.json)}`);
  const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
  const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email, code: accessCode }, bearer);
  if (checkout.status !== 200) throw new Error(`checkout ${plate}: ${checkout.status} ${JSON.stringify(checkout.json)}`);
  const paid = await fetch(`${chaos.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
  });
  if (paid.status !== 303) throw new Error(`sandbox payment ${plate}: ${paid.status} ${await paid.text()}`);
  await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
}

/** The e-mails MailDev caught for one address. */
export async function mailsTo(address: string): Promise<{ subject: string }[]> {
  const all = (await (await fetch(`${stack.mailApiUrl}/api/email`)).json()) as { subject: string; to: { address: string }[] }[];
  return all.filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
}

/** What one paid ticket left behind: bookings, receipts sent (MailDev), audit events of the payment. */
export async function outcomeOf(chaos: ChaosSystem, ticketNumber: string, email: string) {
  const [payments, booked, paid, mails, ticket] = await Promise.all([
    chaos.system.model.payments.countDocuments({ caseNumber: ticketNumber }),
    chaos.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'parking-ticket.payment-booked' }),
    chaos.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'parking-ticket.paid' }),
    mailsTo(email),
    chaos.system.model.tickets.findOne({ ticketNumber }).lean(),
  ]);
  return { status: ticket?.status, payments, booked, paid, receipts: mails.filter((m) => m.subject.includes(ticketNumber)).length };
}
