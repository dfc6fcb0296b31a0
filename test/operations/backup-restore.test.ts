/**
 * The crash-and-restore drill (issue 12: "backup → stop → restore → start keeps every open case
 * and timer"). A system on its own data folder (its own embedded Temporal and FerretDB) holds
 * (a) a parking ticket in its 7-day window, (b) a ticket in its Bußgeldverfahren whose hearing
 * was answered, the fine office's decision task open in the child workflow, and (c) a dog-tax
 * exemption waiting in the tax office's inbox. An online backup is taken while it runs; a ticket
 * recorded afterwards must be gone after the restore. It stops; `npm run restore` (the real
 * command, as a process) restores the backup IN PLACE, moving the data aside; started again on
 * the same configuration, every case is open in the read model and in Temporal, every pending
 * timer fires at the same instant as before, the tasks are in their inbox queues, and the cases
 * go on: the exemption is decided, both tickets are paid. A second drill restores into a fresh
 * folder (moving to another machine).
 */
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { freePort } from '../../scripts/lib/stack';
import Database from 'better-sqlite3';
import { backupDataDir, listBackups, pruneBackups, restoreBackup, scheduleBackups } from '../../scripts/lib/backup';
import { parkingTicketWorkflowId, ticketStateQuery } from '../../workflows/parking-ticket/shared';
import { fineProceedingsWorkflowId, proceedingsStateQuery } from '../../workflows/fine-proceedings/shared';
import { exemptionStateQuery } from '../../workflows/dog-tax/shared';
import { taskIdOf } from '../../workflows/tasks/shared';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { eventually } from '../support/eventually';

const exec = promisify(execFile);
const DAY = 86_400_000;

const running: RunningSystem[] = [];
afterAll(async () => {
  for (const system of running) await system.stop().catch(() => undefined);
}, 120_000);

/** The configuration of a whole system on its own data folder and free ports, its stack embedded (no shared test stack). */
async function envFor(dataDir: string): Promise<Record<string, string>> {
  // As the other test systems: the fixture admin works without a TOTP second factor (production's rule: staff-account-security-http).
  const env: Record<string, string> = { AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
  for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
  return env;
}

async function startWith(env: Record<string, string>): Promise<RunningSystem> {
  const system = await runSystem(loadConfig(env));
  running.push(system);
  return system;
}

const startOn = async (dataDir: string) => startWith(await envFor(dataDir));

/** `npm run restore -- <backup>` as an operator types it, on the data folder of `env`. */
const npmRestore = (env: Record<string, string>, backup: string) =>
  exec('npm', ['run', 'restore', '--', backup], { env: { ...process.env, ...env }, timeout: 120_000 });

interface PendingTimer { id: string; firesAt: string }

const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);

/**
 * The workflow's pending timers from its history: started, neither fired nor cancelled, each with
 * the instant it fires (the TimerStarted event's time + its start-to-fire timeout). Describe does
 * not list timers; the history is what the restored server schedules them from.
 */
async function pendingTimers(system: RunningSystem, workflowId: string): Promise<PendingTimer[]> {
  const history = await system.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const started = new Map<string, string>();
  for (const event of history.events ?? []) {
    const timer = event.timerStartedEventAttributes;
    if (timer) started.set(timer.timerId!, new Date(ms(event.eventTime) + ms(timer.startToFireTimeout)).toISOString());
    const closed = event.timerFiredEventAttributes?.timerId ?? event.timerCanceledEventAttributes?.timerId;
    if (closed) started.delete(closed);
  }
  return [...started].map(([id, firesAt]) => ({ id, firesAt }));
}

/** Within `tolerance` ms of `expected` (a timer's timeout is counted from the workflow task that started it). */
const near = (actual: string, expected: string | Date, tolerance = 30_000) =>
  Math.abs(Date.parse(actual) - new Date(expected).getTime()) < tolerance;

async function signedInStaff(system: RunningSystem): Promise<HttpClient> {
  const staff = new HttpClient(system.baseUrl);
  await staff.signInStaff();
  return staff;
}

