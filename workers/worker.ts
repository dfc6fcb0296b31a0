/**
 * A Temporal worker hosting every amtsweg workflow and activity. Stateless: run as many
 * replicas as load needs. Workflows are bundled from workflows/index.ts.
 */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { dataConverter } from '../temporal/connection';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never });
}

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  payloadKey: Buffer;
  deps: ActivityDeps;
  bundle?: WorkflowBundleWithSourceMap;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.bundle ?? (await bundleWorkflows()),
    activities: createActivities(options.deps),
    dataConverter: dataConverter(options.payloadKey),
  });
}
