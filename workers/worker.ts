/**
 * A Temporal worker hosting every amtsweg workflow and activity. Stateless: run as many
 * replicas as load needs (workers/main.ts). Workflows are bundled from workflows/index.ts,
 * once per change of their sources (`npm run build:workflows`, see workers/workflow-bundle.ts).
 *
 * Stopping (SIGINT/SIGTERM, or stop()): the worker stops polling at once, lets the activities
 * in flight finish for up to the grace time (WORKER_SHUTDOWN_GRACE_SECONDS, default 30), then
 * cancels the rest; Temporal retries a cancelled or lost attempt on another replica.
 */
import { Worker, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { connectWorkerConnection, dataConverter } from '../temporal/connection';
import type { System } from '../system/system';
import { activityDepsOf } from './activity-deps';

import { workflowBundle } from './workflow-bundle';

export { workflowsPath } from './workflow-bundle';

/** The workflow bundle: prebuilt (dist/workflows) when it matches the sources, else bundled now (workers/workflow-bundle.ts). */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  const { code, sourceMap } = await workflowBundle();
  return { code, sourceMap };
}

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  payloadKey: Buffer;
  deps: ActivityDeps;
  bundle?: WorkflowBundleWithSourceMap;
  /** How long activities in flight may finish after shutdown was asked for; default 30 s. */
  shutdownGraceMs?: number;
  /**
   * Activities at once (default 16; the SDK's 100 would hold as many mail connections and registry
   * calls on a 2-core machine). PDFs render in threads (documents/threads/pool.ts), not on the event
   * loop this worker shares with the web server under `npm start`.
   */
  maxConcurrentActivities?: number;
}

export async function createWorker(options: WorkerOptions): Promise<Worker> {
  const grace = options.shutdownGraceMs ?? 30_000;
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.bundle ?? (await bundleWorkflows()),
    activities: createActivities(options.deps),
    dataConverter: dataConverter(options.payloadKey),
    shutdownGraceTime: grace,
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? 16,
    // Beyond grace, cancelled activities get this long to confirm; then the worker gives up waiting.
    shutdownForceTime: grace + 15_000,
  });
}

export interface RunningWorker {
  worker: Worker;
  /** Settles when the worker has stopped (rejects on a fatal worker error). */
  done: Promise<void>;
  /** Stops polling, drains within the grace time, closes the worker's connection. */
  stop(): Promise<void>;
}

/** A worker for this system's namespace and task queue, polling until stop(). */
export async function startWorker(system: System, opts: { bundle?: WorkflowBundleWithSourceMap } = {}): Promise<RunningWorker> {
  const { temporal } = system.services;
  const connection = await connectWorkerConnection(temporal);
  try {
    const worker = await createWorker({
      connection, namespace: temporal.namespace, taskQueue: system.config.temporal.taskQueue,
      payloadKey: system.secrets.payloadKey, deps: activityDepsOf(system), bundle: opts.bundle ?? (await bundleWorkflows()),
      shutdownGraceMs: system.config.workerShutdownGraceMs,
      maxConcurrentActivities: system.config.workerMaxConcurrentActivities,
    });
    const done = worker.run();
    done.catch(() => undefined); // observed by whoever awaits `done`; stop() must not throw it again
    let stopping: Promise<void> | undefined;
    return {
      worker, done,
      stop: () => stopping ??= (async () => {
        // Temporal's runtime may already have begun the shutdown on SIGINT/SIGTERM.
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await done.catch(() => undefined);
        await connection.close();
      })(),
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
