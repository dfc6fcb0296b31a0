/**
 * A web process alone: `npm run server` (node --import tsx server/main.ts). REST API under /api,
 * the built web app (dist/web) and, while no production registry is configured, the sandboxes.
 * Run as many replicas as load needs behind a load balancer (HOST=0.0.0.0, PORT, PUBLIC_BASE_URL),
 * configured by environment like the worker (see config/config.ts). SIGINT/SIGTERM: stop accepting
 * connections, let requests in flight finish (up to 10 s), close the connections, exit 0.
 */
import type { Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '../config/config';
import { connectSystem } from '../system/system';
import { configuredServices, stopOnSignal } from '../system/process';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { createApp } from './app';
import { serve } from './serve';

async function run(): Promise<void> {
  const config = loadConfig();
  const services = configuredServices(config);
  const system = await connectSystem(config, services);
  try {
    await ensureSearchAttributes(system.temporal.connection as Connection, services.temporal.namespace);
    const http = await serve(createApp(system), config.port, config.host);
    stopOnSignal('server', async () => {
      await http.stop(10_000);
      await system.close();
    });
    console.log(`[amtsweg] web server listening on ${config.host}:${config.port} (${config.publicBaseUrl})`);
  } catch (error) {
    await system.close().catch(() => undefined);
    throw error;
  }
}

run().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
