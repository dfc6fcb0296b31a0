/**
 * The worker's limits, on the real worker process (workers/main.ts, configured by environment):
 * - it never runs more activities at once than WORKER_MAX_CONCURRENT_ACTIVITIES, read from
 *   Temporal's own view of every case's pending activities (started vs. only scheduled) and
 *   from the SMTP connections its receipt activities hold open;
 * - on SIGTERM it stops polling but lets the activities in flight finish within
 *   WORKER_SHUTDOWN_GRACE_SECONDS: the receipts being sent go out once, on their first attempt,
 *   and the worker exits 0 only after they did — nothing waits for the 1-minute timeout and a
 *   retry on the next worker.
 * Six paid tickets, a limit of 3: their receipt e-mails hang at a relay that does not answer
 * (no greeting), so three activities stay busy and the rest wait; the relay recovers 18 s after
 * SIGTERM — later than a worker without grace time would wait (it fails then), inside the 25 s.
 */
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';
import { mailsTo, outcomeOf, recordTicket, reportPayment, smtpProxy, startChaosSystem, stopProc, type ChaosSystem } from './harness';

const TICKETS = 6;
const LIMIT = 3;
const GRACE_S = 25;
// The relay recovers this long after SIGTERM: inside the grace time, but after the SDK's force
// time of a worker without grace (grace + 15 s): with WORKER_SHUTDOWN_GRACE_SECONDS=0 the worker
// would give up on its activities and exit first, and the receipts would wait for the 1-minute
// timeout and a second attempt (the test fails on "the worker waited").
const RELEASE_AFTER_S = 18;
const STARTED = temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED;

let chaos: ChaosSystem;
let proxy: Awaited<ReturnType<typeof smtpProxy>>;

beforeAll(async () => {
  proxy = await smtpProxy(stack.smtpUrl);
  // nodemailer waits 30 s for a greeting by default; here longer than the test holds the relay.
  chaos = await startChaosSystem('chaos_worker_shutdown', `${proxy.url}?greetingTimeout=120000`, {
    workerEnv: { WORKER_MAX_CONCURRENT_ACTIVITIES: String(LIMIT), WORKER_SHUTDOWN_GRACE_SECONDS: String(GRACE_S) },
  });
});
afterAll(async () => {
  await chaos?.stop();
  await proxy?.close();
});

