/**
 * Determinism guard: every saved history must replay against today's workflow code, all of
 * them through one replay worker over one bundle (`runReplayHistories`), each result named. Before the first release histories are re-recorded when a workflow changes
 * (`npx tsx scripts/record-histories.ts`); after it, a change to a workflow with open runs is
 * patched or shipped as a new worker version, and the old histories stay (see the decision record).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowsPath } from '../../workers/worker';

const dir = fileURLToPath(new URL('./histories', import.meta.url));
/** Recorded on the time-skipping test server (the long runs: days and weeks of durable timers). */
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));
/** Recorded on the real dev server (`temporal server start-dev`), one run per workflow type at least. */
const devServerHistories = readdirSync(join(dir, 'dev-server')).filter((f) => f.endsWith('.json')).map((f) => `dev-server/${f}`);
const load = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
/** Every workflow type the worker hosts (the bundle's entry point exports them). */
const workflowTypes = [...readFileSync(fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)), 'utf8').matchAll(/export \{ (\w+) \}/g)].map((m) => m[1]!);
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

describe('workflow replay', () => {
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath, logger: quiet });
  }, 120_000);

  it('has saved histories for the ParkingTicket workflow: paid, holder unknown, withdrawn after a request, and each end of the Bußgeldverfahren', () => {
    expect(histories).toEqual(expect.arrayContaining(['parking-ticket-paid.json', 'parking-ticket-withdrawal-request.json', 'parking-ticket-holder-unknown.json',
      'parking-ticket-hearing-fine-notice.json', 'parking-ticket-no-answer-cost-notice.json', 'parking-ticket-fine-notice-final.json', 'parking-ticket-dropped.json']));
  });

  it('has saved histories for the Bußgeldverfahren: notice paid, cost notice final, fine notice final, dropped, holder unknown', () => {
    expect(histories).toEqual(expect.arrayContaining(['fine-proceedings-hearing-fine-notice.json', 'fine-proceedings-no-answer-cost-notice.json',
      'fine-proceedings-fine-notice-final.json', 'fine-proceedings-dropped.json', 'fine-proceedings-holder-unknown.json']));
  });

  it('has saved histories for the three Hundesteuer workflows, a rejection among them', () => {
    expect(histories).toEqual(expect.arrayContaining(['dog-tax-registration.json', 'dog-tax-registration-rejected.json', 'dog-tax-deregistration.json', 'dog-tax-exemption.json']));
  });

  it('has saved histories for the draft-expiry workflow', () => {
    expect(histories).toEqual(expect.arrayContaining(['form-draft-expired.json', 'form-draft-submitted.json']));
  });

  it('has histories recorded on the real dev server for every workflow type the worker hosts', () => {
    const typeOf = (file: string) => load(file).events![0]!.workflowExecutionStartedEventAttributes!.workflowType!.name!;
    expect(workflowTypes.length).toBeGreaterThanOrEqual(8);
    expect(new Set(devServerHistories.map(typeOf))).toEqual(new Set(workflowTypes));
    // Workflow IDs of their own (each history replays under its ID): no dev-server history shadows a time-skipping one.
    expect(devServerHistories.every((file) => !histories.includes(file.replace('dev-server/', '')))).toBe(true);
  });

  // A history replays under its file name: the workflow ID it ran with (task IDs derive from it).
  it('replays every saved history (time-skipping server and dev server) against the current workflow code, bundled once', async () => {
    const replayed: string[] = [];
    const failed: string[] = [];
    const all = [...histories, ...devServerHistories].map((file) => ({ workflowId: file.replace(/^dev-server\//, '').replace(/\.json$/, ''), history: load(file) }));
    for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, all)) {
      replayed.push(result.workflowId);
      if (result.error) failed.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failed).toEqual([]);
    expect(replayed.sort()).toEqual(all.map((h) => h.workflowId).sort());
  });

  it('rejects a history when one command of the real workflow changed without patching', async () => {
    const changed = await bundleWorkflowCode({
      workflowsPath,
      logger: quiet,
      webpackConfigHook: (config) => {
        config.module!.rules!.push({
          test: /parking-ticket[\\/]ticket-case\.ts$/, enforce: 'pre',
          use: [{ loader: fileURLToPath(new URL('./fixtures/change-one-command.cjs', import.meta.url)) }],
        });
        return config;
      },
    });
    // The same code unchanged replays (the control of the control).
    await Worker.runReplayHistory({ workflowBundle: bundle }, load('parking-ticket-paid.json'), 'unchanged');
    await expect(Worker.runReplayHistory({ workflowBundle: changed }, load('parking-ticket-paid.json'), 'changed')).rejects.toMatchObject({ name: 'DeterminismViolationError' });
  });
});
