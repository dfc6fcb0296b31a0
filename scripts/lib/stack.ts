/**
 * Starts the embedded stack on loopback: Temporal dev server (SQLite file), FerretDB (SQLite),
 * and MailDev (SMTP catcher with web UI and HTTP API). A service whose production address is
 * configured is not started. Logs go to <dataDir>/logs (written by the children themselves).
 * The stack owns its children: each runs in its own process group and is recorded with its
 * owner in <dataDir>/run/stack.json, so a start after a crash stops what the crashed start left
 * running (a watchdog beside each child stops it soon after its owner is gone, also by kill -9),
 * and a port held by any other program is refused with a message, never used.
 * stop() ends every child cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ferretdbPath, maildevEntry, temporalCliPath } from './binaries';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
import { claimTemporalVersion, setRetention, temporalDbFile, temporalVersionOf } from './temporal-data';
import {
  isGroupAlive, isSameProcess, portIsFree, portListener, PortInUseError, readState, StartRefusedError, removeState, self, signalGroup, startTimeOf, stopGroup, writeState,
  type OwnedProcess,
} from './processes';

export interface StackPorts { temporal: number; temporalUi: number; mongodb: number; smtp: number; mailUi: number }
export interface StackOptions {
  dataDir: string;
  ports: StackPorts;
  temporalNamespace?: string;
  start?: { temporal?: boolean; mongodb?: boolean; smtp?: boolean };
  temporalUi?: boolean;
  /**
   * The codec endpoint the embedded Temporal Web UI calls to show payloads decoded
   * (`<PUBLIC_BASE_URL>/api/temporal-codec`; administrators only, see docs/temporal.md).
   */
  temporalUiCodecEndpoint?: string;
  /** How long closed workflows are kept, in days (default DEFAULT_RETENTION_DAYS). */
  temporalRetentionDays?: number;
  /** The first port tried for the dev server's HTTP API (default: a free one); another is picked when it is taken. */
  temporalHttpPort?: number;
}

/** Closed cases' workflows stay readable in Temporal this long; the audit trail in the database keeps the case for good. */
export const DEFAULT_RETENTION_DAYS = 30;
export interface RunningStack {
  temporalAddress?: string;
  temporalUiUrl?: string;
  mongodbUri?: string;
  smtpUrl?: string;
  mailUiUrl?: string;
  mailApiUrl?: string;
  stop(): Promise<void>;
}

/**
 * SQLite settings of the Temporal dev server. WAL lets readers run beside the one writer;
 * synchronous=FULL syncs the WAL at every commit, so what Temporal acknowledged (a ticket
 * number, an accepted Update, a payment signal) survives an OS crash or power loss, as
 * FerretDB's own writes do (see the decision record on durability). NORMAL (or OFF) can only be
 * chosen for a measurement, with AMTSWEG_TEMPORAL_SQLITE_SYNCHRONOUS (bench only).
 */
export function temporalSqlitePragmas(env: NodeJS.ProcessEnv = process.env): string[] {
  const synchronous = env.AMTSWEG_TEMPORAL_SQLITE_SYNCHRONOUS || 'FULL';
  if (!['FULL', 'NORMAL', 'OFF'].includes(synchronous)) throw new Error(`AMTSWEG_TEMPORAL_SQLITE_SYNCHRONOUS must be FULL, NORMAL or OFF, got "${synchronous}"`);
  return ['journal_mode=WAL', `synchronous=${synchronous}`];
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

function logTail(file: string | undefined): string {
  if (!file || !existsSync(file)) return '';
  return `; last lines of ${file}:\n${readFileSync(file, 'utf8').split('\n').slice(-8).join('\n')}`;
}

/**
 * Waits until the child listens on the port. Only our child counts: where the system lets us
 * see who listens (Linux /proc), a listener outside the child's process group is refused.
 */
export async function waitForPort(port: number, name: string, child: ChildProcess, timeoutMs = 120_000, logFile?: string, variable = 'its port variable'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let foreignSince: number | undefined;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready${logTail(logFile)}`);
    }
    // Where /proc shows who listens, only our child counts (a connect could even reach itself:
    // a TCP self-connect on a free port in the ephemeral range). Elsewhere: any listener.
    const who = portListener(port, child.pid!);
    if (who === 'ours') return;
    if (who === 'foreign') {
      // Someone else took the port after our check; our child will fail on it.
      foreignSince ??= Date.now();
      if (Date.now() - foreignSince > 1000) throw new PortInUseError(port, name, variable);
    } else if (who === undefined) {
      const open = await new Promise<boolean>((ok) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), ok(true)));
        socket.once('error', () => ok(false));
      });
      if (open) return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s${logTail(logFile)}`);
}

