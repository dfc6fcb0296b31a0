/**
 * Chaos: the SMTP relay is down (every connection reset) while payments are booked. The
 * receipt e-mails are retried with growing pauses (Temporal's backoff, read from the pending
 * activities), the cases wait rather than fail, and once the relay is back each receipt is
 * sent exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';
import { outcomeOf, recordAndPay, smtpProxy, startChaosSystem, type ChaosSystem } from './harness';

const TICKETS = 3;
let chaos: ChaosSystem;
let proxy: Awaited<ReturnType<typeof smtpProxy>>;

beforeAll(async () => {
  proxy = await smtpProxy(stack.smtpUrl);
  chaos = await startChaosSystem('chaos_smtp_down', proxy.url);
});
afterAll(async () => {
  await chaos?.stop();
  await proxy?.close();
});

const seconds = (t?: { seconds?: unknown; nanos?: number | null } | null) => (t ? Number(t.seconds ?? 0) + (t.nanos ?? 0) / 1e9 : undefined);

describe('chaos: the SMTP relay is down', () => {
  it(`when the relay resets every connection while ${TICKETS} tickets are paid, then the receipts are retried with backoff and each is sent once when it is back`, async () => {
    proxy.mode = 'reset';
    const run = Date.now();
    const cases = await Promise.all(Array.from({ length: TICKETS }, async (_, i) => {
      const email = `chaos-smtp-${run}-${i}@example.org`;
      return { email, ...(await recordAndPay(chaos, `HA-SD ${100 + i}`, email)) };
    }));

    // The pending receipt activity of each case: its attempt and the pause before the next one.
    const pauses = new Map<string, Map<number, number>>(cases.map((c) => [c.workflowId, new Map()]));
    const sample = async () => {
      for (const c of cases) {
        const described = await chaos.system.temporal.workflow.getHandle(c.workflowId).describe();
        for (const a of described.raw.pendingActivities ?? []) {
          const next = seconds(a.nextAttemptScheduleTime);
          const last = seconds(a.lastAttemptCompleteTime);
          if (next !== undefined && last !== undefined && a.attempt) pauses.get(c.workflowId)!.set(a.attempt - 1, Math.round(next - last));
        }
      }
      return [...pauses.values()].every((p) => p.size >= 3);
    };
    await eventually(sample, 'three failed attempts of every receipt', { tries: 120, everyMs: 500 });
    for (const c of cases) expect(await outcomeOf(chaos, c.ticketNumber, c.email)).toMatchObject({ status: 'paid', payments: 1, receipts: 0 });
    const refused = proxy.connections.length;

    proxy.mode = 'pass';
    const backAt = Date.now();
    await eventually(async () => (await Promise.all(cases.map((c) => outcomeOf(chaos, c.ticketNumber, c.email)))).every((o) => o.receipts >= 1),
      'every receipt sent after the relay came back', { tries: 120, everyMs: 500 });
    const sentAfter = Math.round((Date.now() - backAt) / 1000);
    await Promise.all(cases.map((c) => chaos.system.temporal.workflow.getHandle(c.workflowId).result()));
    const final = await Promise.all(cases.map((c) => outcomeOf(chaos, c.ticketNumber, c.email)));
    const backoff = [...pauses.values()].map((p) => [...p.entries()].sort(([a], [b]) => a - b).map(([, s]) => s));
    console.info(`[chaos] SMTP down: ${TICKETS} receipts, ${refused} connection attempts reset; pauses between attempts per receipt (s): `
      + `${backoff.map((b) => b.join('→')).join(', ')}; relay back → all sent within ${sentAfter} s; `
      + `receipt e-mails per case ${[...new Set(final.map((o) => o.receipts))].join('/')}, payments per case ${[...new Set(final.map((o) => o.payments))].join('/')}`);
    for (const b of backoff) {
      // Temporal's retry policy (2 s, doubling): each pause longer than the one before.
      expect(b.slice(0, 3)).toEqual([2, 4, 8]);
    }
    for (const o of final) expect(o).toEqual({ status: 'paid', payments: 1, booked: 1, paid: 1, receipts: 1 });
  });
});
