/**
 * What the fuzz suite's files share: the system they attack (embedded mode, in this process),
 * who calls which operation (staff with cookie and CSRF token, a citizen with a portal token,
 * the sandboxes' key, anonymous sign-in), and the proof that a refused request stored nothing.
 *
 * That proof has two halves, both read from this process (the server and its worker run in it):
 * - `WriteLog`: every write command the app's database connection sends (the driver's command
 *   events, `monitorCommands` is on in system/system.ts), with its effect as the database
 *   answered it, and every HTTP request the server handled, from its arrival to its answer.
 *   A write that starts while a request is being handled belongs to that request; requests come
 *   one at a time (schemathesis runs one worker; the sweep awaits each answer), so the
 *   attribution is exact for everything a handler writes before it answers. Whatever is written
 *   later (a workflow the request started, a mail) lands between requests or inside a later one:
 *   the runs that must store nothing therefore also count writes outside any request, and the
 *   workflows started meanwhile (Temporal's visibility, by start time).
 * - `snapshot`: the content of every collection (a hash per document) and MailDev's inbox,
 *   compared before and after.
 * Bookkeeping that refused requests write by design is named in BOOKKEEPING, each with its reason.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import { BSON } from 'mongodb';
import { expect } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { scheduleDefinitions } from '../../temporal/schedules';
import { stack } from '../support/env';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';

export type Caller = 'staff' | 'citizen' | 'sandbox' | 'anonymous';
export const CALLERS: Caller[] = ['staff', 'citizen', 'sandbox', 'anonymous'];

export interface Operation {
  summary?: string;
  'x-roles'?: string[];
  parameters?: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: object }[];
  requestBody?: { content: Record<string, { schema?: object }> };
  responses: Record<string, { description: string; content?: Record<string, { schema?: object }> }>;
}
export interface OpenApiDocument { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } }

/** Operations no fuzzer sends to, with the reason. */
export const EXCLUDED: [method: string, path: string, why: string][] = [
  ['delete', '/api/staff/session', 'signs the fuzzer out'],
];
export const isExcluded = (method: string, path: string) => EXCLUDED.some(([m, p]) => m === method && p === path);

/** Who calls an operation: the one caller that reaches it past authentication. */
export function callerOf(path: string, roles: string[]): Caller {
  // Signing in again with the fuzzer's session cookie would replace that session: signing in is fuzzed without it.
  if (path === '/api/staff/session' && roles.includes('public')) return 'anonymous';
  if (path.startsWith('/sandbox/')) return 'sandbox';
  return roles.includes('citizen') && !roles.includes('public') ? 'citizen' : 'staff';
}

export interface FuzzSystem {
  app: RunningSystem & { taskQueue: string };
  staff: HttpClient;
  /** The headers that make each caller. */
  callers: Record<Caller, Record<string, string>>;
  doc: OpenApiDocument;
  ticket: { ticketNumber: string; accessCode: string; plate: string; portalToken: string };
  /**
   * A second staff account: the routes that act on an account by id (reset its password or
   * second factor, change or disable it) are given this one. Given the fuzzer's own, they end
   * its session, and every later staff request only meets 401.
   */
  other: { id: string; password: string };
}

