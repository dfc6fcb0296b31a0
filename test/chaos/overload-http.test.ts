/**
 * Overload: far more wardens record tickets at once than the in-flight limit admits
 * (server/http/in-flight-limit.ts). The real embedded stack, a limit of 2, 10× as many
 * concurrent recordings: every refused request is answered 503 `overloaded` with Retry-After
 * within 2 s and has started nothing; every admitted one is recorded (201, not a late 503 of the
 * Temporal call deadline); each refused one, retried later with its Idempotency-Key, is recorded;
 * and there is exactly one ticket per key.
 *
 * Without the limit (ADMISSION_MAX_IN_FLIGHT=0) no request is refused early: the test fails
 * on "some were refused" (all queue and are answered late, 201 or the deadline's 503).
 */
import { createHash } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { parkingTicketWorkflowId } from '../../workflows/parking-ticket/shared';
import { HttpClient, startTestSystem } from '../support/system';

const LIMIT = 2;
const CONCURRENT = 10 * LIMIT;
// AMTSWEG_TEST_ADMISSION_MAX_IN_FLIGHT=0 runs the same test without the limit (to see it fail).
const limitSetting = process.env.AMTSWEG_TEST_ADMISSION_MAX_IN_FLIGHT ?? String(LIMIT);

let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_overload', { env: { ADMISSION_MAX_IN_FLIGHT: limitSetting } });
  warden = new HttpClient(app.baseUrl, 'en');
  await warden.signInStaff();
  // One recording first, so the burst does not also measure the first workflow's cold start.
  expect((await record('overload-warm-up', 'HA-OL 999')).status).toBe(201);
}, 120_000);
afterAll(async () => { await app?.stop(); });

const ticket = (plate: string) => ({ offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() });

async function record(key: string, plate: string) {
  const t0 = performance.now();
  const res = await warden.request('POST', '/api/parking-tickets', ticket(plate), { 'Idempotency-Key': key });
  return { ...res, key, ms: performance.now() - t0 };
}

/** Whether a workflow was started for this key (the workflow ID is derived from it, see record-ticket.ts). */
async function workflowStarted(key: string): Promise<boolean> {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 32);
  try {
    await app.system.temporal.workflow.getHandle(parkingTicketWorkflowId(hash)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

describe('overload', () => {
  it(`when ${CONCURRENT} wardens record at once with ${LIMIT} admitted, then the rest get 503 overloaded with Retry-After within 2 s, started nothing, and are recorded on retry`, async () => {
    const keys = Array.from({ length: CONCURRENT }, (_, i) => ({ key: `overload-${i}`, plate: `HA-OL ${i + 1}` }));
    const answers = await Promise.all(keys.map(({ key, plate }) => record(key, plate)));
    const refused = answers.filter((a) => a.status === 503);
    const admitted = answers.filter((a) => a.status !== 503);
    console.info(`[overload] limit ${limitSetting}, ${CONCURRENT} at once: ${admitted.length} admitted (${admitted.map((a) => Math.round(a.ms)).join(', ')} ms), `
      + `${refused.length} refused (${refused.map((a) => `${a.json?.error?.code} ${Math.round(a.ms)}`).join(', ')} ms)`);

    // Admitted requests finish: a 201 each, not the Temporal deadline's 503 after 10 s.
    for (const a of admitted) expect({ key: a.key, status: a.status }).toEqual({ key: a.key, status: 201 });
    // Some were refused early — without the limit, none is (this is what fails without admission control).
    expect(refused.length).toBeGreaterThanOrEqual(CONCURRENT / 2);
    let workflowsOfRefused = 0;
    for (const r of refused) {
      expect({ key: r.key, code: r.json?.error?.code, retryAfter: r.headers.get('retry-after') })
        .toEqual({ key: r.key, code: 'overloaded', retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
      expect(r.json.error.message).toMatch(/too many requests/i);
      expect(r.ms).toBeLessThan(2000);
      // Refused before anything was done: no workflow for its key.
      const started = await workflowStarted(r.key);
      if (started) workflowsOfRefused += 1;
      expect(started).toBe(false);
    }

    // Each refused request, retried after its Retry-After with the same key, is recorded.
    const retryAfterMs = Math.max(...refused.map((r) => Number(r.headers.get('retry-after')))) * 1000;
    await new Promise((ok) => setTimeout(ok, retryAfterMs));
    const retried: Record<number, number> = {};
    for (const r of refused) {
      const { plate } = keys.find((k) => k.key === r.key)!;
      const again = await record(r.key, plate);
      retried[again.status] = (retried[again.status] ?? 0) + 1;
      expect({ key: r.key, status: again.status }).toEqual({ key: r.key, status: 201 });
      r.json = again.json;
    }
    const ticketNumbers = new Set([...admitted, ...refused].map((a) => a.json.ticketNumber));
    const stored = await app.system.model.tickets.countDocuments({});
    console.info(`[chaos] overload: limit ${limitSetting}, ${CONCURRENT} recordings at once → ${admitted.length} admitted (${admitted.filter((a) => a.status === 201).length} × 201), `
      + `${refused.length} refused 503 overloaded within ${refused.length ? Math.round(Math.max(...refused.map((r) => r.ms))) : 0} ms at most (Retry-After ${retryAfterMs / 1000} s), ${workflowsOfRefused} workflows started for them; `
      + `retried after Retry-After → ${JSON.stringify(retried)}; ${ticketNumbers.size} distinct tickets, ${stored} stored (warm-up included)`);
    expect(ticketNumbers.size).toBe(CONCURRENT);
    // One ticket per key, the warm-up's included: nothing recorded twice, nothing lost.
    expect(stored).toBe(CONCURRENT + 1);
  }, 180_000);

  it('when the limit is full, then a sign-in and the health check are still answered (they are not limited)', async () => {
    const burst = Array.from({ length: CONCURRENT }, (_, i) => record(`overload-side-${i}`, `HA-OS ${i + 1}`));
    const t0 = performance.now();
    const [health, signIn] = await Promise.all([
      warden.request('GET', '/api/health'),
      new HttpClient(app.baseUrl).request('POST', '/api/staff/session', { userName: 'test-staff', password: 'test-staff-password-0123' }),
    ]);
    const ms = performance.now() - t0;
    const answers = await Promise.all(burst);
    console.info(`[overload] beside the burst: health ${health.status}, sign-in ${signIn.status} within ${Math.round(ms)} ms; burst ${answers.map((a) => a.status).join(',')}`);
    const outcomes = answers.reduce<Record<string, number>>((n, a) => { const k = a.status === 503 ? `503 ${a.json?.error?.code}` : String(a.status); return { ...n, [k]: (n[k] ?? 0) + 1 }; }, {});
    console.info(`[chaos] overload, beside a burst: ${CONCURRENT} recordings → ${JSON.stringify(outcomes)}; health → ${health.status}, sign-in → ${signIn.status}, both within ${Math.round(ms)} ms`);
    expect(health.status).toBe(200);
    expect(signIn.status).toBe(200);
    expect(answers.every((a) => a.status === 201 || (a.status === 503 && a.json.error.code === 'overloaded'))).toBe(true);
  }, 180_000);
});
