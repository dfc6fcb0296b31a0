/**
 * The crash-and-restore drill: a system on its own data folder (its own embedded Temporal and
 * FerretDB) records a ticket, whose 7-day payment timer is open; an online backup is taken
 * while it runs; it stops; the backup is restored into a fresh data folder; a system started
 * there finds the open case, its running workflow answering its state query, and the timer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { freePort } from '../../scripts/lib/stack';
import Database from 'better-sqlite3';
import { backupDataDir, listBackups, pruneBackups, restoreBackup, scheduleBackups } from '../../scripts/lib/backup';
import { parkingTicketWorkflowId, ticketStateQuery } from '../../workflows/parking-ticket/shared';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';

const running: RunningSystem[] = [];
afterAll(async () => {
  for (const system of running) await system.stop().catch(() => undefined);
}, 120_000);

/** A whole system on its own data folder and free ports, its stack embedded (no shared test stack). */
async function startOn(dataDir: string): Promise<RunningSystem> {
  // As the other test systems: the fixture admin works without a TOTP second factor (production's rule: staff-account-security-http).
  const env: Record<string, string> = { AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
  for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
  const system = await runSystem(loadConfig(env));
  running.push(system);
  return system;
}

/** Timers started in the workflow's history and neither fired nor cancelled. */
async function openTimers(system: RunningSystem, workflowId: string): Promise<{ id: string; seconds: number }[]> {
  const history = await system.system.temporal.workflow.getHandle(workflowId).fetchHistory();
  const started = new Map<string, number>();
  for (const event of history.events ?? []) {
    if (event.timerStartedEventAttributes) started.set(event.timerStartedEventAttributes.timerId!, Number(event.timerStartedEventAttributes.startToFireTimeout?.seconds ?? 0));
    const closed = event.timerFiredEventAttributes?.timerId ?? event.timerCanceledEventAttributes?.timerId;
    if (closed) started.delete(closed);
  }
  return [...started].map(([id, seconds]) => ({ id, seconds }));
}

describe('backup and restore of the embedded stack', () => {
  it('when a backup taken while a ticket is open is restored into a fresh data folder, then the started system has the open case, its running workflow and its 7-day timer', async () => {
    const first = mkdtempSync(join(tmpdir(), 'amtsweg-drill-a-'));
    const a = await startOn(first);
    await createTestAccount(a, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const warden = new HttpClient(a.baseUrl);
    await warden.signInStaff();
    const key = `idem-drill-${randomUUID()}`;
    const recorded = await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '141312', plate: 'HA-DR 1', place: 'Drillstraße 1, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString(),
    }, { 'Idempotency-Key': key });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    const ticketNumber: string = recorded.json.ticketNumber;
    const workflowId = parkingTicketWorkflowId(createHash('sha256').update(key).digest('hex').slice(0, 32));
    const before = await a.system.temporal.workflow.getHandle(workflowId).query(ticketStateQuery);
    expect(before.status).toBe('open');
    const timersBefore = await openTimers(a, workflowId);
    expect(timersBefore.some((t) => t.seconds >= 6 * 24 * 3600), JSON.stringify(timersBefore)).toBe(true);
    const auditBefore = await a.system.model.audit.countDocuments({ caseNumber: ticketNumber });
    expect(auditBefore).toBeGreaterThan(0);

    // Online: the backup is taken while the system runs.
    const backup = await backupDataDir(first);
    expect(readdirSync(join(backup, 'ferretdb')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    expect(existsSync(join(backup, 'temporal', 'temporal.sqlite'))).toBe(true);
    expect(existsSync(join(backup, 'keys'))).toBe(true);
    // A restore into a folder whose stack runs is refused.
    expect(() => restoreBackup(first, backup)).toThrow(/is running from .*stop it/);
    await a.stop();

    const second = mkdtempSync(join(tmpdir(), 'amtsweg-drill-b-'));
    restoreBackup(second, backup);
    const b = await startOn(second);
    const handle = b.system.temporal.workflow.getHandle(workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    const after = await handle.query(ticketStateQuery);
    expect(after).toMatchObject({ status: 'open', ticketNumber, paymentDeadline: before.paymentDeadline });
    expect(await openTimers(b, workflowId)).toEqual(timersBefore);
    expect(await b.system.model.audit.countDocuments({ caseNumber: ticketNumber })).toBe(auditBefore);
    const staff = new HttpClient(b.baseUrl);
    await staff.signInStaff();
    expect((await staff.request('GET', '/api/health')).status).toBe(200);
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