/** The system, a staff session (every role), a second account, and a recorded ticket opened on the portal (the citizen). */
export async function startFuzzSystem(dbName: string): Promise<FuzzSystem> {
  const app = await startTestSystem(dbName);
  const staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  const plate = 'HA-FZ 1';
  // The key names the workflow: one per system (the files of a run share Temporal, and another file's
  // workflow of that id would wait for its stopped worker).
  const recorded = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  }, { 'Idempotency-Key': `fuzz-portal-ticket-${app.taskQueue}` });
  expect(recorded.status).toBe(201);
  const opened = await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: recorded.json.accessCode, plate });
  expect(opened.status).toBe(200);
  const callers: Record<Caller, Record<string, string>> = {
    staff: { Cookie: (staff as unknown as { cookie: string }).cookie, 'X-CSRF-Token': staff.csrfToken },
    citizen: { Authorization: `Bearer ${opened.json.portalToken}` },
    sandbox: { Authorization: `Bearer ${app.system.secrets.sandboxKey}` },
    anonymous: {},
  };
  const doc = (await staff.request('GET', '/api/openapi.json')).json as OpenApiDocument;
  const other = await createTestAccount(app, { id: 'fuzz-other', roles: ['caseworker'], departments: ['traffic'] });
  return { app, staff, callers, doc, other, ticket: { ticketNumber: recorded.json.ticketNumber, accessCode: recorded.json.accessCode, plate, portalToken: opened.json.portalToken } };
}

/**
 * What a refused request may write, by design, each with its reason. Everything else a refused
 * request writes is a failure. `counter`: counts of refused attempts, left out of the comparison
 * of contents too; `transient`: held only while a request runs (a lock), so the contents before
 * and after are still compared — one left behind is a difference.
 */
export const BOOKKEEPING: { collection: string; kind: 'counter' | 'transient'; why: string; only?: (command: Record<string, any>) => boolean }[] = [
  { collection: 'rate_counts', kind: 'counter', why: 'the citizen-side rate limits count every request, refused or not (server/security/public-limits.ts)' },
  { collection: 'portal_guess_attempts', kind: 'counter', why: 'wrong codes and tokens are counted to stop guessing (attempt-limiter.ts)' },
  { collection: 'portal_guess_state', kind: 'counter', why: 'the guessing lock of a secret or client' },
  { collection: 'staff_sign_in_attempts', kind: 'counter', why: 'refused sign-ins are counted for the lock-out' },
  { collection: 'staff_sign_in_state', kind: 'counter', why: 'the sign-in delays of a name and an address' },
  { collection: 'staff_sign_in_tally', kind: 'counter', why: 'the daily ceiling of refused sign-ins' },
  {
    collection: 'staff_sessions', kind: 'transient', why: 'any request of a session refreshes its lastSeenAt (at most every few minutes); nothing else',
    only: (command) => command.update !== undefined && (command.updates ?? []).every((u: { u?: Record<string, unknown> }) => {
      const set = u.u?.$set as Record<string, unknown> | undefined;
      return !!set && Object.keys(u.u!).length === 1 && Object.keys(set).every((k) => k === 'lastSeenAt');
    }),
  },
  { collection: 'staff_account_locks', kind: 'transient', why: 'a change of an account holds the administrators\' lock while it looks the account up, found or not' },
  { collection: 'staff_list_locks', kind: 'transient', why: 'a lock over the staff lists while a request runs' },
  { collection: 'task_locks', kind: 'transient', why: 'a lock over a task while a request runs' },
];
const bookkeeping = (collection: string, command: Record<string, any>) =>
  BOOKKEEPING.some((b) => b.collection === collection && (!b.only || b.only(command)));

/** Fields that change without anyone storing anything (compared without them). */
const VOLATILE_FIELDS: Record<string, string[]> = { staff_sessions: ['lastSeenAt'] };

export interface RequestWindow { seq: number; method: string; url: string; start: number; end?: number; status?: number }
export interface Write {
  collection: string; command: string; at: number;
  /** What the database says it changed (documents inserted, modified, upserted, deleted); undefined while running or failed. */
  changed?: number;
  /** The request being handled when the write started (none: between requests). */
  during?: RequestWindow;
  bookkeeping: boolean;
  detail: string;
}

const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findAndModify', 'drop', 'dropDatabase', 'create', 'renameCollection']);

/** How many documents a write command changed, from the database's reply. */
function changedBy(command: string, reply: Record<string, any>): number {
  switch (command) {
    case 'insert':
    case 'delete': return Number(reply.n ?? 0);
    case 'update': return Number(reply.nModified ?? 0) + (Array.isArray(reply.upserted) ? reply.upserted.length : 0);
    // findAndModify does not say whether a matched document changed: a match counts (strict).
    case 'findAndModify': return Number(reply.lastErrorObject?.n ?? (reply.value ? 1 : 0));
    default: return 1;
  }
}