describe('chaos: the worker at its limits and at shutdown', () => {
  it(`when ${TICKETS} receipts are due and the worker may run ${LIMIT} activities, then at most ${LIMIT} run at once; on SIGTERM those in flight finish once and the worker exits 0 after them`, async () => {
    const run = Date.now();
    const recorded = await Promise.all(Array.from({ length: TICKETS }, (_, i) => recordTicket(chaos, `HA-WS ${100 + i}`)));
    const cases = await Promise.all(recorded.map(async (r, i) => {
      const email = `worker-shutdown-${run}-${i}@example.org`;
      const ticket = await chaos.system.model.tickets.findOne({ ticketNumber: r.ticketNumber }).lean();
      return { ...r, email, workflowId: ticket!.workflowId as string };
    }));
    proxy.mode = 'hold';
    await Promise.all(cases.map((c) => reportPayment(chaos, c, c.email)));

    // Temporal's view of every case: activities started (running on the worker) and only scheduled (waiting for a slot).
    let maxStarted = 0;
    let maxWaiting = 0;
    let maxHeld = 0;
    const sample = async () => {
      const described = await Promise.all(cases.map((c) => chaos.system.temporal.workflow.getHandle(c.workflowId).describe()));
      const pending = described.flatMap((d) => d.raw.pendingActivities ?? []);
      const started = pending.filter((a) => a.state === STARTED).length;
      maxStarted = Math.max(maxStarted, started);
      maxWaiting = Math.max(maxWaiting, pending.length - started);
      maxHeld = Math.max(maxHeld, proxy.held.size);
      return started;
    };
    await eventually(async () => (await sample()) >= LIMIT && proxy.held.size >= LIMIT, `${LIMIT} receipts in flight`, { tries: 200, everyMs: 100 });
    // A while at the limit: nothing more starts although activities wait.
    for (const until = Date.now() + 3000; Date.now() < until;) {
      await sample();
      await new Promise((r) => setTimeout(r, 100));
    }
    const sentBefore = (await Promise.all(cases.map((c) => mailsTo(c.email)))).flat().length;
    console.info(`[chaos] worker limit ${LIMIT}: at most ${maxStarted} activities started at once (Temporal), ${maxHeld} SMTP connections held, up to ${maxWaiting} activities waiting; ${sentBefore} receipts sent`);
    expect(maxStarted).toBe(LIMIT);
    expect(maxHeld).toBe(LIMIT);
    expect(maxWaiting).toBeGreaterThan(0);
    expect(sentBefore).toBe(0);

    // SIGTERM while three receipts are in flight; the relay recovers RELEASE_AFTER_S later, inside the grace time.
    const worker = chaos.worker!;
    let exitedAt = 0;
    void worker.exited.then(() => { exitedAt = Date.now(); });
    const termAt = Date.now();
    process.kill(worker.child.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, RELEASE_AFTER_S * 1000));
    expect(exitedAt, 'the worker waited for its activities in flight').toBe(0);
    const releasedAt = Date.now();
    proxy.mode = 'pass';
    proxy.release();
    const code = await worker.exited;
    await eventually(async () => exitedAt > 0, 'exit observed', { tries: 20, everyMs: 50 });
    const inFlight = (await Promise.all(cases.map(async (c) => ({ c, sent: (await mailsTo(c.email)).length })))).filter((x) => x.sent > 0).map((x) => x.c);
    console.info(`[chaos] worker SIGTERM with ${LIMIT} receipts in flight: exit ${code} ${Math.round((exitedAt - termAt) / 100) / 10} s after SIGTERM `
      + `(${Math.round((exitedAt - releasedAt) / 100) / 10} s after the relay recovered; grace ${GRACE_S} s); ${inFlight.length} receipts sent by the stopping worker`);
    expect(code, worker.output()).toBe(0);
    expect(exitedAt).toBeGreaterThan(releasedAt);
    expect(exitedAt - termAt).toBeLessThan(GRACE_S * 1000);
    expect(inFlight).toHaveLength(LIMIT);

    // The next worker does the rest; every case ends with one payment and one receipt, each receipt on its first attempt.
    await stopProc(worker);
    await chaos.startWorker();
    await eventually(async () => {
      const all = await Promise.all(cases.map((c) => outcomeOf(chaos, c.ticketNumber, c.email)));
      return all.every((o) => o.receipts >= 1);
    }, 'every receipt sent', { tries: 120, everyMs: 500 });
    for (const c of cases) {
      expect(await chaos.system.temporal.workflow.getHandle(c.workflowId).result()).toMatchObject({ status: 'paid' });
      expect(await outcomeOf(chaos, c.ticketNumber, c.email)).toEqual({ status: 'paid', payments: 1, booked: 1, paid: 1, receipts: 1 });
      expect(await receiptAttempts(c.workflowId), `receipt attempts of ${c.ticketNumber}`).toEqual([1]);
    }
  });
});

/** The attempts with which the receipt activity of a case started (one entry per completed or failed attempt in history). */
async function receiptAttempts(workflowId: string): Promise<number[]> {
  const history = await chaos.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const receipts = new Set<string>();
  const attempts: number[] = [];
  for (const e of history.events ?? []) {
    if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendPaymentReceipt') receipts.add(String(e.eventId));
    const started = e.activityTaskStartedEventAttributes;
    if (started && receipts.has(String(started.scheduledEventId))) attempts.push(started.attempt ?? 0);
  }
  return attempts;
}
