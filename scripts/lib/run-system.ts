/**
 * Runs amtsweg on one machine: the embedded stack for every service whose production address
 * is not configured, then the web server and a worker in this process — the same parts that
 * server/main.ts and workers/main.ts run alone in production. Used by `npm start` and by the
 * HTTP/browser tests (with ports chosen freely).
 */
import type { Server } from 'node:http';
import type { Connection } from '@temporalio/client';
import type { AppConfig } from '../../config/config';
import { createApp } from '../../server/app';
import { serve } from '../../server/serve';
import { connectSystem, type System } from '../../system/system';
import { startWorker } from '../../workers/worker';
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

/**
 * Starts everything; a failure (or `signal` aborting, e.g. Ctrl-C while the workflows bundle)
 * stops whatever had started, so nothing outlives a failed start.
 */
export async function runSystem(config: AppConfig, overrides: ServiceOverrides = {}, opts: { webDir?: string; signal?: AbortSignal } = {}): Promise<RunningSystem> {
  const temporalAddress = overrides.temporalAddress ?? config.temporal.address;
  const mongodbUri = overrides.mongodbUri ?? config.mongodbUri;
  const smtpUrl = overrides.smtpUrl ?? config.smtpUrl;
  const started: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of [...started].reverse()) await stop().catch((error) => console.error('[amtsweg] while stopping:', error));
  };
  const step = async <T>(work: Promise<T>, stop?: (value: T) => Promise<unknown>): Promise<T> => {
    const value = await work;
    if (stop) started.push(() => stop(value));
    opts.signal?.throwIfAborted();
    return value;
  };
  try {
    opts.signal?.throwIfAborted();
    const stack = !temporalAddress || !mongodbUri || !smtpUrl
      ? await step(startStack({ dataDir: config.dataDir, ports: config.ports, temporalNamespace: config.temporal.namespace,
        temporalRetentionDays: config.embedded?.retentionDays, temporalUiCodecEndpoint: `${config.publicBaseUrl}/api/temporal-codec`, start: { temporal: !temporalAddress, mongodb: !mongodbUri, smtp: !smtpUrl } }), (s) => s.stop())
      : undefined;
    const temporal = { ...config.temporal, address: temporalAddress ?? stack!.temporalAddress! };
    const system = await step(connectSystem(config, { temporal, mongodbUri: mongodbUri ?? stack!.mongodbUri!, smtpUrl: smtpUrl ?? stack!.smtpUrl! }), (s) => s.close());
    await step(ensureSearchAttributes(system.temporal.connection as Connection, temporal.namespace));
    const http = await step(serve(createApp(system, opts), config.port, config.host), (h) => h.stop(2000));
    // The worker stops first (its activities may still call the sandboxes this server serves).
    await step(startWorker(system), (w) => w.stop());
    await step(ensureSchedules(system.temporal, config.temporal.taskQueue));
    let stopping: Promise<void> | undefined;
    return {
      system, server: http.server, stack, baseUrl: `http://127.0.0.1:${config.port}`,
      stop: () => stopping ??= stopAll(),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
