/**
 * The recording benchmark: a warden's submit → ticket registered (the 201 of
 * POST /api/parking-tickets: validation, update-with-start, registration, read model, audit),
 * against a baseline measured right before it at the same concurrency on the same server: a
 * no-op workflow's start-to-completion. Each row also reports the CPU each process spent per
 * operation (node = web server + worker, FerretDB, Temporal): the profile of where the time goes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { runSystem } from '../scripts/lib/run-system';
import { createAccount } from '../server/use-cases/accounts/manage-accounts';
import { findTicketOfWorkflow } from '../store/parking-ticket/ticket-store';
import { parkingTicketWorkflowId } from '../workflows/parking-ticket/shared';
import { cpuBetween, sampleProcesses } from './processes';

type App = Awaited<ReturnType<typeof runSystem>>;

export interface Measured {
  label: string; clients: number; ops: number; perSecond: number; p50ms: number; p95ms: number; p99ms: number; errors: number; firstError?: string;
  /** CPU milliseconds per operation, by process. */
  cpuMsPerOp: Record<string, number>;
  /** Database commands per operation (all commands, and by "command collection"). */
  dbCommandsPerOp: number;
  dbCommandsByKind: Record<string, number>;
  load1: number;
}

/** Counts the database commands the app sends (the driver's command monitoring is on, system/system.ts). */
const dbCommands = new Map<string, number>();
export function countDbCommands(client: { on(event: 'commandStarted', listener: (e: { commandName: string; command: Record<string, unknown> }) => void): unknown }): void {
  client.on('commandStarted', (e) => {
    const key = `${e.commandName} ${String(e.command[e.commandName] ?? '')}`;
    dbCommands.set(key, (dbCommands.get(key) ?? 0) + 1);
  });
}

/**
 * Waits until the system is quiet (fewer than 5 database commands a second, at most `boundMs`):
 * after a row whose requests were answered 503, their workflows go on registering in the
 * background and would be counted in the next row. True if it got quiet within the bound.
 */
async function untilQuiet(boundMs = 120_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < boundMs;) {
    dbCommands.clear();
    await new Promise((r) => setTimeout(r, 1000));
    if ([...dbCommands.values()].reduce((a, b) => a + b, 0) < 5) return true;
  }
  return false;
}

/** What waiting for the previous rows' work to finish found (Recorder.settle). */
export interface Settled {
  seconds: number;
  /** Recordings answered with an error earlier whose workflow registered the ticket while waiting. */
  registeredLate: number;
  /** … whose workflow was never started (refused before Temporal) or ended without a ticket. */
  withoutWorkflow: number;
  /** … still registering when the bound ran out (they go on, and may cost the next row). */
  pending: number;
  /** The database was quiet (fewer than 5 commands a second) at the end. */
  quiet: boolean;
}

