/**
 * `npm start` as an operator meets it, with real processes on loopback (free ports, a data
 * folder of its own): kill -INT of the npm process stops every child; after a kill -9 the
 * services stop by themselves (watchdog), and where they did not, the next start stops them
 * and runs on children it owns; a port held by another program is refused with a message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/stack';
import { isGroupAlive, portIsFree, portOwnedByGroup, readState, stateFile, type OwnedProcess } from '../../scripts/lib/processes';

interface Ports { PORT: number; TEMPORAL_PORT: number; TEMPORAL_UI_PORT: number; FERRETDB_PORT: number; MAILDEV_SMTP_PORT: number; MAILDEV_WEB_PORT: number }

async function freePorts(): Promise<Ports> {
  return {
    PORT: await freePort(), TEMPORAL_PORT: await freePort(), TEMPORAL_UI_PORT: await freePort(),
    FERRETDB_PORT: await freePort(), MAILDEV_SMTP_PORT: await freePort(), MAILDEV_WEB_PORT: await freePort(),
  };
}

const spawned: ChildProcess[] = [];
const dataDirs: string[] = [];

interface Started { process: ChildProcess; output: () => string; exited: Promise<number | null> }

/** `npm start` (via: 'npm') or the start process alone (via: 'node'), embedded stack only. */
function start(ports: Ports, dataDir: string, via: 'npm' | 'node'): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, AMTSWEG_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) };
  for (const name of ['TEMPORAL_ADDRESS', 'MONGODB_URI', 'SMTP_URL', 'AMTSWEG_PAYLOAD_KEY']) delete env[name];
  const [cmd, args] = via === 'npm' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'scripts/start.ts']];
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  spawned.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { process: child, output: () => output, exited };
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, detail = () => ''): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${detail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits for the start banner and a healthy /api/health; fails early if the start process exits. */
async function ready(started: Started, ports: Ports): Promise<void> {
  await until('the start banner', () => {
    if (started.process.exitCode !== null) throw new Error(`start exited (${started.process.exitCode}):\n${started.output()}`);
    return started.output().includes('amtsweg is running');
  }, 150_000, started.output);
  const health = await fetch(`http://127.0.0.1:${ports.PORT}/api/health`);
  expect(health.status).toBe(200);
}

/** Those of `ports` nobody listens on. */
async function portsFree(ports: number[]): Promise<number[]> {
  const free = await Promise.all(ports.map(async (port) => ((await portIsFree(port)) ? port : undefined)));
  return free.filter((p): p is number => p !== undefined);
}

const stackPorts = (ports: Ports) => [ports.TEMPORAL_PORT, ports.TEMPORAL_UI_PORT, ports.FERRETDB_PORT, ports.MAILDEV_SMTP_PORT, ports.MAILDEV_WEB_PORT];

function childrenOf(dataDir: string): OwnedProcess[] {
  const state = readState(dataDir);
  if (!state) throw new Error(`no ${stateFile(dataDir)}`);
  return state.children;
}

afterAll(async () => {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  // Whatever a failed test left running in its data folder.
  for (const dir of dataDirs) for (const c of readState(dir)?.children ?? []) if (isGroupAlive(c)) try { process.kill(-c.pid, 'SIGKILL'); } catch { /* gone */ }
});

function dataDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `amtsweg-${name}-`));
  dataDirs.push(dir);
  return dir;
}

