/**
 * Starts the embedded stack on loopback: Temporal dev server (SQLite file), FerretDB (SQLite),
 * and MailDev (SMTP catcher with web UI and HTTP API). A service whose production address is
 * configured is not started. Logs go to <dataDir>/logs; stop() ends every child cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ferretdbPath, maildevEntry, temporalCliPath } from './binaries';
import { SEARCH_ATTRIBUTES } from '../../temporal/search-attributes';


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

export async function waitForPort(port: number, name: string, child: ChildProcess, timeoutMs = 120_000, logFile?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready${logTail(logFile)}`);
    const open = await new Promise<boolean>((ok) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), ok(true)));
      socket.once('error', () => ok(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

function startProcess(name: string, cmd: string, args: string[], logDir: string): ChildProcess {
  const out = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
  await exited;
  clearTimeout(timer);
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const dataDir = resolve(options.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const want = { temporal: true, mongodb: true, smtp: true, ...options.start };
  const { ports } = options;
  const children: ChildProcess[] = [];
  const result: RunningStack = {
    stop: async () => {
      await Promise.all(children.map(stopProcess));
    },
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
      children.push(child);
      waits.push(waitForPort(ports.temporal, 'Temporal dev server', child, 120_000, join(logDir, 'temporal.log')));
      result.temporalAddress = `127.0.0.1:${ports.temporal}`;
      if (options.temporalUi !== false) result.temporalUiUrl = `http://127.0.0.1:${ports.temporalUi}`;
    }
    if (want.mongodb) {
      const dir = join(dataDir, 'ferretdb');
      mkdirSync(dir, { recursive: true });
      const child = startProcess('ferretdb', ferretdbPath(), ['--handler=sqlite', `--sqlite-url=file:${dir}/`,
        `--listen-addr=127.0.0.1:${ports.mongodb}`, `--state-dir=${dir}`, '--telemetry=disable',
        '--log-level=warn', '--debug-addr=-'], logDir);
      children.push(child);
      waits.push(waitForPort(ports.mongodb, 'FerretDB', child, 120_000, join(logDir, 'ferretdb.log')));
      result.mongodbUri = `mongodb://127.0.0.1:${ports.mongodb}/amtsweg`;
    }
    if (want.smtp) {
      const dir = join(dataDir, 'mail');
      mkdirSync(dir, { recursive: true });
      const child = startProcess('maildev', process.execPath, [maildevEntry(), '--smtp', String(ports.smtp),
        '--ip', '127.0.0.1', '--web', String(ports.mailUi), '--web-ip', '127.0.0.1', '--mail-directory', dir], logDir);
      children.push(child);
      waits.push(waitForPort(ports.mailUi, 'MailDev', child, 120_000, join(logDir, 'maildev.log')), waitForPort(ports.smtp, 'MailDev SMTP', child, 120_000, join(logDir, 'maildev.log')));
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
