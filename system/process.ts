/**
 * What every amtsweg process does around its work: find the services it talks to, and stop
 * cleanly on SIGINT/SIGTERM. Used by workers/main.ts and server/main.ts (each runs alone,
 * as many replicas as needed) and by `npm start` (both in one process beside the embedded stack).
 */
import type { AppConfig } from '../config/config';
import type { ResolvedServices } from './system';

/**
 * The configured services; where one is not configured, the embedded one that `npm start`
 * runs on this machine (its default ports), so a second worker can join a running `npm start`.
 */
export function configuredServices(config: AppConfig, log: (line: string) => void = console.log): ResolvedServices {
  const fallback = (name: string, value: string | undefined, embedded: string) => {
    if (value) return value;
    log(`[amtsweg] ${name} is not set: using the embedded stack of \`npm start\` at ${embedded}`);
    return embedded;
  };
  return {
    temporal: { ...config.temporal, address: fallback('TEMPORAL_ADDRESS', config.temporal.address, `127.0.0.1:${config.ports.temporal}`) },
    mongodbUri: fallback('MONGODB_URI', config.mongodbUri, `mongodb://127.0.0.1:${config.ports.mongodb}/amtsweg`),
    smtpUrl: fallback('SMTP_URL', config.smtpUrl, `smtp://127.0.0.1:${config.ports.smtp}`),
  };
}

/**
 * Runs `stop` once on the first SIGINT, SIGTERM or SIGHUP, then exits (0, or 1 if stopping failed).
 * Further signals while stopping are ignored: npm forwards the terminal's Ctrl-C a second time.
 */
export function stopOnSignal(name: string, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`[amtsweg] ${name}: ${signal}, stopping …`);
    stop().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, handler);
}
