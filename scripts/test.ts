/**
 * `npm test`: every test against the real parts. Finds or builds what the tests need (first
 * run on a machine only: the Temporal CLI, FerretDB, Temporal's Java test server, Debian's
 * chromium), type-checks, builds the web app, then runs vitest. Extra arguments go to vitest
 * (e.g. `npm test -- test/unit`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, ferretdbPath, temporalCliPath, timeSkippingServerPath } from './lib/binaries';

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

const started = Date.now();
if (!process.env.TEMPORAL_ADDRESS) temporalCliPath();
if (!process.env.MONGODB_URI) ferretdbPath();
timeSkippingServerPath();
if (!chromiumPath()) console.warn('[amtsweg] chromium is not available: the browser tests will fail');
console.log(`[amtsweg] tools ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// The web app's API types come from the route schemas (in CI the committed file must already be fresh).
step('generate the API types', 'npx', ['tsx', 'scripts/generate-api-types.ts']);
step('type check (tsc)', 'npx', ['tsc', '--noEmit', '-p', '.']);
step('build the web app (vite)', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
const report = join(mkdtempSync(join(tmpdir(), 'amtsweg-vitest-')), 'report.json');
const tests = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { stdio: 'inherit' });
// A plain closing line that any CI can read, whatever the runner prints above it.
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
process.exit(tests.status ?? 1);
