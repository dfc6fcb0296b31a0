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
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
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

  // A history replays under its file name: the workflow ID it ran with (task IDs derive from it).
  it('replays every saved history against the current workflow code, bundled once', async () => {
    const replayed: string[] = [];
    const failed: string[] = [];
    const all = histories.map((file) => ({ workflowId: file.replace(/\.json$/, ''), history: load(file) }));
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
