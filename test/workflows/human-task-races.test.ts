/**
 * One human task closes once: when the case cancels its tasks while a task is still being
 * opened and a caseworker's decision arrives in that moment, only one of the two is recorded.
 * Against the real dev server (no timer matters here; the server's handling of Updates does):
 * 20 races at once hung Temporal's Java time-skipping test server now and then in CI.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { completeTaskUpdate, TASK_ERRORS, taskIdOf, type TaskSpec } from '../../workflows/tasks/shared';
import { cancelAllSignal, taskRaceWorkflow } from './fixtures/task-race-workflow';
import { createActivityEnv, type ActivityEnv } from '../support/activity-env';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';

let bundle: WorkflowBundleWithSourceMap;
let db: ActivityEnv;
let connection: Connection;
let client: Client;
let workerConnection: NativeConnection;
afterAll(async () => {
  await workerConnection?.close();
  await connection?.close();
  await db?.close();
});
beforeAll(async () => {
  db = await createActivityEnv('workflow_task_races');
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
  workerConnection = await NativeConnection.connect({ address: stack.temporalAddress });
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

const RUNS = 20;

const { EventType } = temporal.api.enums.v1;

/** Until the workflow has processed its latest signal: a workflow task completed after it. */
async function signalProcessed(handle: WorkflowHandle) {
  await eventually(async () => {
    const types = ((await handle.fetchHistory()).events ?? []).map((e) => e.eventType);
    const signalled = types.lastIndexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    return signalled >= 0 && types.slice(signalled + 1).includes(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }, 'the signal processed', { tries: 300 });
}

describe('human task: cancel and completion', () => {
  it(`when the case cancels a task still being opened and a decision arrives meanwhile, then exactly one close is recorded — the cancellation when it came first — ${RUNS} races at once`, async () => {
    // Each task's opening (its read model) waits for the test, so cancel and completion meet while it is under way.
    const gates = new Map<string, { opening: boolean; open: () => void; opened: Promise<void> }>();
    const real = createActivities(db.deps);
    const activities = { ...real, async openTask(input: Parameters<typeof real.openTask>[0]) {
      const gate = gates.get(input.workflowId)!;
      gate.opening = true;
      await gate.opened;
      return real.openTask(input);
    } };
    const taskQueue = `tq-${randomUUID()}`;
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: bundle, activities });
    const race = async () => {
      const workflowId = `task-race-${randomUUID()}`;
      const caseNumber = `TEST-${randomUUID().slice(0, 8)}`;
      let open!: () => void;
      const gate = { opening: false, open: () => open(), opened: new Promise<void>((resolve) => { open = resolve; }) };
      gates.set(workflowId, gate);
      const handle = await client.workflow.start(taskRaceWorkflow, { taskQueue, workflowId, args: [spec(caseNumber)] });
      await eventually(async () => gate.opening, 'the task being opened', { tries: 300 });
      await handle.signal(cancelAllSignal);
      await signalProcessed(handle); // the cancel has begun (it waits for the opening)
      // Sent while the task still opens (its gate closed), after the cancel has begun: refused by
      // the validator. Should the update still get in first, it waits for the opening: the gate
      // opens after 2 s at the latest, the decision stands, and still exactly one close is recorded.
      const sending = handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf(workflowId, 'decision'), decision: { outcome: 'uphold' }, by: 'caseworker-1' }] })
        .then(() => 'accepted' as const, (e: unknown) => e);
      await Promise.race([sending, new Promise((r) => setTimeout(r, 2_000))]);
      gate.open();
      const sent = await sending;
      const closes = async () => (await db.model.audit.find({ caseNumber }).lean()).map((a) => a.action).filter((a) => a !== 'task.opened');
      const status = async () => (await db.model.tasks.findById(taskIdOf(workflowId, 'decision')).lean())?.status;
      if (sent === 'accepted') {
        acceptedFirst += 1;
        expect(await handle.result()).toEqual({ state: 'completed' });
        expect(await closes()).toEqual(['task.completed']);
        expect(await status()).toBe('completed');
        return;
      }
      expect(sent).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((sent as WorkflowUpdateFailedError).cause).toMatchObject({ type: TASK_ERRORS.taskNotOpen });
      expect(await handle.result()).toEqual({ state: 'cancelled' });
      expect(await closes()).toEqual(['task.cancelled']);
      expect(await status()).toBe('cancelled');
    };
    let acceptedFirst = 0;
    await worker.runUntil(Promise.all(Array.from({ length: RUNS }, race)));
    // The interleaving under test happened (nearly) every time.
    expect(acceptedFirst).toBeLessThan(RUNS / 2);
  }, 300_000);
});
