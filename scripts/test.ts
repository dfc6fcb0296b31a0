/**
 * `npm test`: every test against the real parts. Finds or builds what the tests need (first
 * run on a machine only: the Temporal CLI, FerretDB, Temporal's Java test server, Debian's
 * chromium, the schemathesis fuzzer), type-checks, builds the web app, then runs vitest: the
 * main suite, then the proof suites (test/chaos: faults injected into the embedded stack;
 * test/fuzz: the OpenAPI fuzzer) as a second step (vitest.proof.config.ts). Extra arguments go
 * to vitest and run the main suite only (e.g. `npm test -- test/unit`).
 * `npm run test:chaos` / `npm run test:fuzz` (`--suite chaos|fuzz`): one proof suite alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, ferretdbPath, schemathesisCommand, temporalCliPath, timeSkippingServerPath } from './lib/binaries';

function step(name: string, cmd: string, args: string[]): void {
  const started = Date.now();
  console.log(`[amtsweg] ${name} …`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[amtsweg] ${name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`[amtsweg] ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const suiteAt = process.argv.indexOf('--suite');
const suite = suiteAt >= 0 ? process.argv[suiteAt + 1] : undefined;
if (suite !== undefined && suite !== 'chaos' && suite !== 'fuzz') {
  console.error(`[amtsweg] --suite must be chaos or fuzz, got "${suite}"`);
  process.exit(2);
}
const vitestArgs = suiteAt >= 0 ? [] : process.argv.slice(2);

const started = Date.now();
if (!process.env.TEMPORAL_ADDRESS) temporalCliPath();
if (!process.env.MONGODB_URI) ferretdbPath();
timeSkippingServerPath();
if (suite !== 'chaos' && !vitestArgs.length) schemathesisCommand();
if (!suite && !chromiumPath()) console.warn('[amtsweg] chromium is not available: the browser tests will fail');
console.log(`[amtsweg] tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

interface Counts { numPassedTests: number; numFailedTests: number; numPendingTests: number }

/** One vitest run; its counts from the JSON report (undefined when vitest did not get to write one). */
function vitest(name: string, args: string[]): { status: number; counts?: Counts } {
  const t0 = Date.now();
  console.log(`[amtsweg] ${name} …`);
  const report = join(mkdtempSync(join(tmpdir(), 'amtsweg-vitest-')), 'report.json');
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit' });
  console.log(`[amtsweg] ${name}: ${run.status === 0 ? 'passed' : 'failed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { status: run.status ?? 1, counts: existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) as Counts : undefined };
}

const runs: { status: number; counts?: Counts }[] = [];
if (suite) {
  runs.push(vitest(`proof suite: ${suite}`, ['--config', 'vitest.proof.config.ts', `test/${suite}`]));
} else {
  // The web app's API types come from the route schemas (in CI the committed file must already be fresh).
  step('generate the API types', 'npx', ['tsx', 'scripts/generate-api-types.ts']);
  step('type check (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']);
  step('build the web app (vite)', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  runs.push(vitest('main suite', vitestArgs));
  // The proof suites run after the main suite, also when it failed: CI reports both.
  if (!vitestArgs.length) runs.push(vitest('proof suites: chaos and fuzzing', ['--config', 'vitest.proof.config.ts']));
}
// A plain closing line that any CI can read, whatever the runner prints above it.
const sum = (key: keyof Counts) => runs.reduce((n, r) => n + (r.counts?.[key] ?? 0), 0);
if (runs.some((r) => r.counts)) console.log(`\n${sum('numPassedTests')} passed, ${sum('numFailedTests')} failed, ${sum('numPendingTests')} skipped`);
process.exit(runs.find((r) => r.status !== 0)?.status ?? 0);