/**
 * Runs a service beside a watchdog (a few lines of sh): when the owner (this process) is gone,
 * also by kill -9, the service is stopped within two seconds instead of holding its port.
 */
const WATCHDOG = 'owner=$1; shift; "$@" & child=$!; trap \'kill -TERM $child 2>/dev/null\' TERM INT HUP; '
  + 'while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 2; done; kill -TERM "$child" 2>/dev/null; wait "$child"';

/**
 * A child in its own process group (so a Ctrl-C of the terminal reaches only the start process,
 * which stops the stack in order), writing straight to its log file (so it never dies of a
 * closed pipe, nor loses its log, when its parent is gone), watched by a watchdog.
 */
function startProcess(name: string, cmd: string, args: string[], logDir: string): ChildProcess {
  const log = openSync(join(logDir, `${name}.log`), 'a');
  try {
    return spawn('/bin/sh', ['-c', WATCHDOG, `amtsweg-${name}`, String(process.pid), cmd, ...args], { stdio: ['ignore', log, log], detached: true });
  } finally {
    closeSync(log);
  }
}

/**
 * Makes the data folder ours: a start that is still running refuses a second one; the children
 * of a start that died (kill -9, power cut) are stopped before anything new starts.
 */
async function claimDataDir(dataDir: string): Promise<void> {
  const previous = readState(dataDir);
  if (!previous) return;
  if (previous.owner.pid !== process.pid && isSameProcess(previous.owner)) {
    throw new StartRefusedError(`amtsweg is already running from the data folder ${dataDir} (pid ${previous.owner.pid}); stop it first, or use another AMTSWEG_DATA_DIR.`);
  }
  const stale = previous.children.filter(isGroupAlive);
  if (stale.length) {
    console.warn(`[amtsweg] stopping what a previous start left running: ${stale.map((c) => `${c.name} (pid ${c.pid})`).join(', ')}`);
    await Promise.all(stale.map((c) => stopGroup(c)));
  }
  removeState(dataDir);
}

interface Service {
  name: string;
  cmd: string;
  args: string[];
  /** [port, what, variable]: the service is ready when its group listens on each. */
  ports: [number, string, string][];
  child?: ChildProcess;
  startedAt: number;
  restarts: number;
}

/** Restart delays: 1, 2, 4 … 30 s; a service that ran a minute starts counting again. */
export const restartDelayMs = (restarts: number) => Math.min(30_000, 1000 * 2 ** restarts);

/**
 * Why a Temporal dev server did not start, when another start can help: `http` — the HTTP API
 * port we picked was taken between our check and its bind (pick another; CI saw it once);
 * `internal` — a port the CLI picked itself for an internal service (history, matching, worker,
 * membership) was taken before its bind, and the server died (CI: "Failed to start gRPC listener
 * … 127.0.0.1:46001: bind: address already in use" service=history, then a nil-listener panic);
 * a new start picks new ones. The frontend port and the Web UI's port are fixed addresses (the
 * UI's is checked before the start): a bind failure on either is no reason to try again.
 */
