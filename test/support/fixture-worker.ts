/**
 * A worker for the human-task fixture workflow (test/workflows/fixtures/human-task-workflow.ts)
 * beside a running system, on its own task queue, with the system's own activities and payload
 * codec: the HTTP and browser tests of the inbox get tasks without a whole procedure.
 */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { dataConverter } from '../../temporal/connection';
import { activityDepsOf } from '../../workers/activity-deps';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { stack } from './env';

export async function startHumanTaskFixtureWorker(app: RunningSystem, taskQueue: string): Promise<{ stop(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: stack.temporalAddress });
  const worker = await Worker.create({
    connection, namespace: app.system.services.temporal.namespace, taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../workflows/fixtures/human-task-workflow.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never,
    }),
    activities: createActivities(activityDepsOf(app.system)),
    dataConverter: dataConverter(app.system.secrets.payloadKey),
  });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
    },
  };
}
