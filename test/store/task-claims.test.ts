/**
 * Who works a task, under concurrency, on the embedded FerretDB (no atomic conditional
 * updates): of many caseworkers claiming one task at the same moment exactly one wins, every
 * time — twenty contenders, twenty tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { changeAssignee, findTask, openTask } from '../../store/tasks/task-store';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_task_claims')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
});
afterAll(async () => {
  await conn?.close();
});

const CONTENDERS = 20;
const ROUNDS = 20;

async function newTask(n: number) {
  const { task } = await openTask(model, {
    _id: `claims-wf-${n}~decision`, workflowId: `claims-wf-${n}`, runId: 'run-1', type: 'test.decision', department: 'fine-office', procedure: 'parking-ticket',
    caseNumber: `TEST-${n}`, title: { de: 'Entscheiden', en: 'Decide' }, decisionSchema: { type: 'object' }, decisionUiSchema: {},
    outcomes: { uphold: { required: [], label: { de: 'Aufrechterhalten', en: 'Uphold' } } }, dueAt: new Date(Date.now() + 14 * 86_400_000), caseData: {},
  } as never);
  return task;
}

describe('claiming a task', () => {
  it(`when ${CONTENDERS} caseworkers claim one task at once, then exactly one wins and the task names that one — ${ROUNDS} times over`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const task = await newTask(round);
      const contenders = Array.from({ length: CONTENDERS }, (_, i) => `cw-${round}-${i}`);
      // Each read the open, unclaimed task before any claim landed (as the API does).
      const seen = await Promise.all(contenders.map(() => findTask(model, task._id)));
      const results = await Promise.all(contenders.map((by, i) => changeAssignee(model, seen[i]!, { action: 'claim', by, to: { id: by, displayName: by } })));
      const winners = contenders.filter((_, i) => results[i]!.outcome === 'changed');
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'taken'), `round ${round}`).toHaveLength(CONTENDERS - 1);
      expect((await findTask(model, task._id))?.assignee, `round ${round}`).toBe(winners[0]);
      expect(await model.taskClaims.countDocuments({ taskId: task._id })).toBe(1);
    }
  });
});
