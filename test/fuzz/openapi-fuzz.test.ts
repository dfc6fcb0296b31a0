/**
 * Fuzzing every documented route from the app's own OpenAPI document with schemathesis (PyPI,
 * installed by the test command into a cached virtualenv: scripts/lib/binaries.ts) against the
 * whole system in embedded mode, signed in as staff (every role) and as a citizen holding a
 * ticket's portal token, so the routes behind authentication are reached too.
 *
 * 1. Negative run: only requests that break the documented schema (wrong types, missing and
 *    extra fields, out-of-range values, malformed bodies). Each must get a documented 4xx; and
 *    being refused, none may store anything or send an e-mail: every collection's document
 *    count and MailDev's inbox are compared before and after.
 * 2. Positive and negative run: never a 5xx, every answer's status, content type, headers and
 *    body as documented.
 * The number of generated requests and of failures is printed for each run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { schemathesisCommand } from '../../scripts/lib/binaries';
import { stack } from '../support/env';
import { HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
let doc: { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
/** Who calls which operations: staff (cookie + CSRF token) and anyone; a citizen (portal token); the sandboxes' API key. */
const callers: Record<'staff' | 'citizen' | 'sandbox' | 'anonymous', string[]> = { staff: [], citizen: [], sandbox: [], anonymous: [] };

/** Operations left out, with the reason: the fuzzer would end its own session. */
const EXCLUDED: [method: string, path: string, why: string][] = [
  ['delete', '/api/staff/session', 'signs the fuzzer out'],
];

beforeAll(async () => {
  app = await startTestSystem('fuzz_openapi');
  const staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  const recorded = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: 'HA-FZ 1', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  }, { 'Idempotency-Key': 'fuzz-portal-ticket-1' });
  const opened = await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: recorded.json.accessCode, plate: 'HA-FZ 1' });
  expect(opened.status).toBe(200);
  callers.staff = ['-H', `Cookie: ${(staff as unknown as { cookie: string }).cookie}`, '-H', `X-CSRF-Token: ${staff.csrfToken}`];
  callers.citizen = ['-H', `Authorization: Bearer ${opened.json.portalToken}`];
  callers.sandbox = ['-H', `Authorization: Bearer ${app.system.secrets.sandboxKey}`];
  doc = (await staff.request('GET', '/api/openapi.json')).json;
});
afterAll(async () => {
  await app?.stop();
});

function callerOf(path: string, roles: string[]): keyof typeof callers {
  // Signing in again with the fuzzer's session cookie would replace that session: signing in is fuzzed without it.
  if (path === '/api/staff/session' && roles.includes('public')) return 'anonymous';
  if (path.startsWith('/sandbox/')) return 'sandbox';
  return roles.includes('citizen') && !roles.includes('public') ? 'citizen' : 'staff';
}

/** The document cut to one caller's operations. */
function documentFor(caller: keyof typeof callers): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (EXCLUDED.some(([m, p]) => m === method && p === path)) continue;
      if (callerOf(path, op['x-roles'] ?? []) !== caller) continue;
      (paths[path] ??= {})[method] = op;
    }
  }
  return { ...doc, paths };
}

interface Failure { check: string; operation: string; message: string; scenario: string; status?: number }
interface FuzzRun { requests: number; failures: Failure[]; accepted: Set<string>; byStatus: Record<string, number>; output: string; seconds: number }

/**
 * Every accepted schema violation is a failure — "unexpected properties" too: the API refuses
 * members a schema with `additionalProperties: false` does not name (server/http/validation.ts).
 * The one exception: the fuzzer cannot leave out the session cookie it was given with -H.
 */
