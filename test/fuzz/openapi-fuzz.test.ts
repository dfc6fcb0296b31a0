/**
 * Fuzzing every documented route from the app's own OpenAPI document with schemathesis (PyPI,
 * installed by the test command into a cached virtualenv: scripts/lib/binaries.ts) against the
 * whole system in embedded mode, signed in as staff (every role) and as a citizen holding a
 * ticket's portal token, so the routes behind authentication are reached too.
 *
 * 1. Negative run: only requests that break the documented schema (wrong types, missing and
 *    extra fields, out-of-range values, malformed bodies). Each must get a documented 4xx; and
 *    being refused, none may store anything or send an e-mail. Some "negative" cases are valid
 *    requests after all (a malformed Content-Type on a route without a body, the session cookie
 *    the fuzzer cannot leave out) and are accepted, so a before/after comparison alone cannot
 *    tell whose write it saw: every write the app's database connection makes is attributed to
 *    the request being handled when it started (fuzz-support.ts, WriteLog; schemathesis sends one
 *    request at a time). A write with an effect during a refused request, a write between
 *    requests, or a workflow started by a refused request or between requests fails the run,
 *    whatever else was accepted; bookkeeping of refused attempts (rate limits, guessing locks,
 *    sign-in lock-out) is named in BOOKKEEPING. test/fuzz/hostile-sweep.test.ts proves the same
 *    for the named attack inputs, every request of which must be refused.
 * 2. Positive and negative run: never a 5xx, every answer's status, content type, headers and
 *    body as documented.
 * Each caller's run gets the whole document and is limited to its operations by name
 * (`--include-name`): an operation cut out of the document would be probed as an "unspecified
 * HTTP method" — DELETE /api/staff/session was, and signed the fuzzer out halfway through the
 * staff's negative run (every later staff request, and the whole positive run, only met 401).
 * The number of generated requests and of failures is printed for each run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemathesisCommand } from '../../scripts/lib/binaries';
import { CALLERS, callerOf, describeWindow, describeWrite, differences, isExcluded, mailCount, pauseHousekeeping, snapshot, atRest, startFuzzSystem, WriteLog, type Caller, type FuzzSystem } from './fuzz-support';

let fz: FuzzSystem;

beforeAll(async () => {
  fz = await startFuzzSystem('fuzz_openapi');
  // No housekeeping run writes meanwhile, and the ticket's workflow settles first (read model,
  // lists): the negative run starts on a quiet database. The system stops after this file.
  await pauseHousekeeping(fz.app);
  await atRest(fz.app);
});
afterAll(async () => {
  await fz?.app.stop();
});

/** The labels (`GET /api/health`) of one caller's operations. */
function operationsOf(caller: Caller): string[] {
  const labels: string[] = [];
  for (const [path, ops] of Object.entries(fz.doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (isExcluded(method, path) || callerOf(path, op['x-roles'] ?? []) !== caller) continue;
      labels.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return labels;
}

interface Failure { check: string; operation: string; message: string; scenario: string; status?: number }
interface FuzzRun { requests: number; failures: Failure[]; accepted: Set<string>; byStatus: Record<string, number>; output: string; seconds: number }

/**
 * Every accepted schema violation is a failure — "unexpected properties" too: the API refuses
 * members a schema with `additionalProperties: false` does not name (server/http/validation.ts).
 * The one exception: the fuzzer cannot leave out the session cookie it was given with -H.
 */
const byDesign = (f: Failure) => f.check === 'negative_data_rejection' && /Missing `[^`]+` at cookie/.test(f.scenario);

async function schemathesis(caller: Caller, mode: 'negative' | 'positive', maxExamples: number): Promise<FuzzRun> {
  const dir = mkdtempSync(join(tmpdir(), 'amtsweg-fuzz-'));
  const schema = join(dir, 'openapi.json');
  // The whole document (every method of a path declared), the caller's operations chosen by name.
  writeFileSync(schema, JSON.stringify(fz.doc));
  const only = operationsOf(caller).flatMap((label) => ['--include-name', label]);
  const config = join(dir, 'schemathesis.toml');
  // 429 (a rate limit) is a refusal like any other 4xx a client must handle.
  writeFileSync(config, [
    '[checks.negative_data_rejection]',
    'expected-statuses = ["400", "401", "403", "404", "405", "409", "413", "415", "422", "428", "429"]',
    // schemathesis reuses ids it read in answers (GET /api/staff/accounts names the fuzzer's own):
    // the routes on an account by id get the second account, else a reset or a disable ends the session.
    '[[operations]]',
    "include-path-regex = '^/api/staff/accounts/\\{id\\}'",
    `parameters = { "path.id" = "${fz.other.id}" }`,
    '',
  ].join('\n'));
  const checks = mode === 'negative'
    ? ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance', 'negative_data_rejection']
    : ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_headers_conformance', 'response_schema_conformance'];
  const [cmd, ...pre] = schemathesisCommand();
  const events = join(dir, 'events.ndjson');
  const args = [...pre, '--config-file', config, 'run', schema, ...only, '--url', fz.app.baseUrl, '--mode', mode, '--checks', checks.join(','),
    '--max-examples', String(maxExamples), '--workers', '1', '--no-shrink', '--suppress-health-check', 'all', '--generation-deterministic',
    '--request-timeout', '20', '--phases', mode === 'negative' ? 'coverage' : 'coverage,fuzzing', '--continue-on-failure',
    '--report', 'ndjson', '--report-ndjson-path', events, '--no-color', '--output-truncate', 'true', '--warnings', 'off', ...Object.entries(fz.callers[caller]).flatMap(([name, value]) => ['-H', `${name}: ${value}`])];
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

const summary = (failures: Failure[]) => [...new Map(failures.map((f) => [`${f.check} ${f.operation}: ${f.message}`, f])).values()]
  .map((f) => `${f.check} ${f.operation} [${f.scenario}] → ${f.status}: ${f.message}`);

describe('fuzzing every documented route (schemathesis)', () => {
  it('when a request breaks the documented schema, then it gets a documented 4xx (never a 5xx), stores nothing and sends no e-mail', async () => {
    const before = await snapshot(fz.app);
    const mails = await mailCount();
    const log = new WriteLog(fz.app);
    const t0 = Date.now();
    const runs = [];
    try {
      for (const caller of CALLERS) runs.push({ caller, ...(await schemathesis(caller, 'negative', 3)) });
      // What a request started (a workflow's first activity, a mail) has a moment to show.
      await new Promise((r) => setTimeout(r, 3000));
    } finally {
      log.stop();
    }
    const after = await snapshot(fz.app);
    const failures = runs.flatMap((r) => r.failures);
    const real = failures.filter((f) => !byDesign(f));
    const accepted = runs.flatMap((r) => [...r.accepted]);
    for (const r of runs) console.info(`[fuzz] negative (${r.caller}): ${r.requests} generated requests ${JSON.stringify(r.byStatus)} in ${Math.round(r.seconds)} s, ${r.failures.filter((f) => !byDesign(f)).length} failures (+${r.failures.filter(byDesign).length} without the session cookie, which the fuzzer cannot leave out)`);
    console.info(`[fuzz] negative: answered 2xx (the mutation was still valid, e.g. a malformed Content-Type on a route without a body): ${accepted.join(', ') || 'none'}`);
    // Who stored what: every write with an effect, by the request being handled when it started.
    const stored = log.stored();
    const byAccepted = stored.filter((w) => w.during?.status !== undefined && w.during.status < 400);
    const byRefused = stored.filter((w) => w.during && !(w.during.status !== undefined && w.during.status < 400));
    const between = stored.filter((w) => !w.during);
    const workflows = await log.workflowsStarted(t0);
    const badWorkflows = workflows.filter((w) => !(w.during?.status !== undefined && w.during.status < 400));
    console.info(`[fuzz] negative: ${log.windows.length} requests handled; writes that changed something (bookkeeping left out): ${byAccepted.length} by accepted requests (${[...new Set(byAccepted.map((w) => w.collection))].join(', ') || 'none'}), ${byRefused.length} by refused requests, ${between.length} between requests; workflows started: ${workflows.length} (${badWorkflows.length} not by an accepted request)`);
    // And the contents: what differs afterwards lies in collections that accepted requests wrote to.
    const acceptedCollections = new Set(byAccepted.map((w) => w.collection));
    const changed = differences(before, after);
    const unexplained = changed.filter((d) => !acceptedCollections.has(d.slice(0, d.indexOf(':'))));
    console.info(`[fuzz] negative: stored documents and e-mails changed: ${changed.join('; ') || 'none'}`);
    for (const line of summary(real)) console.info(`[fuzz] failure: ${line}`);
    for (const w of [...byRefused, ...between]) console.info(`[fuzz] failure: stored by a refused request or between requests: ${describeWrite(w)}`);
    for (const w of badWorkflows) console.info(`[fuzz] failure: workflow ${w.type} ${w.workflowId} started during ${describeWindow(w.during)}`);
    expect(summary(real)).toEqual([]);
    // Refused requests store nothing and start nothing; no request of the run sends an e-mail.
    expect([...byRefused, ...between].map(describeWrite)).toEqual([]);
    expect(unexplained, 'changed where no accepted request wrote').toEqual([]);
    expect(badWorkflows.map((w) => `${w.type} during ${describeWindow(w.during)}`)).toEqual([]);
    expect(await mailCount()).toBe(mails);
    // Still signed in: the staff's requests met the routes, not 401.
    expect((await fz.staff.request('GET', '/api/staff/session')).status, 'the fuzzer\'s staff session after the negative run').toBe(200);
  }, 480_000);

  it('when requests follow or break the documented schema, then no answer is a 5xx and every answer is as documented (status, content type, headers, body)', async () => {
    const runs = [];
    for (const caller of CALLERS) runs.push({ caller, ...(await schemathesis(caller, 'positive', 3)) });
    for (const r of runs) console.info(`[fuzz] positive (${r.caller}): ${r.requests} generated requests ${JSON.stringify(r.byStatus)} in ${Math.round(r.seconds)} s, ${r.failures.length} failures`);
    for (const line of summary(runs.flatMap((r) => r.failures))) console.info(`[fuzz] failure: ${line}`);
    expect(summary(runs.flatMap((r) => r.failures))).toEqual([]);
    expect((await fz.staff.request('GET', '/api/staff/session')).status, 'the fuzzer\'s staff session after the positive run').toBe(200);
  }, 480_000);
});