describe('npm start as a process', () => {
  it('when the npm start process gets SIGINT (kill -INT, not a Ctrl-C of the terminal), then every child stops and every port is free', async () => {
    const ports = await freePorts();
    const dir = dataDir('sigint');
    const npm = start(ports, dir, 'npm');
    await ready(npm, ports);
    const children = childrenOf(dir);
    expect(children.map((c) => c.name).sort()).toEqual(['ferretdb', 'maildev', 'temporal']);

    const interruptedAt = Date.now();
    process.kill(npm.process.pid!, 'SIGINT');
    const code = await Promise.race([npm.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 60_000))]);
    const stoppedMs = Date.now() - interruptedAt;
    const running = children.filter(isGroupAlive).map((c) => c.name);
    const allPorts = [ports.PORT, ...stackPorts(ports)];
    const free = await portsFree(allPorts);
    console.info(`[chaos] npm start SIGINT: exit ${code} after ${(stoppedMs / 1000).toFixed(1)} s; ${children.length} children (${children.map((c) => c.name).sort().join(', ')}) → ${running.length} running; `
      + `${allPorts.length} ports → ${free.length} free; state file ${existsSync(stateFile(dir)) ? 'left' : 'removed'}`);
    expect(code, npm.output()).toBe(0);
    expect(npm.output()).toContain('SIGINT, stopping');
    for (const child of children) expect(isGroupAlive(child), `${child.name} (pid ${child.pid}) still running`).toBe(false);
    for (const port of allPorts) expect(await portIsFree(port), `port ${port}`).toBe(true);
    expect(existsSync(stateFile(dir))).toBe(false);
  }, 240_000);

  it('when the start process and its watchdogs are killed with -9, then the next start stops the services they left and runs on children it owns', async () => {
    const ports = await freePorts();
    const dir = dataDir('kill9');
    const first = start(ports, dir, 'node');
    await ready(first, ports);
    const leaders = childrenOf(dir);
    // The worst crash: the start process and the watchdog beside each service die at once (kill -9).
    first.process.kill('SIGKILL');
    for (const leader of leaders) process.kill(leader.pid, 'SIGKILL');
    await first.exited;
    // What the crash report described: the services outlive their parent and keep their ports.
    const survived = leaders.filter(isGroupAlive).length;
    const heldAfterCrash = stackPorts(ports).length - (await portsFree(stackPorts(ports))).length;
    expect(await portIsFree(ports.FERRETDB_PORT)).toBe(false);
    expect(await portIsFree(ports.TEMPORAL_PORT)).toBe(false);
    for (const leader of leaders) expect(isGroupAlive(leader), `${leader.name} survived the crash`).toBe(true);

    const second = start(ports, dir, 'node');
    await ready(second, ports);
    expect(second.output()).toContain('stopping what a previous start left running');
    for (const leader of leaders) expect(isGroupAlive(leader), `${leader.name} of the crashed start`).toBe(false);
    const owned = childrenOf(dir);
    expect(owned.map((c) => c.pid)).not.toEqual(expect.arrayContaining(leaders.map((c) => c.pid)));
    const owner = (name: string) => owned.find((c) => c.name === name)!.pid;
    // Each port is held by a child of this start (where /proc shows it), not by a leftover or a stranger.
    const servicePorts = [[ports.TEMPORAL_PORT, 'temporal'], [ports.FERRETDB_PORT, 'ferretdb'], [ports.MAILDEV_SMTP_PORT, 'maildev'], [ports.MAILDEV_WEB_PORT, 'maildev']] as const;
    const leftOverStopped = leaders.filter((c) => !isGroupAlive(c)).length;
    const ownedPorts = servicePorts.filter(([port, name]) => portOwnedByGroup(port, owner(name)) !== false).length;
    for (const [port, name] of servicePorts) {
      expect(portOwnedByGroup(port, owner(name)), `port ${port} held by ${name}`).not.toBe(false);
    }

    // A kill -9 of the start process alone: the watchdogs stop the services within seconds, nothing waits for a next start.
    const secondKilledAt = Date.now();
    second.process.kill('SIGKILL');
    await second.exited;
    await until('the services of the killed start to stop', () => owned.every((c) => !isGroupAlive(c)), 30_000,
      () => owned.filter(isGroupAlive).map((c) => c.name).join(', '));
    const watchdogMs = Date.now() - secondKilledAt;
    const allPorts = [ports.PORT, ...stackPorts(ports)];
    const free = await portsFree(allPorts);
    console.info(`[chaos] start process killed -9: with its watchdogs ${leaders.length} services → ${survived} survived, ${heldAfterCrash} of ${stackPorts(ports).length} stack ports held; `
      + `next start stopped ${leftOverStopped} left over and runs ${owned.length} children of its own, holding ${ownedPorts} of ${servicePorts.length} service ports (where /proc shows it); `
      + `start process alone killed -9: ${owned.length} services stopped by their watchdogs within ${(watchdogMs / 1000).toFixed(1)} s, ${free.length} of ${allPorts.length} ports free`);
    for (const port of allPorts) expect(await portIsFree(port), `port ${port}`).toBe(true);
  }, 300_000);

  it('when another program listens on a configured port, then the start refuses with a message naming the port and its variable, and starts nothing', async () => {
    const ports = await freePorts();
    const dir = dataDir('foreign');
    const foreign: Server = createServer((socket) => socket.end());
    await new Promise<void>((r) => foreign.listen(ports.FERRETDB_PORT, '127.0.0.1', r));
    try {
      const startedAt = Date.now();
      const refused = start(ports, dir, 'node');
      const code = await Promise.race([refused.exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 90_000))]);
      const otherPorts = [ports.PORT, ports.TEMPORAL_PORT, ports.MAILDEV_SMTP_PORT, ports.MAILDEV_WEB_PORT];
      const free = await portsFree(otherPorts);
      const named = ['Port ' + ports.FERRETDB_PORT, 'FERRETDB_PORT='].filter((t) => refused.output().includes(t)).length;
      console.info(`[chaos] foreign program on FERRETDB_PORT: start exit ${code} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; message names port and variable ${named}/2, `
        + `${refused.output().includes('    at ') ? 1 : 0} stack traces; ${otherPorts.length - free.length} of ${otherPorts.length} other ports taken, state file ${existsSync(stateFile(dir)) ? 'written' : 'none'}`);
      expect(code, refused.output()).toBe(1);
      expect(refused.output()).toContain(`Port ${ports.FERRETDB_PORT} for FerretDB (MongoDB) is already in use by another program (pid ${process.pid}`);
      expect(refused.output()).toContain('FERRETDB_PORT=');
      expect(refused.output()).not.toContain('    at '); // a message, not a stack trace
      for (const port of otherPorts) expect(await portIsFree(port), `port ${port}`).toBe(true);
      expect(existsSync(stateFile(dir))).toBe(false);
    } finally {
      foreign.close();
    }
  }, 120_000);
});
