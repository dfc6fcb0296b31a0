/**
 * Chaos: the Temporal dev server of the embedded stack is killed (SIGKILL) while tickets wait
 * in their 7-day payment window; the stack starts it again on the same database file. After the
 * restart every ticket's workflow still runs with its 7-day timer pending and due at the same
 * instant as before the kill (the TimerStarted event's time plus its timeout, read from the
 * history before and after: the same timer, not fired, not cancelled, not started again), a
 * timer due a few seconds after the restart fires, and a payment reported after the restart
 * closes its ticket.
 *
 * Why the timer seen firing is a test-only 30 s workflow and not a ticket's: a ticket's timer
 * cannot be made due within this test. The dev server (`temporal server start-dev`) runs in real
 * time and cannot skip time — only Temporal's in-memory Java test server can, and it keeps
 * nothing across a restart, which is what is tested here. And a ticket's window ends at a
 * Berlin midnight (paymentDeadline(observedAt, 7)): a ticket observed 8 days ago is due at once
 * (before the kill), one observed 7 days ago up to 24 h later. The 7-day rule itself is tested
 * with time skipping (test/workflows/parking-ticket.test.ts, daylight-saving.test.ts); a durable
 * timer is the same server object whichever workflow started it.
 */
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { freePort } from '../../scripts/lib/stack';
import { readState } from '../../scripts/lib/processes';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { paymentBookedSignal } from '../../workflows/parking-ticket/shared';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { eventually } from '../support/eventually';
import { ticketBody } from './harness';
import { dataConverter } from '../../temporal/connection';

const TICKETS = 10;
const TIMER_MS = 30_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c().catch(() => undefined); }, 120_000);

/** The service process itself in the stack's recorded process group (not its watchdog shell). */
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

const DAY_S = 24 * 3600;

interface PendingTimer { timerId: string; seconds: number; firesAt: number }
const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);

/**
 * The timers a workflow's history started and that neither fired nor were cancelled: their
 * timeout in seconds and when they fire (the TimerStarted event's time plus the timeout).
 * Temporal's public API has no list of pending timers (DescribeWorkflowExecution lists
 * activities and children, not timers); the history is where the server keeps them.
 */
async function pendingTimersOf(app: RunningSystem, workflowId: string): Promise<PendingTimer[]> {
  const history = await app.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const started = new Map<string, PendingTimer>();
  for (const e of history.events ?? []) {
    const a = e.timerStartedEventAttributes;
    if (a) started.set(a.timerId!, { timerId: a.timerId!, seconds: Number(a.startToFireTimeout?.seconds ?? 0), firesAt: ms(e.eventTime) + ms(a.startToFireTimeout) });
    const closed = e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
    if (closed) started.delete(closed);
  }
  return [...started.values()];
}
const pendingTimers = async (app: RunningSystem, workflowId: string) => (await pendingTimersOf(app, workflowId)).map((t) => t.seconds);

/** The ticket's payment-window timer (about 7 days), if pending. */
const windowTimer = async (app: RunningSystem, workflowId: string) => (await pendingTimersOf(app, workflowId)).find((t) => t.seconds > 6 * DAY_S);

/** When the history says a timer fired. */
async function firedAt(app: RunningSystem, workflowId: string, timerId: string): Promise<number | undefined> {
  const history = await app.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const fired = history.events?.find((e) => e.timerFiredEventAttributes?.timerId === timerId);
  return fired ? ms(fired.eventTime) : undefined;
}