async function recordTicket(staff: HttpClient, plate: string, observedAt: Date): Promise<{ ticketNumber: string; accessCode: string; workflowId: string }> {
  const key = `idem-drill-${randomUUID()}`;
  const recorded = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '141312', plate, place: 'Drillstraße 1, Hagen', observedAt: observedAt.toISOString(),
  }, { 'Idempotency-Key': key });
  expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
  return { ticketNumber: recorded.json.ticketNumber, accessCode: recorded.json.accessCode, workflowId: parkingTicketWorkflowId(createHash('sha256').update(key).digest('hex').slice(0, 32)) };
}

/** Pays the ticket's amount due by card in the payment sandbox, as the portal does. */
async function payOnline(system: RunningSystem, ticket: { accessCode: string }, plate: string): Promise<void> {
  const citizen = new HttpClient(system.baseUrl);
  const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: ticket.accessCode, plate });
  expect(opened.status, JSON.stringify(opened.json)).toBe(200);
  const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
  const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', code: ticket.accessCode }, bearer);
  expect(checkout.status, JSON.stringify(checkout.json)).toBe(200);
  const paid = await fetch(`${system.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
  });
  expect(paid.status).toBe(303);
  expect((await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer)).status).toBeLessThan(300);
}

/** The task ids in a department's inbox queue (open, unclaimed). */
async function queueOf(staff: HttpClient, department: string): Promise<string[]> {
  const res = await staff.request('GET', `/api/tasks?queue=department&department=${department}&limit=100`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.items.map((t: { taskId: string }) => t.taskId);
}

const PLATE_A = 'HA-XY 42';
const PLATE_B = 'HA-MM 4711';
const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'erika-drill@example.org' };
const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };

/** The three open cases of the drill, each waiting on a timer (and two on a human task), nothing in flight. */
async function openCases(system: RunningSystem, staff: HttpClient) {
  const { model } = system.system;
  // (a) A ticket in its 7-day window.
  const a = await recordTicket(staff, PLATE_A, new Date(Date.now() - 60_000));
  // (b) A ticket observed 8 days ago: the week is over, the hearing letter goes out at once and the
  // Bußgeldverfahren starts as its child; the holder answers the hearing online, so the fine
  // office's decision task opens (with its 14-day escalation timer).
  const b = await recordTicket(staff, PLATE_B, new Date(Date.now() - 8 * DAY));
  await eventually(async () => (await model.tickets.findOne({ ticketNumber: b.ticketNumber }).lean())?.status === 'letter_sent', 'the hearing letter', { tries: 300 });
  const holderOfB = new HttpClient(system.baseUrl);
  const opened = await holderOfB.request('POST', '/api/parking-tickets/access', { code: deriveLetterCode(system.system.secrets.accessCode, b.workflowId), plate: PLATE_B });
  expect(opened.status, JSON.stringify(opened.json)).toBe(200);
  const answered = await holderOfB.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' }, { Authorization: `Bearer ${opened.json.portalToken}` });
  expect(answered.status, JSON.stringify(answered.json)).toBe(200);
  const bChild = fineProceedingsWorkflowId(b.workflowId);
  const bTask = taskIdOf(bChild, 'hearing-decision');
  // (c) A dog-tax exemption application: its decision waits in the tax office's inbox (30-day escalation).
  const upload = await fetch(`${system.baseUrl}/api/attachments`, { method: 'POST', body: '%PDF-1.4\n%%EOF\n', headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'bescheid.pdf' } });
  expect(upload.status).toBe(201);
  const { id: evidenceId } = await upload.json() as { id: string };
  const applied = await new HttpClient(system.baseUrl).request('POST', '/api/forms/dog-tax-exemption/submissions',
    { tagNumber: 'HSM-2026-0042', holder, ground: 'social_benefits', evidenceIds: [evidenceId] }, { 'Idempotency-Key': `drill-exm-${randomUUID()}` });
  expect(applied.status, JSON.stringify(applied.json)).toBe(202);
  const cCase: string = applied.json.caseNumber;
  const c = await eventually(async () => {
    const found = await model.dogTaxCases.findOne({ caseNumber: cCase }).lean();
    return found?.status === 'awaiting_decision' && found;
  }, 'the exemption awaiting its decision', { tries: 300 });
  const cTask = taskIdOf(c.workflowId, 'exemption-decision');

  // Quiet before the backup: each case waits on its timer(s), no activity in flight.
  const workflows = [a.workflowId, b.workflowId, bChild, c.workflowId];
  await eventually(async () => {
    for (const id of workflows) if ((await system.system.temporal.workflow.getHandle(id).describe()).raw.pendingActivities?.length) return false;
    return (await pendingTimers(system, bChild)).length === 1 && (await pendingTimers(system, c.workflowId)).length === 1;
  }, 'every case waiting, its timers started', { tries: 300 });
  return { a, b, bChild, bTask, c: { caseNumber: cCase, workflowId: c.workflowId }, cTask, workflows };
}

describe('backup and restore of the embedded stack', () => {
  it('when a backup taken while a ticket, a Bußgeldverfahren with its decision task and a dog-tax exemption are open is restored in place with npm run restore, then every case, timer and inbox task is back and the cases go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsweg-drill-'));
    const env = await envFor(dir);
    const first = await startWith(env);
    await createTestAccount(first, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const staffBefore = await signedInStaff(first);
    const cases = await openCases(first, staffBefore);
    const { a, b, bChild, bTask, c, cTask, workflows } = cases;
    const { model } = first.system;

    // What the drill must find again: read model, workflow states, timers with their fire times, inbox queues.
    const ticketA = (await model.tickets.findOne({ ticketNumber: a.ticketNumber }).lean())!;
    expect(ticketA.status).toBe('open');
    expect((await model.tickets.findOne({ ticketNumber: b.ticketNumber }).lean())!.status).toBe('decision_pending');
    const tasksBefore = await model.tasks.find({ _id: { $in: [bTask, cTask] } }).sort({ _id: 1 }).lean();
    expect(tasksBefore.map((t) => t.status)).toEqual(['open', 'open']);
    const dueOf = (id: string) => tasksBefore.find((t) => t._id === id)!.dueAt;
    const timersBefore = Object.fromEntries(await Promise.all(workflows.map(async (id) => [id, await pendingTimers(first, id)] as const)));
    // (a) one timer: the end of the payment week; (b) the ticket's week fired, the hearing timer was
    // cancelled by the answer, the decision task's escalation is pending; (c) its task's escalation.
    expect(timersBefore[a.workflowId], JSON.stringify(timersBefore)).toHaveLength(1);
    expect(near(timersBefore[a.workflowId]![0]!.firesAt, ticketA.paymentDeadline), JSON.stringify([timersBefore[a.workflowId], ticketA.paymentDeadline])).toBe(true);
    expect(timersBefore[b.workflowId]).toEqual([]);
    expect(timersBefore[bChild]).toHaveLength(1);
    expect(near(timersBefore[bChild]![0]!.firesAt, dueOf(bTask)), JSON.stringify([timersBefore[bChild], dueOf(bTask)])).toBe(true);
    expect(timersBefore[c.workflowId]).toHaveLength(1);
    expect(near(timersBefore[c.workflowId]![0]!.firesAt, dueOf(cTask)), JSON.stringify([timersBefore[c.workflowId], dueOf(cTask)])).toBe(true);
    expect(await queueOf(staffBefore, 'fine-office')).toContain(bTask);
    expect(await queueOf(staffBefore, 'tax-office')).toContain(cTask);
    const auditBefore = await model.audit.countDocuments({ caseNumber: { $in: [a.ticketNumber, b.ticketNumber, c.caseNumber] } });

    // Online: the backup is taken while the system runs; then a ticket is recorded that the restore must undo.
    const backup = await backupDataDir(dir);
    expect(readdirSync(join(backup, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(existsSync(join(backup, 'temporal', 'temporal.sqlite'))).toBe(true);
    expect(existsSync(join(backup, 'keys'))).toBe(true);
    const later = await recordTicket(staffBefore, 'HA-K 7', new Date(Date.now() - 60_000));
    // The real command refuses while the system runs from the folder.
    await expect(npmRestore(env, basename(backup))).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/is running from .*stop it/) });
    await first.stop();

    // Restore in place, by the backup's name, through `npm run restore`: the data there is moved aside.
    const restored = await npmRestore(env, basename(backup));
    const replaced = /the data it replaced is in (\S+)\. Start with npm start/.exec(restored.stdout)?.[1];
    expect(replaced, restored.stdout).toBeDefined();
    expect(existsSync(join(replaced!, 'temporal', 'temporal.sqlite'))).toBe(true);
    expect(readdirSync(join(replaced!, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(existsSync(join(replaced!, 'keys', 'payload.key'))).toBe(true);

    // Started again on the same configuration (data folder, ports), as `npm start` would.
    const second = await startWith(env);
    const temporal = second.system.temporal.workflow;
    const after = second.system.model;
    const staff = await signedInStaff(second);

    // Open in the read model …
    expect((await after.tickets.findOne({ ticketNumber: a.ticketNumber }).lean())).toMatchObject({ status: 'open', paymentDeadline: ticketA.paymentDeadline });
    expect((await after.tickets.findOne({ ticketNumber: b.ticketNumber }).lean())?.status).toBe('decision_pending');
    expect((await after.dogTaxCases.findOne({ caseNumber: c.caseNumber }).lean())?.status).toBe('awaiting_decision');
    expect((await after.tasks.find({ _id: { $in: [bTask, cTask] } }).sort({ _id: 1 }).lean()).map((t) => [t._id, t.status, t.dueAt]))
      .toEqual(tasksBefore.map((t) => [t._id, 'open', t.dueAt]));
    expect(await after.audit.countDocuments({ caseNumber: { $in: [a.ticketNumber, b.ticketNumber, c.caseNumber] } })).toBe(auditBefore);
    // … and in Temporal: running, answering their queries after a replay on the new worker.
    for (const id of workflows) expect((await temporal.getHandle(id).describe()).status.name, id).toBe('RUNNING');
    expect(await temporal.getHandle(a.workflowId).query(ticketStateQuery)).toMatchObject({ status: 'open', ticketNumber: a.ticketNumber });
    expect(await temporal.getHandle(b.workflowId).query(ticketStateQuery)).toMatchObject({ ticketNumber: b.ticketNumber, fineProceedingsWorkflowId: bChild });
    expect(await temporal.getHandle(bChild).query(proceedingsStateQuery)).toMatchObject({ status: 'decision_pending', decisionTaskId: bTask });
    expect(await temporal.getHandle(c.workflowId).query(exemptionStateQuery)).toMatchObject({ status: 'awaiting_decision', caseNumber: c.caseNumber });
    expect((await temporal.getHandle(b.workflowId).describe()).raw.pendingChildren?.map((p) => p.workflowId)).toEqual([bChild]);
    // Every pending timer fires at the same instant as before the backup.
    for (const id of workflows) expect(await pendingTimers(second, id), id).toEqual(timersBefore[id]);
    // The tasks are in their inbox queues.
    expect(await queueOf(staff, 'fine-office')).toContain(bTask);
    expect(await queueOf(staff, 'tax-office')).toContain(cTask);
    // What came after the backup is gone, in both stores.
    expect(await after.tickets.countDocuments({ ticketNumber: later.ticketNumber })).toBe(0);
    await expect(temporal.getHandle(later.workflowId).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // The cases go on. The tax office decides the exemption in its inbox:
    const decided = await staff.request('POST', `/api/tasks/${encodeURIComponent(cTask)}/decision`, { decision: { outcome: 'granted', reason: 'Bescheid über Bürgergeld liegt vor' } });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    expect(await temporal.getHandle(c.workflowId).result()).toMatchObject({ status: 'granted', caseNumber: c.caseNumber });
    expect((await after.dogTaxCases.findOne({ caseNumber: c.caseNumber }).lean())?.status).toBe('granted');
    // Ticket (a) is paid within its week; ticket (b) pays its Verwarnungsgeld during the proceedings,
    // which cancels the decision task and ends the child.
    await payOnline(second, a, PLATE_A);
    expect(await temporal.getHandle(a.workflowId).result()).toMatchObject({ status: 'paid' });
    await payOnline(second, b, PLATE_B);
    expect(await temporal.getHandle(b.workflowId).result()).toMatchObject({ status: 'paid' });
    expect((await temporal.getHandle(bChild).describe()).status.name).toBe('COMPLETED');
    expect((await after.tasks.findOne({ _id: bTask }).lean())?.status).toBe('cancelled');
    expect(await queueOf(staff, 'fine-office')).not.toContain(bTask);
    expect(await queueOf(staff, 'tax-office')).not.toContain(cTask);
    expect((await after.tickets.find({ ticketNumber: { $in: [a.ticketNumber, b.ticketNumber] } }).lean()).map((t) => t.status)).toEqual(['paid', 'paid']);
  }, 900_000);

  it('when a backup taken while a ticket is open is restored into a fresh data folder, then the started system has the open case, its running workflow and its 7-day timer firing at the same instant', async () => {
    const first = mkdtempSync(join(tmpdir(), 'amtsweg-drill-a-'));
    const a = await startOn(first);
    await createTestAccount(a, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const ticket = await recordTicket(await signedInStaff(a), 'HA-DR 1', new Date(Date.now() - 60_000));
    const { ticketNumber, workflowId } = ticket;
    const before = await a.system.temporal.workflow.getHandle(workflowId).query(ticketStateQuery);
    expect(before.status).toBe('open');
    const timersBefore = await pendingTimers(a, workflowId);
    expect(timersBefore).toHaveLength(1);
    expect(near(timersBefore[0]!.firesAt, before.paymentDeadline!), JSON.stringify([timersBefore, before.paymentDeadline])).toBe(true);
    const auditBefore = await a.system.model.audit.countDocuments({ caseNumber: ticketNumber });
    expect(auditBefore).toBeGreaterThan(0);

    const backup = await backupDataDir(first);
    // A restore into a folder whose stack runs is refused.
    expect(() => restoreBackup(first, backup)).toThrow(/is running from .*stop it/);
    await a.stop();

    const second = mkdtempSync(join(tmpdir(), 'amtsweg-drill-b-'));
    expect(restoreBackup(second, backup).replaced).toBeUndefined();
    const b = await startOn(second);
    const handle = b.system.temporal.workflow.getHandle(workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const after = await handle.query(ticketStateQuery);
    expect(after).toMatchObject({ status: 'open', ticketNumber, paymentDeadline: before.paymentDeadline });
    expect(await pendingTimers(b, workflowId)).toEqual(timersBefore);
    expect(await b.system.model.audit.countDocuments({ caseNumber: ticketNumber })).toBe(auditBefore);
    expect((await (await signedInStaff(b)).request('GET', '/api/health')).status).toBe(200);
  }, 600_000);

  it('when more backups exist than are kept, then the oldest are removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsweg-prune-'));
    const a = await startOn(dir);
    for (let i = 0; i < 3; i += 1) await backupDataDir(dir, 10);
    const all = listBackups(dir);
    expect(all).toHaveLength(3);
    pruneBackups(dir, 2);
    expect(listBackups(dir)).toEqual(all.slice(1));
    await a.stop();
  }, 300_000);

  it('when npm start runs with a backup interval, then backups are taken on schedule, each a readable copy, the newest kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsweg-schedule-'));
    mkdirSync(join(dir, 'temporal'), { recursive: true });
    const db = new Database(join(dir, 'temporal', 'temporal.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    // Written to while the backups run, as the services do.
    const writer = setInterval(() => insert.run(Date.now()), 5);
    const logged: string[] = [];
    const cancel = scheduleBackups(dir, 0.01, 2, { log: (l: string) => logged.push(l), error: (l: string) => logged.push(l) });
    try {
      await new Promise((r) => setTimeout(r, 3500));
    } finally {
      cancel();
      clearInterval(writer);
      db.close();
    }
    expect(logged.filter((l) => l.includes('backup written to')).length, logged.join('\n')).toBeGreaterThanOrEqual(2);
    expect(logged.filter((l) => l.includes('failed'))).toEqual([]);
    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    const copy = new Database(join(kept[1]!, 'temporal', 'temporal.sqlite'), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });
});