const byDesign = (f: Failure) => f.check === 'negative_data_rejection' && /Missing `[^`]+` at cookie/.test(f.scenario);

async function schemathesis(caller: keyof typeof callers, mode: 'negative' | 'positive', maxExamples: number): Promise<FuzzRun> {
  const dir = mkdtempSync(join(tmpdir(), 'amtsweg-fuzz-'));
  const schema = join(dir, `openapi-${caller}.json`);
  writeFileSync(schema, JSON.stringify(documentFor(caller)));
  const config = join(dir, 'schemathesis.toml');
  // 429 (a rate limit) is a refusal like any other 4xx a client must handle.
  writeFileSync(config, '[checks.negative_data_rejection]\nexpected-statuses = ["400", "401", "403", "404", "405", "409", "413", "415", "422", "428", "429"]\n');
  const checks = mode === 'negative'
    ? ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'negative_data_rejection']
    : ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance'];
  const [cmd, ...pre] = schemathesisCommand();
  const events = join(dir, 'events.ndjson');
  const args = [...pre, '--config-file', config, 'run', schema, '--url', app.baseUrl, '--mode', mode, '--checks', checks.join(','),
    '--max-examples', String(maxExamples), '--workers', '1', '--no-shrink', '--suppress-health-check', 'all', '--generation-deterministic',
    '--request-timeout', '20', '--phases', mode === 'negative' ? 'coverage' : 'coverage,fuzzing', '--continue-on-failure',
    '--report', 'ndjson', '--report-ndjson-path', events, '--no-color', '--output-truncate', 'true', '--warnings', 'off', ...callers[caller]];
  const t0 = Date.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  await new Promise((r) => child.once('exit', r));
  const run: FuzzRun = { requests: 0, failures: [], accepted: new Set(), byStatus: {}, output, seconds: (Date.now() - t0) / 1000 };
  for (const line of readFileSync(events, 'utf8').split('\n').filter(Boolean)) {
    const finished = (JSON.parse(line) as { ScenarioFinished?: { recorder: {
      cases: Record<string, { value: { meta?: { phase?: { data?: { description?: string } } } } }>;
      checks: Record<string, { name: string; status: string; failure_info?: { failure: { operation: string; message: string } } }[]>;
      interactions: Record<string, { response?: { status_code: number } }>; label: string;
    } } }).ScenarioFinished;
    if (!finished) continue;
    const { cases, checks: results, interactions } = finished.recorder;
    for (const [id, interaction] of Object.entries(interactions ?? {})) {
      run.requests += 1;
      const status = interaction.response?.status_code;
      const group = status === undefined ? 'none' : `${Math.floor(status / 100)}xx`;
      run.byStatus[group] = (run.byStatus[group] ?? 0) + 1;
      if (status !== undefined && status < 300) run.accepted.add(finished.recorder.label);
      for (const c of results[id] ?? []) {
        if (c.status !== 'failure' || !c.failure_info) continue;
        run.failures.push({ check: c.name, operation: c.failure_info.failure.operation, message: c.failure_info.failure.message.replace(/\s+/g, ' '), scenario: cases[id]?.value.meta?.phase?.data?.description ?? '', status });
      }
    }
  }
  return run;
}

/** Documents per collection of the test database, and e-mails caught by MailDev. */
async function stored(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await app.system.conn.db!.listCollections().toArray()) counts[name] = await app.system.conn.db!.collection(name).countDocuments();
  counts['(e-mails)'] = ((await (await fetch(`${stack.mailApiUrl}/api/email`)).json()) as unknown[]).length;
  return counts;
}

/** Collections that count refused attempts by design (rate limits, guessing locks, sign-in lock-out). */
const BOOKKEEPING = ['rate_counts', 'portal_guess_attempts', 'portal_guess_state', 'staff_sign_in_attempts'];

const summary = (failures: Failure[]) => [...new Map(failures.map((f) => [`${f.check} ${f.operation}: ${f.message}`, f])).values()]
  .map((f) => `${f.check} ${f.operation} [${f.scenario}] → ${f.status}: ${f.message}`);

describe('fuzzing every documented route (schemathesis)', () => {
  it('when a request breaks the documented schema, then it gets a documented 4xx (never a 5xx), stores nothing and sends no e-mail', async () => {
    const before = await stored();
    const runs = [];
    for (const caller of ['staff', 'citizen', 'sandbox', 'anonymous'] as const) runs.push({ caller, ...(await schemathesis(caller, 'negative', 3)) });
    const after = await stored();
    const changed = Object.keys({ ...before, ...after }).filter((k) => (before[k] ?? 0) !== (after[k] ?? 0));
    const failures = runs.flatMap((r) => r.failures);
    const real = failures.filter((f) => !byDesign(f));
    const accepted = runs.flatMap((r) => [...r.accepted]);
    for (const r of runs) console.info(`[fuzz] negative (${r.caller}): ${r.requests} generated requests ${JSON.stringify(r.byStatus)} in ${Math.round(r.seconds)} s, ${r.failures.filter((f) => !byDesign(f)).length} failures (+${r.failures.filter(byDesign).length} without the session cookie, which the fuzzer cannot leave out)`);
    console.info(`[fuzz] negative: answered 2xx (the mutation was still valid, e.g. any bytes for an upload): ${accepted.join(', ') || 'none'}`);
    console.info(`[fuzz] negative: stored documents and e-mails changed: ${changed.map((k) => `${k}: ${before[k] ?? 0} → ${after[k] ?? 0}`).join(', ') || 'none'}`);
    for (const line of summary(real)) console.info(`[fuzz] failure: ${line}`);
    expect(summary(real)).toEqual([]);
    // Refused requests send no e-mail; the counters of refused attempts exist to count them;
    // anything else stored must come from a request that was accepted.
    expect(changed.filter((k) => k === '(e-mails)')).toEqual([]);
    if (accepted.length === 0) expect(changed.filter((k) => !BOOKKEEPING.includes(k))).toEqual([]);
  }, 480_000);

  it('when requests follow or break the documented schema, then no answer is a 5xx and every answer is as documented (status, content type, headers, body)', async () => {
    const runs = [];
    for (const caller of ['staff', 'citizen', 'sandbox', 'anonymous'] as const) runs.push({ caller, ...(await schemathesis(caller, 'positive', 3)) });
    for (const r of runs) console.info(`[fuzz] positive (${r.caller}): ${r.requests} generated requests ${JSON.stringify(r.byStatus)} in ${Math.round(r.seconds)} s, ${r.failures.length} failures`);
    for (const line of summary(runs.flatMap((r) => r.failures))) console.info(`[fuzz] failure: ${line}`);
    expect(summary(runs.flatMap((r) => r.failures))).toEqual([]);
  }, 480_000);
});
