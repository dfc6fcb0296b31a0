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
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ferretdbPath, maildevEntry, temporalCliPath } from './binaries';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';
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
}
export interface RunningStack {
  temporalAddress?: string;
  temporalUiUrl?: string;
  mongodbUri?: string;
  smtpUrl?: string;
  mailUiUrl?: string;
  mailApiUrl?: string;
  stop(): Promise<void>;
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

  const state = { owner: self('start'), children: [] as OwnedProcess[] };
  const children: ChildProcess[] = [];
  const own = (name: string, child: ChildProcess) => {
    children.push(child);
    state.children.push({ name, pid: child.pid!, startTime: startTimeOf(child.pid!) });
    writeState(dataDir, state);
  };
  // If this process ends without stop() (an uncaught error), its children do not outlive it.
  const onExit = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) signalGroup(child.pid!, 'SIGTERM');
  };
  process.on('exit', onExit);
  let stopping: Promise<void> | undefined;
  const result: RunningStack = {
    stop: () => stopping ??= (async () => {
      await Promise.all(state.children.map((c) => stopGroup(c)));
      process.off('exit', onExit);
      removeState(dataDir);
    })(),
  };
  try {
    const waits: Promise<void>[] = [];
    if (want.temporal) {
      mkdirSync(join(dataDir, 'temporal'), { recursive: true });
      const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(ports.temporal),
        '--http-port', String(await freePort()), '--db-filename', join(dataDir, 'temporal', 'temporal.sqlite'),
        '--namespace', options.temporalNamespace ?? 'default', '--log-level', 'warn',
        '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=OFF',
        '--dynamic-config-value', 'frontend.enableExecuteMultiOperation=true',
        '--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true',
        ...Object.entries(SEARCH_ATTRIBUTES).flatMap(([k, t]) => ['--search-attribute', `${k}=${t}`])];
      if (options.temporalUi === false) args.push('--headless');
      else args.push('--ui-ip', '127.0.0.1', '--ui-port', String(ports.temporalUi));
      const child = startProcess('temporal', temporalCliPath(), args, logDir);
      own('temporal', child);
      waits.push(waitForPort(ports.temporal, 'Temporal dev server', child, 120_000, join(logDir, 'temporal.log'), 'TEMPORAL_PORT'));
      result.temporalAddress = `127.0.0.1:${ports.temporal}`;
      if (options.temporalUi !== false) result.temporalUiUrl = `http://127.0.0.1:${ports.temporalUi}`;
    }
    if (want.mongodb) {
      const dir = join(dataDir, 'ferretdb');
      mkdirSync(dir, { recursive: true });
      const child = startProcess('ferretdb', ferretdbPath(), ['--handler=sqlite', `--sqlite-url=file:${dir}/`,
        `--listen-addr=127.0.0.1:${ports.mongodb}`, `--state-dir=${dir}`, '--telemetry=disable',
        '--log-level=warn', '--debug-addr=-'], logDir);
      own('ferretdb', child);
      waits.push(waitForPort(ports.mongodb, 'FerretDB', child, 120_000, join(logDir, 'ferretdb.log'), 'FERRETDB_PORT'));
      result.mongodbUri = `mongodb://127.0.0.1:${ports.mongodb}/amtsweg`;
    }
    if (want.smtp) {
      const dir = join(dataDir, 'mail');
      mkdirSync(dir, { recursive: true });
      const child = startProcess('maildev', process.execPath, [maildevEntry(), '--smtp', String(ports.smtp),
        '--ip', '127.0.0.1', '--web', String(ports.mailUi), '--web-ip', '127.0.0.1', '--mail-directory', dir], logDir);
      own('maildev', child);
      const log = join(logDir, 'maildev.log');
      waits.push(waitForPort(ports.mailUi, 'MailDev', child, 120_000, log, 'MAILDEV_WEB_PORT'), waitForPort(ports.smtp, 'MailDev SMTP', child, 120_000, log, 'MAILDEV_SMTP_PORT'));
      result.smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
      result.mailUiUrl = `http://127.0.0.1:${ports.mailUi}`;
      result.mailApiUrl = `http://127.0.0.1:${ports.mailUi}`;
    }
    await Promise.all(waits);
    return result;
  } catch (error) {
    await result.stop();
    throw error;
  }
}
