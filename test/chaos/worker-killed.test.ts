/**
 * Chaos: the worker process is killed with SIGKILL in the middle of a procedure — after the
 * payment was booked and the case written as paid, while the receipt e-mail is being sent (the
 * relay holds the connection, so the mail is not out yet). A new worker takes over: every case
 * completes, with exactly one payment and exactly one receipt e-mail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';
import { outcomeOf, recordAndPay, smtpProxy, startChaosSystem, type ChaosSystem } from './harness';

const TICKETS = 5;
let chaos: ChaosSystem;
let proxy: Awaited<ReturnType<typeof smtpProxy>>;

beforeAll(async () => {
  proxy = await smtpProxy(stack.smtpUrl);
  chaos = await startChaosSystem('chaos_worker_killed', proxy.url);
});
afterAll(async () => {
  await chaos?.stop();
  await proxy?.close();
});

describe('chaos: the worker is killed mid-procedure', () => {
  it(`when the worker gets SIGKILL after ${TICKETS} payments were booked and while their receipts are being sent, then after a restart every case completes with one payment and one e-mail`, async () => {
    proxy.mode = 'hold';
    const run = Date.now();
    const cases = await Promise.all(Array.from({ length: TICKETS }, async (_, i) => {
      const email = `chaos-kill-${run}-${i}@example.org`;
      return { email, ...(await recordAndPay(chaos, `HA-CK ${100 + i}`, email)) };
    }));
    // Every receipt is on its way: the relay holds one connection per case, and nothing was sent.
    await eventually(async () => proxy.held.size >= TICKETS, `${TICKETS} receipt e-mails in flight`, { tries: 300, everyMs: 100 });
    for (const c of cases) expect(await outcomeOf(chaos, c.ticketNumber, c.email)).toMatchObject({ status: 'paid', payments: 1, receipts: 0 });

    const killed = chaos.worker!;
    process.kill(killed.child.pid!, 'SIGKILL');
    expect(await killed.exited).toBeNull(); // killed by the signal, no exit code
    proxy.mode = 'pass';
    for (const socket of proxy.held) socket.destroy();
    const restartedAt = Date.now();
    await chaos.startWorker();

    // The killed attempts time out (start-to-close, 1 minute) and are retried by the new worker.
    const outcomes = await eventually(async () => {
      const all = await Promise.all(cases.map((c) => outcomeOf(chaos, c.ticketNumber, c.email)));
      return all.every((o) => o.receipts >= 1) && all;
    }, 'every receipt sent after the restart', { tries: 240, everyMs: 1000 });
    const completed = await Promise.all(cases.map(async (c) => (await chaos.system.temporal.workflow.getHandle(c.workflowId).result()) as { status: string }));
    // A late duplicate would arrive now, if at all: read the counts once more after the workflows closed.
    const final = await Promise.all(cases.map((c) => outcomeOf(chaos, c.ticketNumber, c.email)));
    console.info(`[chaos] worker SIGKILL: ${TICKETS} tickets, ${completed.filter((r) => r.status === 'paid').length} completed as paid, `
      + `${final.filter((o) => o.status !== 'paid').length} lost, payments per case ${[...new Set(final.map((o) => o.payments))].join('/')}, `
      + `receipt e-mails per case ${[...new Set(final.map((o) => o.receipts))].join('/')}; all sent ${Math.round((Date.now() - restartedAt) / 1000)} s after the restart `
      + `(${outcomes.length} cases; ${proxy.connections.length} SMTP connections, ${proxy.connections.filter((c) => c.mode === 'hold').length} held by the hung relay)`);
    for (const o of final) expect(o).toEqual({ status: 'paid', payments: 1, booked: 1, paid: 1, receipts: 1 });
    expect(completed.map((r) => r.status)).toEqual(Array(TICKETS).fill('paid'));
  });
});
