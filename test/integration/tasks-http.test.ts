/**
 * The caseworker inbox over HTTP against the embedded stack: tasks come from a small fixture
 * case workflow (test/workflows/fixtures/human-task-workflow.ts) run by a worker beside the
 * system on its own task queue, with the system's own activities and payload codec.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { taskIdOf, type TaskSpec } from '../../workflows/tasks/shared';
import type { Department } from '../../domain/departments';
import { finishSignal, humanTaskFixtureWorkflow, withdrawCaseSignal } from '../workflows/fixtures/human-task-workflow';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';
import { startHumanTaskFixtureWorker } from '../support/fixture-worker';
import { eventually } from '../support/eventually';
import { berlinDateString } from '../../domain/berlin-time';

let app: RunningSystem;
let fixtureWorker: { stop(): Promise<void> } | undefined;
const taskQueue = `tasks-http-${randomUUID().slice(0, 8)}`;
const DAY = 86_400_000;
const handles: WorkflowHandle[] = [];

/** Caseworkers: two in the fine office, one in the tax office only. */
const people: Record<'anna' | 'ben' | 'tara', { id: string; password: string; client: HttpClient }> = {} as never;

beforeAll(async () => {
  app = await startTestSystem('http_tasks');
  fixtureWorker = await startHumanTaskFixtureWorker(app, taskQueue);
  const make = async (name: 'anna' | 'ben' | 'tara', departments: Department[], displayName: string) => {
    const account = await createTestAccount(app, { id: `${name}-${randomUUID().slice(0, 6)}`, roles: ['caseworker'], departments, displayName });
    const client = new HttpClient(app.baseUrl, 'en');
    await client.signIn(account.id, account.password);
    people[name] = { ...account, client };
  };
  await make('anna', ['fine-office'], 'Anna Amt');
  await make('ben', ['fine-office', 'traffic'], 'Ben Bote');
  await make('tara', ['tax-office'], 'Tara Steuer');
});
afterAll(async () => {
  await Promise.all(handles.map((h) => h.signal(finishSignal).catch(() => undefined)));
  await fixtureWorker?.stop();
  await app?.stop();
});

function spec(caseNumber: string, procedure: string, department: Department = 'fine-office'): Omit<TaskSpec, 'dueAt'> {
  return {
    key: 'decision', type: `${procedure}.decision`, department, procedure, caseNumber,
    title: { de: `Entscheidung ${caseNumber}`, en: `Decision ${caseNumber}` },
    // Closed, as every workflow's decision schema is: a field it does not name is refused.
    decisionSchema: {
      type: 'object', required: ['outcome'], additionalProperties: false,
      properties: { outcome: { type: 'string', enum: ['uphold', 'drop'] }, reason: { type: 'string', minLength: 3 } },
    },
    outcomes: { uphold: { required: [], label: { de: 'Aufrechterhalten', en: 'Uphold' } }, drop: { required: ['reason'], label: { de: 'Einstellen', en: 'Drop' } } },
    caseData: { plate: 'HA-AB 1', offence: 'Parken im Halteverbot' },
  };
}

/** Opens tasks through the fixture workflow (due in `dueDays`) and waits until each is indexed. */
async function openTasks(list: Array<{ procedure: string; dueDays: number; department?: Department }>): Promise<Array<{ taskId: string; caseNumber: string; handle: WorkflowHandle }>> {
  const opened = await Promise.all(list.map(async ({ procedure, dueDays, department }) => {
    const workflowId = `tasks-http-${randomUUID()}`;
    const caseNumber = `T-${randomUUID().slice(0, 8)}`;
    const handle = await app.system.temporal.workflow.start(humanTaskFixtureWorkflow, {
      taskQueue, workflowId, args: [{ spec: spec(caseNumber, procedure, department), dueInMs: dueDays * DAY }],
    });
    handles.push(handle);
    return { taskId: taskIdOf(workflowId, 'decision'), caseNumber, handle };
  }));
  for (const t of opened) await eventually(() => app.system.model.audit.findOne({ caseNumber: t.caseNumber, action: 'task.opened' }).lean(), 'the opened task');
  return opened;
}

const enc = encodeURIComponent;
const list = (who: HttpClient, query: Record<string, string>) => who.request('GET', `/api/tasks?${new URLSearchParams(query)}`);

