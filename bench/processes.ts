/**
 * What the processes of the benchmark's embedded stack use: resident memory and CPU time of
 * this node process (web server + worker) and of each service the stack started (Temporal,
 * FerretDB, MailDev). The stack runs each service in its own process group behind a small
 * watchdog shell (scripts/lib/stack.ts) whose argv[0] is "amtsweg-<service>"; a service is
 * every process of that group but the shell. Read from /proc (Linux only; elsewhere empty).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux
const PAGE_KB = 4;

interface ProcInfo { pid: number; ppid: number; pgid: number; cpuMs: number; rssKb: number; argv: string[] }

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid pgrp session … utime(14) stime(15) … rss(24)": comm may hold spaces.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return { pid, ppid: Number(rest[1]), pgid: Number(rest[2]), cpuMs: (Number(rest[11]) + Number(rest[12])) * TICK_MS, rssKb: Number(rest[21]) * PAGE_KB, argv };
  } catch {
    return null;
  }
}

export interface ProcessSample { name: string; cpuMs: number; rssMb: number }

/** One sample: node (this process) and every service of the stack this process started. */
export function sampleProcesses(): ProcessSample[] {
  const usage = process.cpuUsage();
  const samples: ProcessSample[] = [{ name: 'node', cpuMs: (usage.user + usage.system) / 1000, rssMb: process.memoryUsage().rss / 1024 / 1024 }];
  let all: ProcInfo[];
  try {
    all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readProc(Number(d))).filter((p): p is ProcInfo => p !== null);
  } catch {
    return samples;
  }
  // `sh -c <watchdog script> amtsweg-<service> <owner pid> <command> …`
  const nameOf = (p: ProcInfo) => (p.argv[0]?.endsWith('sh') && p.argv[1] === '-c' && p.argv[3]?.startsWith('amtsweg-') ? p.argv[3].slice('amtsweg-'.length) : undefined);
  const watchdogs = all.filter((p) => p.ppid === process.pid && nameOf(p));
  for (const shell of watchdogs) {
    const members = all.filter((p) => p.pgid === shell.pgid && p.pid !== shell.pid);
    const name = nameOf(shell)!;
    samples.push({ name: name === 'mongodb' ? 'ferretdb' : name, cpuMs: members.reduce((s, p) => s + p.cpuMs, 0), rssMb: members.reduce((s, p) => s + p.rssKb, 0) / 1024 });
  }
  return samples;
}

/** CPU milliseconds each process spent between two samples. */
export function cpuBetween(before: ProcessSample[], after: ProcessSample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of after) {
    const b = before.find((s) => s.name === a.name);
    if (b) out[a.name] = a.cpuMs - b.cpuMs;
  }
  return out;
}
