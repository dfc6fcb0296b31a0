/**
 * The generic human task on Temporal's time-skipping test server, with the real task
 * activities against the embedded FerretDB and MailDev: opened → read model, overdue after the
 * real 14 days → lead e-mailed, completed by the Update, and every late or wrong completion refused.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { staffAccountModel } from '../../store/accounts/staff-accounts';
import { completeTaskUpdate, TASK_ERRORS, taskIdOf, type TaskSpec } from '../../workflows/tasks/shared';
import { taskQueuePage } from '../../store/tasks/task-queues';
import { finishSignal, humanTaskFixtureWorkflow, withdrawCaseSignal } from './fixtures/human-task-workflow';
import { mailsTo } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_human_task');
let bundle: WorkflowBundleWithSourceMap;
const DAY = 86_400_000;
const LEAD = { id: `lead-${randomUUID().slice(0, 6)}`, email: `lead-${randomUUID().slice(0, 8)}@hagen.example` };

beforeAll(async () => {
  bundle = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./fixtures/human-task-workflow.ts', import.meta.url)),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
  });
  await staffAccountModel(ts.db.conn).create({
    _id: LEAD.id, displayName: 'Petra Leitung', email: LEAD.email, roles: ['caseworker'], departments: ['fine-office'],
    leadOf: ['fine-office'], passwordHash: 'not-used',
  });
});

export function testTaskSpec(caseNumber: string): Omit<TaskSpec, 'dueAt'> {
  return {
    key: 'hearing-decision', type: 'test.hearing-decision', department: 'fine-office', procedure: 'parking-ticket', caseNumber,
    title: { de: 'Anhörung entscheiden', en: 'Decide the hearing' },
    decisionSchema: {
      type: 'object', required: ['outcome'], additionalProperties: false,
      properties: { outcome: { type: 'string', enum: ['uphold', 'drop'] }, reason: { type: 'string', minLength: 3 } },
    },
    outcomes: { uphold: { required: [], label: { de: 'Aufrechterhalten', en: 'Uphold' } }, drop: { required: ['reason'], label: { de: 'Einstellen', en: 'Drop' } } },
    caseData: { plate: 'HA-XY 123' },
  };
}

async function withFixture<T>(fn: (start: (dueInMs?: number) => Promise<{ handle: WorkflowHandle<typeof humanTaskFixtureWorkflow>; taskId: string; caseNumber: string }>) => Promise<T>) {
  const taskQueue = `tq-${randomUUID()}`;
  const worker = await Worker.create({ connection: ts.env.nativeConnection, taskQueue, workflowBundle: bundle, activities: createActivities(ts.db.deps) });
  return worker.runUntil(fn(async (dueInMs = 14 * DAY) => {
    const workflowId = `human-task-test-${randomUUID()}`;
    const caseNumber = `TEST-${randomUUID().slice(0, 8)}`;
    const handle = await ts.env.client.workflow.start(humanTaskFixtureWorkflow, { taskQueue, workflowId, args: [{ spec: testTaskSpec(caseNumber), dueInMs }] });
    const taskId = taskIdOf(workflowId, 'hearing-decision');
    // The audit event is written last by openTask: the document and the queues are in place.
    await eventually(async () => ts.db.model.audit.findOne({ caseNumber, action: 'task.opened' }).lean(), 'the opened task');
    return { handle, taskId, caseNumber };
  }));
}

const complete = (handle: WorkflowHandle, taskId: string, decision: Record<string, unknown>, by = 'mmeier') =>
  handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: decision as never, by }] });

async function refusal(promise: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  const error = await promise.then(() => { throw new Error('expected the Update to be refused'); }, (e: unknown) => e);
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: (cause as ApplicationFailure).type ?? undefined, message: (cause as ApplicationFailure).message };
}

describe('human task (time skipping)', () => {
  it('opens the task in the read model and the department queue; 14 days later it is overdue and the lead is e-mailed once', async () => {
    await withFixture(async (start) => {
      const { handle, taskId, caseNumber } = await start();
      const task = await ts.db.model.tasks.findById(taskId).lean();
      expect(task).toMatchObject({ status: 'open', overdue: false, assignee: null, department: 'fine-office', procedure: 'parking-ticket', caseNumber, type: 'test.hearing-decision' });
      const startedAt = new Date(task!.createdAt).getTime();
      expect(new Date(task!.dueAt).getTime() - startedAt).toBeGreaterThan(14 * DAY - 60_000);
      const page = await taskQueuePage(ts.db.model, { department: 'fine-office', procedure: 'parking-ticket' }, { sort: 1, limit: 100 });
      expect(page.items.map((e) => e.id)).toContain(taskId);
      expect(await eventually(() => ts.db.model.audit.findOne({ caseNumber, action: 'task.opened' }).lean(), 'the audit event')).toMatchObject({ actor: 'system', caseType: 'parking-ticket' });

      await ts.env.sleep(13 * DAY);
      expect(await ts.db.model.tasks.findById(taskId).lean()).toMatchObject({ overdue: false });
      await ts.env.sleep(1 * DAY + 60_000);
      await eventually(async () => (await ts.db.model.tasks.findById(taskId).lean())?.overdue === true, 'the task marked overdue');
      const mail = await eventually(async () => (await mailsTo(LEAD.email)).find((m) => m.subject.includes(caseNumber)), 'the lead e-mail');
      expect(mail.subject).toContain('Überfällige Aufgabe');
      expect(mail.text).toContain('Anhörung entscheiden');
      expect(mail.text).toContain('Decide the hearing');
      expect(mail.text).toContain(`http://amtsweg.test/dienst/aufgaben/${encodeURIComponent(taskId)}`);
      expect(await eventually(() => ts.db.model.audit.findOne({ caseNumber, action: 'task.escalated' }).lean(), 'the audit event')).toMatchObject({ details: { notified: [LEAD.id] } });
      const overdueEntry = (await taskQueuePage(ts.db.model, { department: 'fine-office' }, { sort: 1, limit: 100, overdue: true })).items.find((e) => e.id === taskId);
      expect(overdueEntry?.overdue).toBe(true);

      // Still decidable after escalation.
      await expect(complete(handle, taskId, { outcome: 'uphold' })).resolves.toEqual({ taskId, status: 'completed' });
      await handle.signal(finishSignal);
      expect(await handle.result()).toMatchObject({ state: 'completed', decidedBy: 'mmeier' });
      expect((await mailsTo(LEAD.email)).filter((m) => m.subject.includes(caseNumber))).toHaveLength(1);
    });
  });

  it('when an overdue task stays open, then the lead is reminded again every week, and not after the task is done', async () => {
    await withFixture(async (start) => {
      const { handle, taskId, caseNumber } = await start(7 * DAY);
      const mails = async () => (await mailsTo(LEAD.email)).filter((m) => m.subject.includes(caseNumber));
      await ts.env.sleep(7 * DAY + 60_000);
      await eventually(async () => (await mails()).length === 1, 'the mail at the due date');
      await ts.env.sleep(6 * DAY);
      expect(await mails()).toHaveLength(1);
      await ts.env.sleep(1 * DAY);
      await eventually(async () => (await mails()).length === 2, 'the reminder a week later');
      expect(await ts.db.model.audit.countDocuments({ caseNumber, action: 'task.escalated' })).toBe(2);
      await complete(handle, taskId, { outcome: 'uphold' });
      await ts.env.sleep(21 * DAY);
      await handle.signal(finishSignal);
      expect(await handle.result()).toMatchObject({ state: 'completed' });
      expect(await mails()).toHaveLength(2);
      expect(await ts.db.model.audit.countDocuments({ caseNumber, action: 'task.escalated' })).toBe(2);
    });
  });

  it('completes by the Update; a second completion is refused with TaskNotOpen; the read model, queues and audit say completed', async () => {
    await withFixture(async (start) => {
      const { handle, taskId, caseNumber } = await start();
      await expect(complete(handle, taskId, { outcome: 'drop', reason: 'Beweisfoto unscharf' })).resolves.toEqual({ taskId, status: 'completed' });
      expect(await refusal(complete(handle, taskId, { outcome: 'uphold' }, 'other'))).toMatchObject({ type: TASK_ERRORS.taskNotOpen });
      expect(await ts.db.model.tasks.findById(taskId).lean()).toMatchObject({ status: 'completed', decidedBy: 'mmeier', decision: { outcome: 'drop', reason: 'Beweisfoto unscharf' } });
      expect((await taskQueuePage(ts.db.model, { department: 'fine-office' }, { sort: 1, limit: 100 })).items.map((e) => e.id)).not.toContain(taskId);
      expect((await taskQueuePage(ts.db.model, { department: 'fine-office', closed: true }, { sort: 1, limit: 100 })).items.map((e) => e.id)).toContain(taskId);
      expect(await ts.db.model.audit.findOne({ caseNumber, action: 'task.completed' }).lean()).toMatchObject({ actor: 'mmeier', details: { decision: { outcome: 'drop' } } });
      await handle.signal(finishSignal);
      expect(await handle.result()).toMatchObject({ state: 'completed', decision: { outcome: 'drop' } });
    });
  });

  it('refuses an unknown outcome and a missing required field, and still accepts a correct decision', async () => {
    await withFixture(async (start) => {
      const { handle, taskId } = await start();
      expect(await refusal(complete(handle, taskId, { outcome: 'maybe' }))).toMatchObject({ type: TASK_ERRORS.invalidDecision });
      const missing = await refusal(complete(handle, taskId, { outcome: 'drop' }));
      expect(missing).toMatchObject({ type: TASK_ERRORS.invalidDecision });
      expect(missing.message).toContain('reason');
      expect(await refusal(complete(handle, taskId, { outcome: 'uphold' }, ''))).toMatchObject({ type: TASK_ERRORS.invalidDecision });
      expect(await ts.db.model.tasks.findById(taskId).lean()).toMatchObject({ status: 'open' });
      await expect(complete(handle, taskId, { outcome: 'uphold' })).resolves.toMatchObject({ status: 'completed' });
      await handle.signal(finishSignal);
      await handle.result();
    });
  });

  it('when the case is withdrawn, the task is cancelled and a later completion is refused', async () => {
    await withFixture(async (start) => {
      const { handle, taskId, caseNumber } = await start();
      await handle.signal(withdrawCaseSignal);
      await eventually(async () => (await ts.db.model.tasks.findById(taskId).lean())?.status === 'cancelled', 'the task cancelled');
      expect(await refusal(complete(handle, taskId, { outcome: 'uphold' }))).toMatchObject({ type: TASK_ERRORS.taskNotOpen });
      expect(await ts.db.model.tasks.findById(taskId).lean()).toMatchObject({ status: 'cancelled', cancelReason: 'withdrawn by the citizen' });
      expect(await eventually(() => ts.db.model.audit.findOne({ caseNumber, action: 'task.cancelled' }).lean(), 'the audit event')).toMatchObject({ actor: 'system' });
      // Cancelled before its due date: no escalation afterwards.
      await ts.env.sleep(15 * DAY);
      expect(await ts.db.model.tasks.findById(taskId).lean()).toMatchObject({ overdue: false });
      expect((await mailsTo(LEAD.email)).filter((m) => m.subject.includes(caseNumber))).toHaveLength(0);
      await handle.signal(finishSignal);
      expect(await handle.result()).toMatchObject({ state: 'cancelled' });
    });
  });
});
