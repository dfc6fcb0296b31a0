/**
 * The embedded Temporal server's data: which server version created its SQLite file (the dev
 * server creates its schema for a new file only and never migrates it, so a file is only ever
 * opened by the version that created it), and how long closed workflows are kept (the dev
 * server's default is 24 hours; set here explicitly).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { StartRefusedError } from './processes';

export interface TemporalVersion { server: string; cli: string }

export const temporalDbFile = (dataDir: string) => join(dataDir, 'temporal', 'temporal.sqlite');
/** Beside the SQLite file: the versions that created it. */
export const temporalVersionFile = (dataDir: string) => join(dataDir, 'temporal', 'version.json');

const known = new Map<string, TemporalVersion>();

/** The Temporal server and CLI versions of a `temporal` binary (from `temporal --version`). */
export function temporalVersionOf(cliPath: string): TemporalVersion {
  const cached = known.get(cliPath);
  if (cached) return cached;
  const out = spawnSync(cliPath, ['--version'], { encoding: 'utf8' });
  const line = `${out.stdout ?? ''}`.trim();
  // e.g. "temporal version 1.5.1 (Server 1.29.1, UI 2.42.1)"
  const server = /Server ([\w.+-]+)/.exec(line)?.[1];
  if (out.status !== 0 || !server) throw new Error(`cannot tell the Temporal server version of ${cliPath} (${line || out.stderr})`);
  const version = { server, cli: /temporal version (\S+)/.exec(line)?.[1] ?? 'unknown' };
  known.set(cliPath, version);
  return version;
}

export function readTemporalVersion(dataDir: string): TemporalVersion | undefined {
  try {
    return JSON.parse(readFileSync(temporalVersionFile(dataDir), 'utf8')) as TemporalVersion;
  } catch {
    return undefined;
  }
}

export function writeTemporalVersion(dataDir: string, version: TemporalVersion): void {
  mkdirSync(dirname(temporalVersionFile(dataDir)), { recursive: true });
  writeFileSync(temporalVersionFile(dataDir), `${JSON.stringify({ ...version, recordedAt: new Date().toISOString() }, null, 2)}\n`);
}

export class TemporalVersionMismatchError extends StartRefusedError {
  constructor(dataDir: string, had: TemporalVersion, now: TemporalVersion) {
    super(`The Temporal data in ${dirname(temporalDbFile(dataDir))} was created by Temporal server ${had.server} (CLI ${had.cli}); `
      + `this start has Temporal server ${now.server} (CLI ${now.cli}). The dev server never migrates its SQLite schema, so amtsweg `
      + `does not start it on a file of another version. Start the version that created the data (TEMPORAL_CLI_PATH=…), `
      + `or see docs/operations.md, "Upgrading the embedded Temporal".`);
  }
}

/**
 * Pins the data folder to one Temporal server version: a new file records the version that
 * creates it; a file from another version is refused. A file from before the pin (no record)
 * is taken as this version's: the only version the project ever pinned created it.
 */
export function claimTemporalVersion(dataDir: string, now: TemporalVersion): void {
  const had = readTemporalVersion(dataDir);
  if (had && had.server !== now.server) throw new TemporalVersionMismatchError(dataDir, had, now);
  if (!had) {
    if (existsSync(temporalDbFile(dataDir))) console.warn(`[amtsweg] ${temporalDbFile(dataDir)} has no version record: recording Temporal server ${now.server}`);
    writeTemporalVersion(dataDir, now);
  }
}

/** Sets how long closed workflows of the namespace are kept (history, queries, the Web UI). */
export async function setRetention(address: string, namespace: string, days: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    // The namespace is registered as the dev server comes up: retry briefly until it is there.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await connection.workflowService.updateNamespace({ namespace, config: { workflowExecutionRetentionTtl: msToTs(days * 24 * 3600 * 1000) } });
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await connection.close();
  }
}