/** Every write of the app's database connection and every request of its HTTP server, in order. */
export class WriteLog {
  readonly windows: RequestWindow[] = [];
  readonly writes: Write[] = [];
  private open: RequestWindow | undefined;
  private readonly running = new Map<number, Write>();
  private readonly dbName: string;
  private readonly detach: () => void;

  constructor(private readonly app: RunningSystem) {
    const client = app.system.conn.getClient();
    if (!client.options.monitorCommands) throw new Error('the write log needs monitorCommands: true on the connection (system/system.ts)');
    this.dbName = app.system.conn.db!.databaseName;
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      const window: RequestWindow = { seq: this.windows.length + 1, method: req.method ?? '?', url: req.url ?? '?', start: performance.now() };
      this.windows.push(window);
      this.open = window;
      res.once('close', () => {
        window.end = performance.now();
        window.status = res.statusCode;
        if (this.open === window) this.open = undefined;
      });
    };
    const onStarted = (event: CommandStartedEvent) => {
      if (event.databaseName !== this.dbName || !WRITE_COMMANDS.has(event.commandName)) return;
      const command = event.command as Record<string, any>;
      const collection = String(command[event.commandName]);
      const write: Write = {
        collection, command: event.commandName, at: performance.now(), during: this.open, bookkeeping: bookkeeping(collection, command),
        detail: JSON.stringify(command.updates?.[0]?.u ?? command.update ?? command.documents?.[0] ?? command.deletes?.[0]?.q ?? command.query ?? '').slice(0, 200),
      };
      this.writes.push(write);
      this.running.set(event.requestId, write);
    };
    const onSucceeded = (event: CommandSucceededEvent) => {
      const write = this.running.get(event.requestId);
      if (!write) return;
      this.running.delete(event.requestId);
      write.changed = changedBy(write.command, event.reply as Record<string, any>);
    };
    const onFailed = (event: CommandFailedEvent) => {
      // A failed write (E11000 of a racing upsert, a timeout) changed nothing.
      if (this.running.delete(event.requestId)) return;
    };
    // First in line: the window opens before express (the app's own listener) starts any work for the request.
    app.server.prependListener('request', onRequest);
    client.on('commandStarted', onStarted);
    client.on('commandSucceeded', onSucceeded);
    client.on('commandFailed', onFailed);
    this.detach = () => {
      app.server.off('request', onRequest);
      client.off('commandStarted', onStarted);
      client.off('commandSucceeded', onSucceeded);
      client.off('commandFailed', onFailed);
    };
  }

  stop(): void {
    this.detach();
  }

  /** Writes that changed something and are not bookkeeping, from `since` (an index into `writes`). */
  stored(since = 0): Write[] {
    return this.writes.slice(since).filter((w) => !w.bookkeeping && (w.changed ?? 0) > 0);
  }

  /** Workflows of this system's task queue started after `since` (epoch ms), each with the request being handled when it started. */
  async workflowsStarted(sinceEpochMs: number): Promise<{ workflowId: string; type: string; during?: RequestWindow }[]> {
    const found: { workflowId: string; type: string; during?: RequestWindow }[] = [];
    const query = `TaskQueue = '${this.app.system.config.temporal.taskQueue}' AND StartTime >= '${new Date(sinceEpochMs).toISOString()}'`;
    // performance.now() and Date.now() differ by a constant: the windows are mapped to epoch ms.
    const offset = Date.now() - performance.now();
    // Runs of the housekeeping schedules are nobody's request (pauseHousekeeping keeps them out of a run).
    const scheduled = scheduleDefinitions(this.app.system.config.temporal.taskQueue).map((d) => `${(d.action as { workflowId: string }).workflowId}-`);
    for await (const w of this.app.system.temporal.workflow.list({ query })) {
      if (scheduled.some((prefix) => w.workflowId.startsWith(prefix))) continue;
      const at = w.startTime.getTime() - offset;
      found.push({ workflowId: w.workflowId, type: w.type, during: this.windows.find((r) => r.start <= at && at <= (r.end ?? Infinity)) });
    }
    return found;
  }
}

