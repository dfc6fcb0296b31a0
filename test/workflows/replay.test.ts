/**
 * Determinism guard: saved histories of running-workflow shapes must replay against today's
 * workflow code. A change that breaks them needs patching (see README). Record new histories
 * with `npx tsx scripts/record-histories.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowsPath } from '../../workers/worker';

const dir = fileURLToPath(new URL('./histories', import.meta.url));
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (file: string) => historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));

describe('workflow replay', () => {
  it('has saved histories for the ParkingTicket workflow', () => {
    expect(histories).toEqual(expect.arrayContaining(['parking-ticket-paid.json', 'parking-ticket-letter.json']));
  });

  it('has saved histories of the Bußgeldverfahren (hearing, decision task, notices) and of withdrawal requests', () => {
    expect(histories).toEqual(expect.arrayContaining(['parking-ticket-hearing-fine-notice.json', 'parking-ticket-no-answer-cost-notice.json', 'parking-ticket-withdrawal-request.json']));
  });

  it('has saved histories for the three Hundesteuer workflows', () => {
    expect(histories).toEqual(expect.arrayContaining(['dog-tax-registration.json', 'dog-tax-deregistration.json', 'dog-tax-exemption.json', 'dog-tax-exemption-inbox.json']));
  });

  it('has saved histories for the draft-expiry workflow', () => {
    expect(histories).toEqual(expect.arrayContaining(['form-draft-expired.json', 'form-draft-submitted.json']));
  });

  it.each(histories)('replays %s against the current workflow code', async (file) => {
    await Worker.runReplayHistory({ workflowsPath }, load(file), file.replace(/\.json$/, ''));
  });

  it('rejects a history when the workflow changed without patching', async () => {
    const changed = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./fixtures/changed-parking-ticket-workflow.ts', import.meta.url)), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
    await expect(Worker.runReplayHistory({ workflowBundle: changed }, load('parking-ticket-paid.json'), 'changed')).rejects.toMatchObject({ name: 'DeterminismViolationError' });
  });
});
