/**
 * Backups of the embedded stack's data: the Temporal SQLite file, FerretDB's SQLite files (one
 * per database) and the payload key (without it the restored workflows' payloads cannot be
 * read), copied with SQLite's online backup API while the services run, each file in one step,
 * so each copy is one consistent snapshot. A backup is written under a temporary name and
 * renamed when complete: `<data>/backups/<timestamp>/` is always a whole backup.
 * Restore copies a backup into a data folder whose stack is not running.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { isGroupAlive, isSameProcess, readState, StartRefusedError } from './processes';
import { temporalDbFile, temporalVersionFile } from './temporal-data';

export const backupsDir = (dataDir: string) => join(resolve(dataDir), 'backups');

interface Manifest { createdAt: string; files: { path: string; bytes: number }[] }

/**
 * What a backup holds, relative to the data folder, in the order it is copied: Temporal first,
 * then FerretDB. The two are separate snapshots seconds apart; in this order the database is
 * never older than Temporal, so what a restored workflow redoes (an activity whose completion
 * came after Temporal's snapshot) is written again by idempotent activities, and nothing
 * Temporal remembers is missing from the read model. A case recorded within those seconds may
 * leave a read-model entry without its workflow (see the README on restores).
 */
function sourceFiles(dataDir: string): string[] {
  const files: string[] = [];
  if (existsSync(temporalDbFile(dataDir))) files.push('temporal/temporal.sqlite');
  const ferret = join(dataDir, 'ferretdb');
  if (existsSync(ferret)) files.push(...readdirSync(ferret).filter((f) => f.endsWith('.sqlite')).sort().map((f) => `ferretdb/${f}`));
  return files;
}

/** One SQLite file, copied page by page in a single step (one read transaction: a consistent snapshot). */
async function backupSqlite(source: string, target: string): Promise<void> {
  const db = new Database(source, { fileMustExist: true, timeout: 30_000 });
  try {
    await db.backup(target, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
}

/** Takes a backup into <data>/backups/<timestamp>/ and keeps the newest `keep`; returns its folder. */
export async function backupDataDir(dataDir: string, keep = 48): Promise<string> {
  const root = resolve(dataDir);
  const files = sourceFiles(root);
  if (!files.length) throw new Error(`nothing to back up in ${root}: no Temporal or FerretDB data`);
  const name = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(backupsDir(root), name);
  const staging = `${target}.partial`;
  mkdirSync(join(staging, 'temporal'), { recursive: true });
  mkdirSync(join(staging, 'ferretdb'), { recursive: true });
  try {
    const manifest: Manifest = { createdAt: new Date().toISOString(), files: [] };
    for (const file of files) {
      await backupSqlite(join(root, file), join(staging, file));
      manifest.files.push({ path: file, bytes: statSync(join(staging, file)).size });
    }
    if (existsSync(temporalVersionFile(root))) copyFileSync(temporalVersionFile(root), join(staging, 'temporal', 'version.json'));
    if (existsSync(join(root, 'keys'))) cpSync(join(root, 'keys'), join(staging, 'keys'), { recursive: true });
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  pruneBackups(root, keep);
  return target;
}

/** Complete backups, oldest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => !n.endsWith('.partial') && existsSync(join(dir, n, 'manifest.json'))).sort().map((n) => join(dir, n));
}

export function pruneBackups(dataDir: string, keep: number): void {
  const all = listBackups(dataDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { recursive: true, force: true });
}

/** Whether amtsweg's stack runs from this data folder (its owner or any of its services alive). */
export function stackIsRunning(dataDir: string): boolean {
  const state = readState(resolve(dataDir));
  return Boolean(state && (isSameProcess(state.owner) || state.children.some(isGroupAlive)));
}

/**
 * Restores a backup (its folder, or its name under <data>/backups) into the data folder. The
 * Temporal and FerretDB data there now is moved aside to <data>/replaced-<timestamp>/, never
 * deleted. Refused while the stack runs from that folder.
 */
export function restoreBackup(dataDir: string, backup: string): { from: string; replaced?: string } {
  const root = resolve(dataDir);
  const from = isAbsolute(backup) || existsSync(backup) ? resolve(backup) : join(backupsDir(root), basename(backup));
  if (!existsSync(join(from, 'manifest.json'))) throw new StartRefusedError(`${from} is not a complete backup (no manifest.json); \`npm run backup -- --list\` lists them.`);
  if (stackIsRunning(root)) throw new StartRefusedError(`amtsweg is running from ${root}: stop it (Ctrl-C) before restoring a backup into it.`);
  const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as Manifest;
  let replaced: string | undefined;
  const present = ['temporal', 'ferretdb', 'keys'].filter((d) => existsSync(join(root, d)));
  if (present.length) {
    replaced = join(root, `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(replaced, { recursive: true });
    for (const d of present) renameSync(join(root, d), join(replaced, d));
  }
  mkdirSync(join(root, 'temporal'), { recursive: true });
  mkdirSync(join(root, 'ferretdb'), { recursive: true });
  for (const { path } of manifest.files) copyFileSync(join(from, path), join(root, path));
  if (existsSync(join(from, 'temporal', 'version.json'))) copyFileSync(join(from, 'temporal', 'version.json'), temporalVersionFile(root));
  if (existsSync(join(from, 'keys'))) cpSync(join(from, 'keys'), join(root, 'keys'), { recursive: true });
  return { from, replaced };
}

/** Takes a backup every `minutes` while the stack runs (never two at once); returns the cancel. */
export function scheduleBackups(dataDir: string, minutes: number, keep: number, log: Pick<Console, 'log' | 'error'> = console): () => void {
  if (minutes <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    backupDataDir(dataDir, keep)
      .then((target) => log.log(`[amtsweg] backup written to ${target}`))
      .catch((error: Error) => log.error(`[amtsweg] backup failed: ${error.message}`))
      .finally(() => { running = false; });
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