export const describeWindow = (w?: RequestWindow) => (w ? `${w.method} ${w.url.length > 160 ? `${w.url.slice(0, 160)}…` : w.url} → ${w.status ?? 'no answer yet'}` : 'between requests');
export const describeWrite = (w: Write) => `${w.collection}.${w.command} (${w.changed} changed) ${w.detail} during ${describeWindow(w.during)}`;

export type Snapshot = Record<string, Record<string, string>>;

/** A hash of every document of every collection (counters of refused attempts left out), and MailDev's inbox size as `(e-mails)`. */
export async function snapshot(app: RunningSystem): Promise<Snapshot> {
  const db = app.system.conn.db!;
  const out: Snapshot = {};
  const leftOut = new Set(BOOKKEEPING.filter((b) => b.kind === 'counter').map((b) => b.collection));
  for (const { name } of await db.listCollections().toArray()) {
    if (leftOut.has(name)) continue;
    const docs: Record<string, string> = {};
    for (const doc of await db.collection(name).find({}).toArray()) {
      for (const field of VOLATILE_FIELDS[name] ?? []) delete (doc as Record<string, unknown>)[field];
      docs[BSON.EJSON.stringify(doc._id as never)] = createHash('sha1').update(BSON.EJSON.stringify(doc as never)).digest('hex');
    }
    out[name] = docs;
  }
  out['(e-mails)'] = { count: String(await mailCount()) };
  return out;
}

/** What differs between two snapshots: documents added, removed or changed, per collection. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[name] ?? {};
    const b = after[name] ?? {};
    const added = Object.keys(b).filter((id) => !(id in a));
    const removed = Object.keys(a).filter((id) => !(id in b));
    const changed = Object.keys(b).filter((id) => id in a && a[id] !== b[id]);
    if (added.length || removed.length || changed.length) {
      out.push(`${name}: ${[added.length && `${added.length} added`, removed.length && `${removed.length} removed`, changed.length && `${changed.length} changed (${changed.slice(0, 3).join(', ')})`].filter(Boolean).join(', ')}`);
    }
  }
  return out;
}

export async function mailCount(): Promise<number> {
  return ((await (await fetch(`${stack.mailApiUrl}/api/email`)).json()) as unknown[]).length;
}

/** Waits until two snapshots `quietMs` apart agree (nothing in flight any more); returns the last. */
export async function atRest(app: RunningSystem, quietMs = 2000, tries = 30): Promise<Snapshot> {
  let last = await snapshot(app);
  for (let i = 0; i < tries; i += 1) {
    await new Promise((r) => setTimeout(r, quietMs));
    const next = await snapshot(app);
    if (differences(last, next).length === 0) return next;
    last = next;
  }
  throw new Error(`the database did not come to rest: ${differences(last, await snapshot(app)).join('; ')}`);
}

/**
 * Pauses the hourly housekeeping schedules (temporal/schedules.ts) of this system: a purge that
 * starts while a run is on writes between its requests (and did, at a full hour). Returns what
 * resumes them.
 */
export async function pauseHousekeeping(app: RunningSystem & { taskQueue: string }): Promise<() => Promise<void>> {
  const handles = scheduleDefinitions(app.taskQueue).map((d) => app.system.temporal.schedule.getHandle(d.scheduleId));
  for (const handle of handles) await handle.pause('paused by the fuzz suite');
  return async () => {
    for (const handle of handles) await handle.unpause('resumed by the fuzz suite');
  };
}