export function temporalPortTaken(log: string, frontendPort: number, httpPort: number, uiPort?: number): 'http' | 'internal' | undefined {
  const taken = [...log.matchAll(/listen tcp 127\.0\.0\.1:(\d+): bind: address already in use/g)].map((m) => Number(m[1]));
  // Refused by the CLI's own check ("can't set frontend HTTP port N") or, taken after it, by the server's bind.
  if (taken.includes(httpPort) || new RegExp(`HTTP port ${httpPort}\\b[^\\n]*address already in use`).test(log)) return 'http';
  if (taken.some((port) => port !== frontendPort && port !== uiPort)) return 'internal';
  return undefined;
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const want = { temporal: true, mongodb: true, smtp: true, ...options.start };
  const { ports } = options;
  await claimDataDir(dataDir);
  // Every port is checked before anything starts: a port held by another program is refused, never used.
  const needed: [number, string, string][] = [
    ...(want.temporal ? [[ports.temporal, 'Temporal', 'TEMPORAL_PORT'] as [number, string, string]] : []),
    ...(want.temporal && options.temporalUi !== false ? [[ports.temporalUi, 'the Temporal Web UI', 'TEMPORAL_UI_PORT'] as [number, string, string]] : []),
    ...(want.mongodb ? [[ports.mongodb, 'FerretDB (MongoDB)', 'FERRETDB_PORT'] as [number, string, string]] : []),
    ...(want.smtp ? [[ports.smtp, 'MailDev SMTP', 'MAILDEV_SMTP_PORT'] as [number, string, string], [ports.mailUi, 'the MailDev web UI', 'MAILDEV_WEB_PORT'] as [number, string, string]] : []),
  ];
  for (const [port, what, variable] of needed) {
    if (!(await portIsFree(port))) throw new PortInUseError(port, what, variable);
  }
  const temporalCli = want.temporal ? temporalCliPath() : '';
  // A Temporal file from another server version is refused before anything starts.
  if (want.temporal) claimTemporalVersion(dataDir, temporalVersionOf(temporalCli));

  const state = { owner: self('start'), children: [] as OwnedProcess[] };
  const services: Service[] = [];
  let stopping = false;
  let supervising = false;
  /**
   * Starts a service and waits until it listens. Once the stack is up, a service that exits is
   * started again after a growing pause (logged), so a dead FerretDB or Temporal comes back by
   * itself; the clients (mongoose, the Temporal SDK) reconnect on their own.
   */
  const launch = (svc: Service): Promise<unknown> => {
    const child = startProcess(svc.name, svc.cmd, svc.args, logDir);
    svc.child = child;
    svc.startedAt = Date.now();
    state.children = [...state.children.filter((c) => c.name !== svc.name), { name: svc.name, pid: child.pid!, startTime: startTimeOf(child.pid!) }];
    writeState(dataDir, state);
    child.once('exit', (code, signal) => {
      // The watchdog shell reports a killed service as 128 + the signal's number.
      if (supervising && !stopping) void restart(svc, signal ?? (code !== null && code > 128 ? `killed by signal ${code - 128}` : `exit code ${code}`));
    });
    const log = join(logDir, `${svc.name}.log`);
    return Promise.all(svc.ports.map(([port, what, variable]) => waitForPort(port, what, child, 120_000, log, variable)));
  };
  const restart = async (svc: Service, how: string): Promise<void> => {
    const left = state.children.find((c) => c.name === svc.name);
    if (left) await stopGroup(left, 2000); // whatever else of its group is still there
    if (Date.now() - svc.startedAt > 60_000) svc.restarts = 0;
    const delay = restartDelayMs(svc.restarts);
    svc.restarts += 1;
    console.warn(`[amtsweg] ${svc.name} exited (${how}); restarting it in ${delay / 1000} s (restart ${svc.restarts}; log: ${join(logDir, `${svc.name}.log`)})`);
    await new Promise((r) => setTimeout(r, delay));
    if (stopping) return;
    try {
      await launch(svc);
      console.warn(`[amtsweg] ${svc.name} is running again`);
    } catch (error) {
      // Its exit (if it exited) schedules the next attempt.
      console.error(`[amtsweg] ${svc.name} did not come back: ${(error as Error).message}`);
    }
  };
  // If this process ends without stop() (an uncaught error), its children do not outlive it.
  const onExit = () => {
    for (const { child } of services) if (child && child.exitCode === null && child.signalCode === null) signalGroup(child.pid!, 'SIGTERM');
  };
  process.on('exit', onExit);
  let stopped: Promise<void> | undefined;
  const result: RunningStack = {
    stop: () => stopped ??= (async () => {
      stopping = true;
      await Promise.all(state.children.map((c) => stopGroup(c)));
      process.off('exit', onExit);
      removeState(dataDir);
    })(),
  };
  /** Starts a service; `again` may change its arguments after a failed first start and ask for another try. */
  const service = async (name: string, cmd: string, args: string[], servicePorts: [number, string, string][],
    again?: (svc: Service, error: Error, attempt: number) => Promise<boolean>) => {
    const svc: Service = { name, cmd, args, ports: servicePorts, startedAt: Date.now(), restarts: 0 };
    services.push(svc);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await launch(svc);
      } catch (error) {
        if (!again || !(error instanceof Error) || !(await again(svc, error, attempt))) throw error;
        console.warn(`[amtsweg] ${name} did not start (${error.message.split('\n')[0]}); trying again`);
      }
    }
  };
  try {
    const waits: Promise<unknown>[] = [];
    const namespace = options.temporalNamespace ?? 'default';
    if (want.temporal) {
      mkdirSync(join(dataDir, 'temporal'), { recursive: true });
      const httpPortAt = (args: string[]) => args.indexOf('--http-port') + 1;
      const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(ports.temporal),
        '--http-port', String(options.temporalHttpPort ?? await freePort()), '--db-filename', temporalDbFile(dataDir),
        '--namespace', namespace, '--log-level', 'warn',
        ...temporalSqlitePragmas().flatMap((p) => ['--sqlite-pragma', p]),
        '--dynamic-config-value', 'frontend.enableExecuteMultiOperation=true',
        '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
        ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([k, t]) => ['--search-attribute', `${k}=${t}`])];
      if (options.temporalUi === false) args.push('--headless');
      else {
        args.push('--ui-ip', '127.0.0.1', '--ui-port', String(ports.temporalUi));
        if (options.temporalUiCodecEndpoint) args.push('--ui-codec-endpoint', options.temporalUiCodecEndpoint);
      }
      const temporalLog = join(logDir, 'temporal.log');
      // What this start wrote: the log is appended to across starts.
      let logFrom = existsSync(temporalLog) ? statSync(temporalLog).size : 0;
      waits.push(service('temporal', temporalCli, args, [[ports.temporal, 'Temporal dev server', 'TEMPORAL_PORT']], async (svc, error, attempt) => {
        if (attempt >= 3) return false;
        // Only a server that died is started again: one still running (the port wait timed out) owns the file.
        if (svc.child && svc.child.exitCode === null && svc.child.signalCode === null) return false;
        const bytes = existsSync(temporalLog) ? readFileSync(temporalLog).subarray(logFrom) : Buffer.alloc(0);
        logFrom += bytes.length;
        const taken = temporalPortTaken(bytes.toString('utf8'), ports.temporal, Number(svc.args[httpPortAt(svc.args)]),
          options.temporalUi === false ? undefined : ports.temporalUi);
        if (taken === 'http') svc.args[httpPortAt(svc.args)] = String(await freePort());
        return taken !== undefined;
      })
        .then(() => setRetention(`127.0.0.1:${ports.temporal}`, namespace, options.temporalRetentionDays ?? DEFAULT_RETENTION_DAYS)));
      result.temporalAddress = `127.0.0.1:${ports.temporal}`;
      if (options.temporalUi !== false) result.temporalUiUrl = `http://127.0.0.1:${ports.temporalUi}`;
    }
    if (want.mongodb) {
      const dir = join(dataDir, 'ferretdb');
      mkdirSync(dir, { recursive: true });
      waits.push(service('ferretdb', ferretdbPath(), ['--handler=sqlite', `--sqlite-url=file:${dir}/`,
        `--listen-addr=127.0.0.1:${ports.mongodb}`, `--state-dir=${dir}`, '--telemetry=disable',
        '--log-level=warn', '--debug-addr=-'], [[ports.mongodb, 'FerretDB', 'FERRETDB_PORT']]));
      result.mongodbUri = `mongodb://127.0.0.1:${ports.mongodb}/amtsweg`;
    }
    if (want.smtp) {
      const dir = join(dataDir, 'mail');
      mkdirSync(dir, { recursive: true });
      // --silent: MailDev would log every mail's sender, recipient and subject (personal data in a
      // log, test/chaos/no-personal-data-in-logs.test.ts); it has no quieter level. A crash still
      // reaches the log (Node prints uncaught errors itself), and a start that fails shows at its ports.
      waits.push(service('maildev', process.execPath, [maildevEntry(), '--smtp', String(ports.smtp),
        '--ip', '127.0.0.1', '--web', String(ports.mailUi), '--web-ip', '127.0.0.1', '--mail-directory', dir, '--silent'],
      [[ports.mailUi, 'MailDev', 'MAILDEV_WEB_PORT'], [ports.smtp, 'MailDev SMTP', 'MAILDEV_SMTP_PORT']]));
      result.smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
      result.mailUiUrl = `http://127.0.0.1:${ports.mailUi}`;
      result.mailApiUrl = `http://127.0.0.1:${ports.mailUi}`;
    }
    await Promise.all(waits);
    supervising = true;
    return result;
  } catch (error) {
    await result.stop();
    throw error;
  }
}
