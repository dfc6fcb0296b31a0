/**
 * The embedded Temporal server keeps what it acknowledged and what an operator needs: its
 * SQLite file is synced at every commit (WAL, synchronous=FULL), closed workflows are kept for
 * the configured retention (not the dev server's 24 hours), and a data folder created by
 * another Temporal server version is refused (the dev server never migrates its schema).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, freePort, startStack, temporalPortTaken, type RunningStack, type StackPorts } from '../../scripts/lib/stack';
import { readState } from '../../scripts/lib/processes';
import { readTemporalVersion, temporalDbFile, temporalVersionFile, writeTemporalVersion } from '../../scripts/lib/temporal-data';

const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-embedded-temporal-'));
let ports: StackPorts;
let stack: RunningStack | undefined;

const start = () => startStack({ dataDir, ports, temporalUi: false, start: { temporal: true, mongodb: false, smtp: false } });

/** The command line of the Temporal server itself (the watchdog's child in the recorded process group). */
function temporalCommandLine(): string[] {
  const leader = readState(dataDir)!.children.find((c) => c.name === 'temporal')!.pid;
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      if (pgid === leader && args.includes('start-dev') && !args[0]!.endsWith('sh')) return args;
    } catch { /* gone meanwhile */ }
  }
  throw new Error('no Temporal server process in the stack');
}

beforeAll(async () => {
  ports = { temporal: await freePort(), temporalUi: 0, mongodb: 0, smtp: 0, mailUi: 0 };
  stack = await start();
}, 180_000);
afterAll(async () => stack?.stop(), 60_000);

describe('the embedded Temporal server', () => {
  it('when it runs, then its SQLite file is in WAL mode and synced at every commit (synchronous=FULL, not OFF)', () => {
    const args = temporalCommandLine();
    const pragmas = args.flatMap((a, i) => (args[i - 1] === '--sqlite-pragma' ? [a] : []));
    expect(pragmas).toContain('synchronous=FULL');
    expect(pragmas).toContain('journal_mode=WAL');
    expect(pragmas.join(' ')).not.toMatch(/synchronous=(OFF|0)\b/i);
    const db = new Database(temporalDbFile(dataDir), { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('when a workflow closes, then the namespace keeps it for the configured retention, not the dev server default of 24 hours', async () => {
    const connection = await Connection.connect({ address: stack!.temporalAddress! });
    try {
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(Number(ns.config!.workflowExecutionRetentionTtl!.seconds)).toBe(DEFAULT_RETENTION_DAYS * 24 * 3600);
    } finally {
      await connection.close();
    }
  });

  it('when the port it picked for its HTTP API is taken before the server binds it, then it starts on another one (CI saw the race once)', async () => {
    await stack!.stop();
    stack = undefined;
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(0, '127.0.0.1', r));
    const taken = (squatter.address() as { port: number }).port;
    try {
      stack = await startStack({ dataDir, ports, temporalUi: false, start: { temporal: true, mongodb: false, smtp: false }, temporalHttpPort: taken });
      const httpPort = Number(temporalCommandLine()[temporalCommandLine().indexOf('--http-port') + 1]);
      expect(httpPort).not.toBe(taken);
      const conn = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
      await conn.close();
    } finally {
      squatter.close();
    }
  }, 180_000);

  it('when a start fails because a port was taken, then only a port another start can change is a reason to try again (the CLI\'s internal ports, our HTTP port — not the frontend port)', () => {
    // The line CI's restore drill died on: a port the CLI had picked for its history service.
    const internal = 'time=2026-12-02T17:58:21.004 level=ERROR msg="Failed to start gRPC listener" error="listen tcp 127.0.0.1:46001: bind: address already in use" service=history address=127.0.0.1:46001\npanic: runtime error: invalid memory address or nil pointer dereference';
    expect(temporalPortTaken(internal, 46000, 46100)).toBe('internal');
    expect(temporalPortTaken('Error: failed starting server: HTTP API on 127.0.0.1:46100: listen tcp 127.0.0.1:46100: bind: address already in use', 46000, 46100)).toBe('http');
    // The frontend port is everyone's address: taken, the start is refused with the foreign-port message instead.
    expect(temporalPortTaken('msg="Failed to start gRPC listener" error="listen tcp 127.0.0.1:46000: bind: address already in use" service=frontend', 46000, 46100)).toBeUndefined();
    expect(temporalPortTaken('Error: unable to open database file', 46000, 46100)).toBeUndefined();
    // The Web UI's port is fixed too (checked before the start): trying again on it would fail again.
    expect(temporalPortTaken("Error: can't set UI port 8233: listen tcp 127.0.0.1:8233: bind: address already in use", 46000, 46100, 8233)).toBeUndefined();
  });

  it('when the data folder was created by another Temporal server version, then the start is refused with a message that says how to go on; the same version starts', async () => {
    const own = readTemporalVersion(dataDir)!;
    expect(own.server).toMatch(/^\d+\.\d+/);
    await stack!.stop();
    stack = undefined;

    writeTemporalVersion(dataDir, { server: '1.20.0', cli: '0.9.0' });
    const refused = await start().then(() => 'started', (error: Error) => error.message);
    expect(refused).toContain('was created by Temporal server 1.20.0');
    expect(refused).toContain(`this start has Temporal server ${own.server}`);
    expect(refused).toContain('never migrates');
    expect(refused).toContain('Upgrading the embedded Temporal');
    expect(readState(dataDir)).toBeUndefined(); // nothing was started

    writeFileSync(temporalVersionFile(dataDir), `${JSON.stringify(own)}\n`);
    stack = await start();
    expect(readTemporalVersion(dataDir)!.server).toBe(own.server);
  }, 180_000);
});
