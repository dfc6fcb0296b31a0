/**
 * What the embedded stack needs to own its child processes: who is alive (by pid and start
 * time, so a reused pid is not mistaken for ours), who listens on a port, and a state file in
 * the data folder that names the owner and its children, so that a start after a crash
 * (`kill -9`) finds and stops what the previous start left behind.
 * The precise checks read Linux's /proc; elsewhere they fall back to "alive" and "unknown".
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

export interface OwnedProcess { name: string; pid: number; startTime?: string }
export interface StackState { owner: OwnedProcess; children: OwnedProcess[] }

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The kernel's start time of a process (clock ticks since boot), or undefined where /proc is missing. */
export function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may contain spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** The same process as recorded: alive, and (where the start time is known) not a reused pid. */
export function isSameProcess(p: OwnedProcess): boolean {
  if (!isAlive(p.pid)) return false;
  const now = startTimeOf(p.pid);
  return !p.startTime || !now || now === p.startTime;
}

export function describe(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').replace(/\s+/g, ' ').slice(0, 160);
  } catch {
    return '';
  }
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(table, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '0A') continue; // 0A = LISTEN
      if (parseInt(f[1]!.split(':')[1]!, 16) === port) inodes.add(f[9]!);
    }
  }
  return inodes;
}

function holdsSocket(pid: number, inodes: Set<string>): boolean {
  let fds: string[];
  try { fds = readdirSync(`/proc/${pid}/fd`); } catch { return false; }
  for (const fd of fds) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m && inodes.has(m[1]!)) return true;
    } catch { /* closed meanwhile */ }
  }
  return false;
}

function processGroupOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

/**
 * Who listens on this port: the process group `pgid` (our child and its own children), another
 * program, or nobody; undefined where this cannot be known (no /proc): the caller then connects.
 */
export function portListener(port: number, pgid: number): 'ours' | 'foreign' | 'none' | undefined {
  if (!existsSync('/proc/net/tcp')) return undefined;
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return 'none';
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (processGroupOf(pid) === pgid && holdsSocket(pid, inodes)) return 'ours';
  }
  return 'foreign';
}

/** Whether the listener on this port belongs to the process group `pgid`; undefined where unknown. */
export function portOwnedByGroup(port: number, pgid: number): boolean | undefined {
  const who = portListener(port, pgid);
  return who === undefined ? undefined : who === 'ours';
}

/** The process listening on a port, if this machine lets us see it. */
export function listenerOf(port: number): number | undefined {
  if (!existsSync('/proc/net/tcp')) return undefined;
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && holdsSocket(Number(entry), inodes)) return Number(entry);
  }
  return undefined;
}

/** Whether 127.0.0.1:port can be bound right now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => ok(true)));
  });
}

/** A start that must not go on (a port held by another program, the data folder in use): its message says what to do. */
export class StartRefusedError extends Error {}

export class PortInUseError extends StartRefusedError {
  constructor(readonly port: number, what: string, variable: string) {
    const holder = listenerOf(port);
    const who = holder ? ` by another program (pid ${holder}${describe(holder) ? `: ${describe(holder)}` : ''})` : ' by another program';
    super(`Port ${port} for ${what} is already in use${who}. amtsweg does not use a server it did not start: stop that program, or choose another port with ${variable}=….`);
  }
}

/** Sends a signal to a child's whole process group (it was started detached, as its group's leader). */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try { process.kill(pid, signal); } catch { /* gone */ }
  }
}

/**
 * Whether a recorded child's process group still has members. The leader (the recorded pid)
 * may be gone while its service lives on in the group; while any member lives, the kernel does
 * not hand that number to a new process, so a live group by that id is ours.
 */
export function isGroupAlive(p: OwnedProcess): boolean {
  try {
    process.kill(-p.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!isAlive(p.pid)) return true; // the leader is gone, members live on
  if (!isSameProcess(p)) return false; // the number was handed out again: not ours
  return !isZombie(p.pid) || groupHasOthers(p.pid);
}

function groupHasOthers(pgid: number): boolean {
  if (!existsSync('/proc')) return false;
  return readdirSync('/proc').some((e) => /^\d+$/.test(e) && Number(e) !== pgid && processGroupOf(Number(e)) === pgid && !isZombie(Number(e)));
}

/** TERM to the whole group, then KILL after `graceMs`; resolves when the group is gone. */
export async function stopGroup(p: OwnedProcess, graceMs = 8000): Promise<void> {
  if (!isGroupAlive(p)) return;
  signalGroup(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isGroupAlive(p)) {
    if (Date.now() > deadline) {
      signalGroup(p.pid, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  while (isGroupAlive(p) && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 100));
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

export const stateFile = (dataDir: string) => join(dataDir, 'run', 'stack.json');

export function readState(dataDir: string): StackState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as StackState;
  } catch {
    return undefined;
  }
}

export function writeState(dataDir: string, state: StackState): void {
  mkdirSync(dirname(stateFile(dataDir)), { recursive: true });
  writeFileSync(stateFile(dataDir), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeState(dataDir: string): void {
  rmSync(stateFile(dataDir), { force: true });
}

export function self(name: string): OwnedProcess {
  return { name, pid: process.pid, startTime: startTimeOf(process.pid) };
}
