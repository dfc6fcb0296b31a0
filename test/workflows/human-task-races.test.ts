/**
 * One human task closes once: when the case cancels its tasks while a task is still being
 * opened and a caseworker's decision arrives in that moment, only one of the two is recorded.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { completeTaskUpdate, TASK_ERRORS, taskIdOf, type TaskSpec } from '../../workflows/tasks/shared';
import { cancelAllSignal, taskRaceWorkflow } from './fixtures/task-race-workflow';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_task_races');
let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/task-race-workflow.ts', import.meta.url)),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
  });
});

const spec = (caseNumber: string): TaskSpec => ({
  key: 'decision', type: 'test.decision', department: 'fine-office', procedure: 'parking-ticket', caseNumber,
  title: { de: 'Entscheiden', en: 'Decide' },
  decisionSchema: { type: 'object', required: ['outcome'], properties: { outcome: { type: 'string', enum: ['uphold'] } } },
  outcomes: { uphold: { required: [], label: { de: 'Aufrechterhalten', en: 'Uphold' } } },
  dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(), caseData: {},
});

describe('human task: cancel and completion', () => {
  it('when the case cancels a task still being opened and a decision arrives meanwhile, then only the cancellation is recorded', async () => {
    // The task's opening (its read model) waits for the test, so cancel and completion meet while it is under way.
    let open!: () => void;
    const opened = new Promise<void>((resolve) => { open = resolve; });
    let opening = false;
    const real = createActivities(ts.db.deps);
    const activities = { ...real, async openTask(input: Parameters<typeof real.openTask>[0]) { opening = true; await opened; return real.openTask(input); } };
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await Worker.create({ connection: ts.env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    await worker.runUntil((async () => {
      const workflowId = `task-race-${randomUUID()}`;
      const caseNumber = `TEST-${randomUUID().slice(0, 8)}`;
      const handle = await ts.env.client.workflow.start(taskRaceWorkflow, { taskQueue, workflowId, args: [spec(caseNumber)] });
      await eventually(async () => opening, 'the task being opened');
      await handle.signal(cancelAllSignal);
      await new Promise((r) => setTimeout(r, 500)); // the cancel has begun (it waits for the opening)
      const completion = handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(workflowId, 'decision'), decision: { outcome: 'uphold' }, by: 'caseworker-1' }] })
        .then(() => 'completed', (e: unknown) => e);
      await new Promise((r) => setTimeout(r, 500));
      open();
      const refused = await completion;
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: TASK_ERRORS.taskNotOpen });
      expect(await handle.result()).toEqual({ state: 'cancelled' });
      const closes = (await ts.db.model.audit.find({ caseNumber }).lean()).map((a) => a.action).filter((a) => a !== 'task.opened');
      expect(closes).toEqual(['task.cancelled']);
      expect((await ts.db.model.tasks.findById(taskIdOf(workflowId, 'decision')).lean())?.status).toBe('cancelled');
    })());
  });
});
