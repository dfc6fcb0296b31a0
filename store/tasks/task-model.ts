/**
 * Inbox tasks (the generic human task, workflows/tasks). The task document is the truth about
 * one task; its queues (task-queues.ts, stored by queue-index.ts) are derived from it so a page of a
 * queue is a handful of `_id` lookups on FerretDB. Assignment changes are claimed by insert into
 * `task_claims` (`<taskId>#<n>`): FerretDB's conditional updates are not atomic.
 */
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { TASK_STATES } from '../../domain/tasks';

const localText = { de: String, en: String };

const taskSchema = new Schema({
  /** taskIdOf(workflowId, key): deterministic, so opening twice finds the same document. */
  _id: { type: String, required: true },
  workflowId: { type: String, required: true },
  runId: { type: String, required: true },
  type: { type: String, required: true },
  department: { type: String, required: true },
  procedure: { type: String, required: true },
  caseNumber: { type: String, required: true },
  title: localText,
  decisionSchema: { type: Schema.Types.Mixed, required: true },
  decisionUiSchema: { type: Schema.Types.Mixed },
  outcomes: { type: Schema.Types.Mixed, required: true },
  dueAt: { type: Date, required: true },
  caseData: { type: Schema.Types.Mixed },
  status: { type: String, required: true, enum: [...TASK_STATES] },
  overdue: { type: Boolean, default: false },
  escalatedAt: Date,
  assignee: { type: String, default: null },
  assigneeName: { type: String, default: null },
  /** The last assignment generation taken in task_claims (0: never claimed). */
  claimSeq: { type: Number, default: 0 },
  decision: { type: Schema.Types.Mixed },
  decidedBy: String,
  cancelReason: String,
  closedAt: Date,
  /** Queue keys this task may have entries in (a superset while an index write runs). */
  indexedKeys: { type: [String], default: [] },
}, { collection: 'tasks', timestamps: true, versionKey: false, minimize: false });
// What a real MongoDB would serve the inbox queries with; FerretDB v1 scans instead (see queue-index).
taskSchema.index({ department: 1, status: 1, dueAt: 1 });
taskSchema.index({ assignee: 1, status: 1, dueAt: 1 });
taskSchema.index({ procedure: 1 });

/** One document per assignment change; the unique `_id` makes two claims of one generation impossible. */
const taskClaimSchema = new Schema({
  _id: { type: String, required: true },
  taskId: { type: String, required: true },
  action: { type: String, required: true, enum: ['claim', 'return', 'reassign'] },
  by: { type: String, required: true },
  to: { type: String, default: null },
  at: { type: Date, required: true },
}, { collection: 'task_claims', versionKey: false });

/** Queue directories and buckets (shape owned by queue-index.ts). */
const taskQueueSchema = new Schema({ _id: { type: String, required: true } }, { collection: 'task_queues', strict: false, versionKey: false });
/** Insert-claimed locks serialising writes per queue and per task (../lease-lock.ts). */
const taskLockSchema = new Schema({ _id: { type: String, required: true } }, { collection: 'task_locks', strict: false, versionKey: false });

export type TaskDoc = InferSchemaType<typeof taskSchema> & { _id: string; createdAt: Date; updatedAt: Date };

function model<T>(conn: Connection, name: string, schema: Schema): Model<T> {
  return ((conn.models[name] as unknown) ?? conn.model(name, schema)) as Model<T>;
}

export function taskReadModels(conn: Connection) {
  return {
    tasks: model<TaskDoc>(conn, 'Task', taskSchema),
    taskClaims: model<InferSchemaType<typeof taskClaimSchema> & { _id: string }>(conn, 'TaskClaim', taskClaimSchema),
    taskQueues: model<{ _id: string }>(conn, 'TaskQueueDoc', taskQueueSchema),
    taskLocks: model<{ _id: string }>(conn, 'TaskLock', taskLockSchema),
  };
}