export async function measure(label: string, clients: number, ops: number, op: (i: number) => Promise<void>): Promise<Measured> {
  await untilQuiet();
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: unknown;
  const before = sampleProcesses();
  dbCommands.clear();
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (next < ops) {
      const i = next++;
      const t = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuBetween(before, sampleProcesses());
  // Failures (e.g. 503 when a dependency's breaker opens under overload) are counted, not fatal:
  // throughput counts only the operations that succeeded.
  const firstErrorText = firstError === undefined ? undefined : String(firstError).slice(0, 160);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const cpuMsPerOp = Object.fromEntries(Object.entries(cpu).map(([name, ms]) => [name, ms / ops]));
  const dbCommandsByKind = Object.fromEntries([...dbCommands].sort((a, b) => b[1] - a[1]).map(([kind, count]) => [kind, count / ops]));
  const dbCommandsPerOp = [...dbCommands.values()].reduce((a, b) => a + b, 0) / ops;
  const result = { label, clients, ops, perSecond: latencies.length / seconds, p50ms: pct(0.5), p95ms: pct(0.95), p99ms: pct(0.99), errors, ...(firstErrorText ? { firstError: firstErrorText } : {}), cpuMsPerOp, dbCommandsPerOp, dbCommandsByKind, load1: loadavg()[0]! };
  console.log(`${label.padEnd(30)} ${String(clients).padStart(3)} clients ${result.perSecond.toFixed(1).padStart(6)} /s   p50 ${result.p50ms.toFixed(0).padStart(5)}   p95 ${result.p95ms.toFixed(0).padStart(5)}   p99 ${result.p99ms.toFixed(0).padStart(5)} ms`
    + `   CPU/op ${Object.entries(cpuMsPerOp).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')} ms   DB commands/op ${dbCommandsPerOp.toFixed(1)}${errors ? `   ${errors} failed (${firstErrorText})` : ''}`);
  if (dbCommandsPerOp > 0) console.log(`    DB commands/op: ${Object.entries(dbCommandsByKind).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  return result;
}

export interface Recorder {
  baseline(clients: number, ops: number, label?: string): Promise<Measured>;
  record(clients: number, ops: number, label?: string): Promise<Measured>;
  /**
   * Waits (at most `boundMs`) until every recording answered with an error so far has its
   * ticket registered or has no running workflow, then until the database is quiet.
   */
  settle(boundMs: number): Promise<Settled>;
}

/** Signs a bench warden in; answers the two operations the rows measure (the baseline worker must be running). */
export async function recorder(app: App, baselineWorker: Worker): Promise<Recorder> {
  countDbCommands(app.system.model.tickets.db.getClient());
  const { password } = await createAccount(app.system, 'bench', { id: 'bench-warden', displayName: 'Bench', email: 'bench@hagen.example', roles: ['warden'], departments: ['traffic'], leadOf: [] }, undefined, { issued: false });
  const login = await fetch(`${app.baseUrl}/api/staff/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName: 'bench-warden', password }) });
  if (login.status !== 200) throw new Error(`bench sign-in failed: ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  const plates = ['HA-AB 123', 'HA-MM 4711', 'HA-XY 42', 'HA-K 7', 'HA-LP 2025'];
  // Workflow IDs of recordings answered with an error: a 503 after the Temporal deadline leaves
  // the workflow registering the ticket in the background (server/use-cases/parking-ticket/record-ticket.ts).
  let unanswered: string[] = [];
  const workflowIdOf = (idempotencyKey: string) => parkingTicketWorkflowId(createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32));
  const running = async (workflowId: string) => {
    try {
      return (await app.system.temporal.workflow.getHandle(workflowId).describe()).status.name === 'RUNNING';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  };
  const settle = async (boundMs: number): Promise<Settled> => {
    const started = Date.now();
    let registeredLate = 0;
    let withoutWorkflow = 0;
    const seenRunning = new Set<string>();
    while (unanswered.length > 0 && Date.now() - started < boundMs) {
      const still: string[] = [];
      for (const id of unanswered) {
        if (await findTicketOfWorkflow(app.system.model, id)) registeredLate += 1;
        else if (seenRunning.has(id) || await running(id)) { seenRunning.add(id); still.push(id); } else withoutWorkflow += 1;
      }
      unanswered = still;
      if (still.length > 0) await new Promise((r) => setTimeout(r, 2000));
    }
    const quiet = await untilQuiet(Math.max(5000, boundMs - (Date.now() - started)));
    const settled = { seconds: (Date.now() - started) / 1000, registeredLate, withoutWorkflow, pending: unanswered.length, quiet };
    console.log(`settled in ${settled.seconds.toFixed(0)} s: ${registeredLate} registered late, ${withoutWorkflow} without a workflow, ${settled.pending} still pending${quiet ? '' : ', database not quiet'}`);
    return settled;
  };
  return {
    settle,
    baseline: (clients, ops, label = 'baseline: no-op workflow') => measure(label, clients, ops, async () => {
      await app.system.temporal.workflow.execute('noopWorkflow', { taskQueue: 'bench-baseline', workflowId: `bench-${randomUUID()}` });
    }),
    record: (clients, ops, label = 'record a ticket over HTTP') => measure(label, clients, ops, async (i) => {
      const key = `bench-${randomUUID()}`;
      try {
        const res = await fetch(`${app.baseUrl}/api/parking-tickets`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Idempotency-Key': key },
          body: JSON.stringify({ offenceCode: '141312', plate: plates[i % plates.length], place: 'Benchmarkstraße 1, Hagen', observedAt: new Date().toISOString() }),
        });
        if (res.status !== 201) throw new Error(`record failed: ${res.status} ${await res.text()}`);
      } catch (error) {
        unanswered.push(workflowIdOf(key));
        throw error;
      }
    }),
  };
}
