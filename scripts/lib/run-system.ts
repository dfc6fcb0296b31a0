/**
 * Runs amtsweg on one machine: the embedded stack for every service whose production address
 * is not configured, then the web server and a worker in this process. Used by `npm start`
 * and by the HTTP/browser tests (with ports chosen freely).
 */
import type { Server } from 'node:http';
import type { Worker } from '@temporalio/worker';
import type { Connection } from '@temporalio/client';
import type { AppConfig } from '../../config/config';
import { createApp } from '../../server/app';
import { connectSystem, type System } from '../../system/system';
import { connectWorkerConnection } from '../../temporal/connection';
import { bundleWorkflows, createWorker } from '../../workers/worker';
import { activityDepsOf } from '../../workers/activity-deps';
import { startStack, type RunningStack } from './stack';
import { ensureSearchAttributes } from '../../temporal/search-attributes';
import { ensureSchedules } from '../../temporal/schedules';

export interface RunningSystem {
  system: System;
  server: Server;
  stack?: RunningStack;
  baseUrl: string;
  stop(): Promise<void>;
}

export interface ServiceOverrides { temporalAddress?: string; mongodbUri?: string; smtpUrl?: string }

export async function runSystem(config: AppConfig, overrides: ServiceOverrides = {}, opts: { webDir?: string } = {}): Promise<RunningSystem> {
  const temporalAddress = overrides.temporalAddress ?? config.temporal.address;
  const mongodbUri = overrides.mongodbUri ?? config.mongodbUri;
  const smtpUrl = overrides.smtpUrl ?? config.smtpUrl;
  const stack = !temporalAddress || !mongodbUri || !smtpUrl
    ? await startStack({ dataDir: config.dataDir, ports: config.ports, temporalNamespace: config.temporal.namespace,
      start: { temporal: !temporalAddress, mongodb: !mongodbUri, smtp: !smtpUrl } })
    : undefined;
  const temporal = { ...config.temporal, address: temporalAddress ?? stack!.temporalAddress! };
  const system = await connectSystem(config, { temporal, mongodbUri: mongodbUri ?? stack!.mongodbUri!, smtpUrl: smtpUrl ?? stack!.smtpUrl! });
  await ensureSearchAttributes(system.temporal.connection as Connection, temporal.namespace);
  const app = createApp(system, opts);
  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(config.port, '127.0.0.1', () => ok(s));
    s.once('error', fail);
  });
  const workerConnection = await connectWorkerConnection(temporal);
  const worker: Worker = await createWorker({
    connection: workerConnection, namespace: temporal.namespace, taskQueue: temporal.taskQueue,
    payloadKey: system.secrets.payloadKey, deps: activityDepsOf(system), bundle: await bundleWorkflows(),
  });
  await ensureSchedules(system.temporal, temporal.taskQueue);
  const running = worker.run();
  let stopped = false;
  return {
    system, server, stack, baseUrl: `http://127.0.0.1:${config.port}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      worker.shutdown();
      await running.catch(() => undefined);
      await workerConnection.close();
      await new Promise((r) => { server.closeAllConnections(); server.close(r); });
      await system.close();
      await stack?.stop();
    },
  };
}