describe('inbox over HTTP', () => {
  let tasks: Array<{ taskId: string; caseNumber: string; handle: WorkflowHandle }>;
  beforeAll(async () => {
    // Five fine-office tasks in two procedures, due in 9, 3, 12, 6 and 1 days; one traffic task.
    tasks = await openTasks([
      { procedure: 'parking-ticket', dueDays: 9 }, { procedure: 'parking-ticket', dueDays: 3 }, { procedure: 'fine-proceedings', dueDays: 12 },
      { procedure: 'parking-ticket', dueDays: 6 }, { procedure: 'fine-proceedings', dueDays: 1 }, { procedure: 'parking-ticket', dueDays: 2, department: 'traffic' },
    ]);
  });

  it('lists a department queue sorted by due date, pages with nextCursor, filters by procedure and due range', async () => {
    const { anna } = people;
    const first = await list(anna.client, { queue: 'department', department: 'fine-office', limit: '2' });
    expect(first.status).toBe(200);
    expect(first.json.total).toBe(5);
    expect(first.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([tasks[4]!.taskId, tasks[1]!.taskId]);
    expect(first.json.items[0]).toMatchObject({ caseNumber: tasks[4]!.caseNumber, procedure: 'fine-proceedings', overdue: false, assignee: null, status: 'open', title: { en: `Decision ${tasks[4]!.caseNumber}` } });
    const second = await list(anna.client, { queue: 'department', department: 'fine-office', limit: '2', cursor: first.json.nextCursor });
    expect(second.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([tasks[3]!.taskId, tasks[0]!.taskId]);
    const third = await list(anna.client, { queue: 'department', department: 'fine-office', limit: '2', cursor: second.json.nextCursor });
    expect(third.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([tasks[2]!.taskId]);
    expect(third.json.nextCursor).toBeNull();

    const desc = await list(anna.client, { queue: 'department', department: 'fine-office', sort: '-dueAt', procedure: 'parking-ticket' });
    expect(desc.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([tasks[0]!.taskId, tasks[3]!.taskId, tasks[1]!.taskId]);
    expect(desc.json.total).toBe(3);

    // The filter takes Berlin days: a UTC date would be the day before between 23:00 and 24:00 UTC (22:00 in summer).
    const day = (n: number) => berlinDateString(new Date(Date.now() + n * DAY));
    const ranged = await list(anna.client, { queue: 'department', department: 'fine-office', dueFrom: day(2), dueTo: day(8) });
    expect(ranged.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([tasks[1]!.taskId, tasks[3]!.taskId]);
    expect(ranged.json.total).toBe(2);
    expect((await list(anna.client, { queue: 'department', department: 'fine-office', overdue: 'true' })).json.total).toBe(0);

    expect((await list(anna.client, { queue: 'department', department: 'fine-office', limit: '500' })).status).toBe(422);
    // Another department's queue is refused; Tara sees her own (empty) one.
    expect((await list(anna.client, { queue: 'department', department: 'traffic' })).status).toBe(403);
    expect((await list(people.ben.client, { queue: 'department', department: 'traffic' })).json.total).toBe(1);
    expect((await list(people.tara.client, { queue: 'department' })).json).toMatchObject({ items: [], total: 0 });
  });

  it('refuses a task of another department: reading, claiming and deciding', async () => {
    const { tara } = people;
    const id = enc(tasks[0]!.taskId);
    expect((await tara.client.request('GET', `/api/tasks/${id}`)).status).toBe(403);
    expect((await tara.client.request('POST', `/api/tasks/${id}/claim`)).status).toBe(403);
    expect((await tara.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'uphold' } })).status).toBe(403);
    expect((await tara.client.request('GET', `/api/tasks/${enc('nope~x')}`)).status).toBe(404);
  });

  it('when two caseworkers claim the same task at once, exactly one wins and the other gets 409; "mine" lists it', async () => {
    const { anna, ben } = people;
    const target = tasks[1]!;
    const id = enc(target.taskId);
    const [a, b] = await Promise.all([anna.client.request('POST', `/api/tasks/${id}/claim`), ben.client.request('POST', `/api/tasks/${id}/claim`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [anna, ben] : [ben, anna];
    const lost = a.status === 200 ? b : a;
    expect(lost.json.error.code).toBe('task_claimed');
    expect(await app.system.model.taskClaims.countDocuments({ taskId: target.taskId })).toBe(1);
    const detail = await winner.client.request('GET', `/api/tasks/${id}`);
    expect(detail.json).toMatchObject({ assignee: { id: winner.id }, caseData: { plate: 'HA-AB 1' }, decisionSchema: { required: ['outcome'] }, status: 'open' });
    const mine = await list(winner.client, { queue: 'mine' });
    expect(mine.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([target.taskId]);
    expect((await list(loser.client, { queue: 'mine' })).json.total).toBe(0);
    const queue = await list(loser.client, { queue: 'department', department: 'fine-office' });
    expect(queue.json.items.find((t: { taskId: string }) => t.taskId === target.taskId).assignee).toMatchObject({ id: winner.id });
    // Claiming again by the winner changes nothing; the loser cannot decide it.
    expect((await winner.client.request('POST', `/api/tasks/${id}/claim`)).status).toBe(200);
    const refused = await loser.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'uphold' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('task_claimed');
    expect(await app.system.model.audit.countDocuments({ caseNumber: target.caseNumber, action: 'task.claimed' })).toBe(1);

    // Return: back in the queue unassigned, gone from "mine".
    expect((await loser.client.request('POST', `/api/tasks/${id}/return`)).status).toBe(409);
    const returned = await winner.client.request('POST', `/api/tasks/${id}/return`);
    expect(returned.status).toBe(200);
    expect(returned.json.assignee).toBeNull();
    expect((await list(winner.client, { queue: 'mine' })).json.total).toBe(0);
    expect(await app.system.model.audit.findOne({ caseNumber: target.caseNumber, action: 'task.returned' }).lean()).toMatchObject({ actor: winner.id });
  });

  it('reassigns to a caseworker of the same department only', async () => {
    const { anna, ben, tara } = people;
    const target = tasks[3]!;
    const id = enc(target.taskId);
    const wrong = await anna.client.request('POST', `/api/tasks/${id}/reassign`, { to: tara.id });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields[0].field).toBe('to');
    expect((await anna.client.request('POST', `/api/tasks/${id}/reassign`, { to: 'nobody-here' })).status).toBe(422);
    const done = await anna.client.request('POST', `/api/tasks/${id}/reassign`, { to: ben.id });
    expect(done.status).toBe(200);
    expect(done.json.assignee).toEqual({ id: ben.id, displayName: 'Ben Bote' });
    expect((await list(ben.client, { queue: 'mine' })).json.items.map((t: { taskId: string }) => t.taskId)).toContain(target.taskId);
    expect(await app.system.model.audit.findOne({ caseNumber: target.caseNumber, action: 'task.reassigned' }).lean()).toMatchObject({ actor: anna.id, details: { to: ben.id } });
    // Filter inside one's own queue.
    expect((await list(ben.client, { queue: 'mine', procedure: 'fine-proceedings' })).json.total).toBe(0);
    expect((await list(ben.client, { queue: 'mine', procedure: 'parking-ticket' })).json.total).toBe(1);
  });

  it('decides: schema errors name the field (422), the decision completes the workflow, a second decision gets 409', async () => {
    const { anna, ben } = people;
    const target = tasks[0]!;
    const id = enc(target.taskId);
    const missing = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'drop', reason: 'x' } });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields.map((f: { field: string }) => f.field)).toEqual(['decision/reason']);
    const badOutcome = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'perhaps' } });
    expect(badOutcome.status).toBe(422);
    expect(badOutcome.json.error.fields[0].field).toBe('decision/outcome');
    // The schema allows drop without reason only by its own rules; the workflow's outcome rules still apply.
    const noReason = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'drop' } });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.fields[0].field).toBe('decision');

    // A field the decision schema does not name is refused by its path; the task stays open.
    const unknown = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'drop', reason: 'Foto unscharf', sneaky: 'x' } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields.map((f: { field: string }) => f.field)).toEqual(['decision/sneaky']);
    const ok = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'drop', reason: 'Foto unscharf' } });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ taskId: target.taskId, status: 'completed' });
    const detail = await anna.client.request('GET', `/api/tasks/${id}`);
    expect(detail.json).toMatchObject({ status: 'completed', decidedBy: { id: anna.id, displayName: 'Anna Amt' }, assignee: { id: anna.id }, decision: { outcome: 'drop', reason: 'Foto unscharf' } });
    expect(detail.json.decision.sneaky).toBeUndefined();
    const again = await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'uphold' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('task_not_open');
    expect((await ben.client.request('POST', `/api/tasks/${id}/claim`)).status).toBe(409);
    const closed = await list(anna.client, { queue: 'department', department: 'fine-office', status: 'closed' });
    expect(closed.json.items.map((t: { taskId: string }) => t.taskId)).toEqual([target.taskId]);
    expect((await list(anna.client, { queue: 'mine', status: 'closed' })).json.total).toBe(1);
    expect((await list(anna.client, { queue: 'department', department: 'fine-office' })).json.total).toBe(4);
    await target.handle.signal(finishSignal);
    expect(await target.handle.result()).toMatchObject({ state: 'completed', decidedBy: anna.id });
  });

  it('two decisions at once: one completes, the other gets 409', async () => {
    const { anna } = people;
    const target = tasks[2]!;
    const id = enc(target.taskId);
    expect((await anna.client.request('POST', `/api/tasks/${id}/claim`)).status).toBe(200);
    const results = await Promise.all([
      anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'uphold' } }),
      anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'drop', reason: 'doppelt' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('a task cancelled by its case cannot be claimed or decided', async () => {
    const { anna } = people;
    const [target] = await openTasks([{ procedure: 'parking-ticket', dueDays: 5 }]);
    await target!.handle.signal(withdrawCaseSignal);
    await eventually(async () => (await app.system.model.tasks.findById(target!.taskId).lean())?.status === 'cancelled', 'cancelled');
    const id = enc(target!.taskId);
    const claim = await anna.client.request('POST', `/api/tasks/${id}/claim`);
    expect(claim.status).toBe(409);
    expect(claim.json.error.code).toBe('task_not_open');
    expect((await anna.client.request('POST', `/api/tasks/${id}/decision`, { decision: { outcome: 'uphold' } })).json.error.code).toBe('task_not_open');
  });
});
