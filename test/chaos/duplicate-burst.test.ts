/**
 * Chaos: a burst of 1,000 identical submissions with one Idempotency-Key, all sent at once (a
 * client retrying in a loop, a double-clicking crowd behind one proxy), against the embedded
 * stack. One case comes of it, and every request gets the same answer: at once, or — where the
 * burst made a dependency miss its 2 s — 503 with Retry-After first and the same answer when
 * retried with the key.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('chaos_duplicate_burst');
  warden = new HttpClient(app.baseUrl);
  await warden.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const BURST = 1000;

describe('chaos: a burst of duplicate submissions', () => {
  it(`when ${BURST} requests to record one ticket arrive at once with the same Idempotency-Key, then one ticket is recorded and all get the same answer`, async () => {
    const key = `chaos-burst-${randomUUID()}`;
    const body = { offenceCode: '112454', plate: 'HA-CB 1000', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() };
    // A connection the network lost (status 0) is retried with the key like a 503: that is what the key is for.
    const send = () => warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': key })
      .catch((error: Error) => ({ status: 0, json: { error: String(error.cause ?? error) }, headers: new Headers() }));
    const t0 = Date.now();
    const first = await Promise.all(Array.from({ length: BURST }, send));
    const burstMs = Date.now() - t0;
    console.info(`[chaos] burst: ${[...new Set(first.filter((a) => a.status !== 201).map((a) => JSON.stringify(a.json).slice(0, 200)))].slice(0, 4).join(' | ')}`);
    const byStatus = (answers: { status: number }[]) => answers.reduce<Record<number, number>>((n, a) => ({ ...n, [a.status]: (n[a.status] ?? 0) + 1 }), {});
    const firstStatuses = byStatus(first);
    // Only the accepted answer or "try again": never another error, never a second ticket.
    const unexpected = first.filter((a) => ![0, 201, 503].includes(a.status));
    expect(unexpected.map((a) => `${a.status} ${JSON.stringify(a.json)}`).slice(0, 3), JSON.stringify(firstStatuses)).toEqual([]);
    for (const a of first.filter((x) => x.status === 503)) expect(a.headers.get('retry-after')).toMatch(/^\d+$/);

    // Those told to retry do so, with the key, after the Retry-After they got (all at once again, like independent clients).
    const answers = first.filter((a) => a.status === 201);
    const retryable = (a: { status: number }) => a.status === 503 || a.status === 0;
    let pending = first.filter(retryable);
    let retries = 0;
    let waves = 0;
    while (pending.length > 0) {
      waves += 1;
      if (waves > 30) throw new Error(`${pending.length} requests still refused after 30 waves of retries`);
      const wait = Math.min(5, Math.max(1, ...pending.map((a) => Number(a.headers.get('retry-after') ?? 1))));
      await new Promise((r) => setTimeout(r, wait * 1000));
      retries += pending.length;
      const again = await Promise.all(pending.map(send));
      expect(again.filter((a) => !retryable(a) && a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.json)}`)).toEqual([]);
      answers.push(...again.filter((a) => a.status === 201));
      pending = again.filter(retryable);
      console.info(`[chaos] wave ${waves}: ${again.length} sent, ${pending.length} refused (${[...new Set(pending.map((a) => JSON.stringify(a.json).slice(0, 160)))].slice(0, 3).join(' | ')})`);
    }
    expect(answers).toHaveLength(BURST);
    const distinct = new Set(answers.map((a) => JSON.stringify(a.json)));
    expect(distinct.size, [...distinct].slice(0, 3).join('\n')).toBe(1);
    const ticketNumber = answers[0]!.json.ticketNumber as string;
    const tickets = await app.system.model.tickets.countDocuments({ plate: body.plate });
    const runs = await app.system.temporal.workflow.list({ query: `WorkflowType = 'parkingTicketWorkflow' AND TaskQueue = '${app.system.config.temporal.taskQueue}'` });
    let workflows = 0;
    for await (const _ of runs) workflows += 1;
    const recorded = await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'parking-ticket.recorded' });
    console.info(`[chaos] duplicate burst: ${BURST} requests in ${burstMs} ms → ${JSON.stringify(firstStatuses)} (0 = connection lost; 503s and lost ones retried with the key: ${retries} retries in ${waves} waves), `
      + `${distinct.size} distinct answer, ${tickets} ticket, ${workflows} workflow, ${recorded} 'recorded' audit event`);
    expect({ tickets, workflows, recorded }).toEqual({ tickets: 1, workflows: 1, recorded: 1 });
  });
});