describe('chaos: Temporal restarts while tickets wait', () => {
  it(`when the Temporal dev server is killed with ${TICKETS} tickets in their 7-day window, then after the stack restarts it on the same file every timer is still there and a timer due after the restart fires`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-chaos-temporal-'));
    const env: Record<string, string> = { AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
    for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
    const app = await runSystem(loadConfig(env));
    cleanups.push(() => app.stop());
    await createTestAccount(app, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();

    // A worker of its own for the timer workflow, on its own task queue, against the stack's Temporal.
    const connection = await NativeConnection.connect({ address: app.stack!.temporalAddress! });
    const taskQueue = `chaos-timer-${randomUUID().slice(0, 8)}`;
    const timerWorker = await Worker.create({
      connection, namespace: app.system.services.temporal.namespace, taskQueue,
      dataConverter: dataConverter(app.system.secrets.payloadKey),
      workflowBundle: await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./fixtures/timer-workflow.ts', import.meta.url)), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never }),
    });
    const running = timerWorker.run();
    cleanups.push(async () => { timerWorker.shutdown(); await running.catch(() => undefined); await connection.close(); });

    const tickets: { ticketNumber: string; workflowId: string; paymentDeadline: number }[] = [];
    for (let i = 0; i < TICKETS; i += 1) {
      const res = await warden.request('POST', '/api/parking-tickets', ticketBody(`HA-TR ${100 + i}`), { 'Idempotency-Key': `chaos-temporal-${i}-${randomUUID().slice(0, 8)}` });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      const t = await app.system.model.tickets.findOne({ ticketNumber: res.json.ticketNumber }).lean();
      tickets.push({ ticketNumber: res.json.ticketNumber, workflowId: t!.workflowId, paymentDeadline: new Date(t!.paymentDeadline).getTime() });
    }
    const timer = await app.system.temporal.workflow.start('timerWorkflow', { taskQueue, workflowId: `chaos-timer-${randomUUID()}`, args: [TIMER_MS] });
    const timerDue = Date.now() + TIMER_MS;
    const shortTimer = (await eventually(async () => { const p = await pendingTimersOf(app, timer.workflowId); return p.length === 1 && p; }, 'the short timer started', { tries: 300, everyMs: 200 }))[0]!;
    // Before: each ticket waits on a timer of about 7 days (the payment window), due at its payment deadline.
    const before = new Map<string, PendingTimer>();
    for (const t of tickets) {
      const pending = await eventually(async () => { const p = await pendingTimers(app, t.workflowId); return p.some((s) => s > 6 * DAY_S) && p; }, `the 7-day timer of ${t.ticketNumber}`);
      expect(Math.max(...pending)).toBeLessThanOrEqual(8 * DAY_S); // to the end of the last day, Berlin time
      const window = (await windowTimer(app, t.workflowId))!;
      // The workflow sleeps until the deadline from its task's start; the event is written a moment later.
      expect(window.firesAt - t.paymentDeadline, `${t.ticketNumber}: timer due ${new Date(window.firesAt).toISOString()}, deadline ${new Date(t.paymentDeadline).toISOString()}`)
        .toBeGreaterThanOrEqual(-1000);
      expect(window.firesAt - t.paymentDeadline).toBeLessThan(60_000);
      before.set(t.workflowId, window);
    }

    const temporal = serviceProcess(dataDir, 'temporal', /temporal$/);
    const killedAt = Date.now();
    process.kill(temporal, 'SIGKILL');
    // The stack notices and starts it again on the same file; the clients reconnect.
    const back = await eventually(async () => {
      try { return serviceProcess(dataDir, 'temporal', /temporal$/) !== temporal && (await app.system.temporal.workflow.getHandle(tickets[0]!.workflowId).describe()).status.name === 'RUNNING'; } catch { return false; }
    }, 'Temporal answering again', { tries: 240, everyMs: 500 });
    expect(back).toBe(true);
    const downMs = Date.now() - killedAt;
    // Read first (it is due soon): still pending, unless it already fired.
    const shortAfter = (await pendingTimersOf(app, timer.workflowId)).find((t) => t.timerId === shortTimer.timerId);

    let stillPending = 0;
    let sameFireTime = 0;
    const after = new Map<string, PendingTimer | undefined>();
    for (const t of tickets) {
      const d = await app.system.temporal.workflow.getHandle(t.workflowId).describe();
      expect(d.status.name).toBe('RUNNING');
      if ((await pendingTimers(app, t.workflowId)).some((s) => s > 6 * DAY_S)) stillPending += 1;
      const window = await windowTimer(app, t.workflowId);
      after.set(t.workflowId, window);
      if (window && window.timerId === before.get(t.workflowId)!.timerId && window.firesAt === before.get(t.workflowId)!.firesAt) sameFireTime += 1;
    }
    const restartedBeforeDue = Date.now() < timerDue;
    expect(await timer.result()).toBe('fired');
    const firedLateMs = Date.now() - timerDue;
    const shortFiredAt = await firedAt(app, timer.workflowId, shortTimer.timerId);

    // The workflows go on after the restart: a payment reported now closes its ticket.
    const paid = app.system.temporal.workflow.getHandle(tickets[0]!.workflowId);
    await paid.signal(paymentBookedSignal, { paymentId: `pay-chaos-${tickets[0]!.ticketNumber}`, amountCents: 5500, bookedAt: new Date().toISOString(), channel: 'bank_transfer' });
    expect(((await paid.result()) as { status: string }).status).toBe('paid');

    const firesAt = [...before.values()].map((w) => w.firesAt);
    console.info(`[chaos] Temporal restart: ${TICKETS} tickets waiting, dev server killed and back in ${Math.round(downMs / 1000)} s; `
      + `${tickets.length} still running, ${stillPending} with their 7-day timer pending, ${sameFireTime} of them due at the same instant as before the kill `
      + `(${new Date(Math.min(...firesAt)).toISOString()} … ${new Date(Math.max(...firesAt)).toISOString()}, each its payment deadline + ≤ ${Math.max(...tickets.map((t) => before.get(t.workflowId)!.firesAt - t.paymentDeadline))} ms); `
      + `short timer (due ${Math.round(TIMER_MS / 1000)} s after start, ${restartedBeforeDue ? 'after' : 'before'} the restart, due time ${shortAfter ? (shortAfter.firesAt === shortTimer.firesAt ? 'unchanged' : 'changed') : 'not read: fired already'}) `
      + `fired ${Math.max(0, Math.round(firedLateMs / 1000))} s after due (${shortFiredAt === undefined ? '?' : shortFiredAt - shortTimer.firesAt} ms after its due time in the history); 1 paid after the restart`);
    expect(stillPending).toBe(TICKETS);
    // The same timer (id) due at the same instant after the restart as before the kill, for every ticket.
    expect(tickets.map((t) => ({ ticket: t.ticketNumber, timer: after.get(t.workflowId) })))
      .toEqual(tickets.map((t) => ({ ticket: t.ticketNumber, timer: before.get(t.workflowId) })));
    expect(restartedBeforeDue).toBe(true);
    // The short timer: the same due time after the restart (if still pending when read), fired at it and not before.
    if (shortAfter) expect(shortAfter).toEqual(shortTimer);
    expect(shortFiredAt).toBeGreaterThanOrEqual(shortTimer.firesAt - 1);
  }, 300_000);
});
