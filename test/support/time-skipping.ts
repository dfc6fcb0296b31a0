/**
 * One time-skipping Temporal test environment per workflow test file (time skipping is global
 * to an environment), with the real activities on the file's own database and one bundle of
 * the workflow code. Each test gets a fresh task queue through `withWorker`.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { bundleWorkflows } from '../../workers/worker';
import { ensureSearchAttributes } from '../../temporal/search-attributes';
import { createActivityEnv, type ActivityEnv } from './activity-env';
import { stack } from './env';

export interface TimeSkippingContext {
  readonly env: TestWorkflowEnvironment;
  readonly db: ActivityEnv;
  /** `activities` builds the worker's activities from the file's deps (default: the real ones as they are). */
  withWorker<T>(fn: (taskQueue: string) => Promise<T>, activities?: (deps: ActivityEnv['deps']) => object): Promise<T>;
}

export function useTimeSkippingEnv(dbName: string): TimeSkippingContext {
  let env: TestWorkflowEnvironment | undefined;
  let db: ActivityEnv | undefined;
  let bundle: WorkflowBundleWithSourceMap | undefined;
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: stack.timeSkippingServerPath } } });
    await ensureSearchAttributes(env.connection, 'default');
    bundle = await bundleWorkflows();
    db = await createActivityEnv(dbName);
  });
  afterAll(async () => {
    await db?.close();
    await env?.teardown();
  });
  return {
    get env() { return env!; },
    get db() { return db!; },
    async withWorker(fn, activities = createActivities) {
      const taskQueue = `tq-${randomUUID()}`;
      const worker = await Worker.create({ connection: env!.nativeConnection, taskQueue, workflowBundle: bundle!, activities: activities(db!.deps) });
      return worker.runUntil(fn(taskQueue));
    },
  };
}
