/**
 * `prestart` / `pretest`: installs the locked dependencies (`npm ci`) when node_modules is
 * missing or older than package-lock.json, so that `npm start` and `npm test` are the whole
 * set-up on a fresh machine. Plain Node without dependencies: it runs before any are there.
 *
 * "Older" is decided by npm's own record of what it installed (node_modules/.package-lock.json):
 * when that file is older than the lockfile, the two are compared, because an `npm install`
 * writes both files and not always in the same order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Why an install is needed in `dir`, or undefined when node_modules matches the lockfile. */
export function installReason(dir) {
  const lockFile = join(dir, 'package-lock.json');
  const installedFile = join(dir, 'node_modules', '.package-lock.json');
  if (!existsSync(lockFile)) return undefined;
  if (!existsSync(installedFile)) return 'node_modules is missing';
  if (statSync(installedFile).mtimeMs >= statSync(lockFile).mtimeMs) return undefined;
  return sameTree(lockFile, installedFile) ? undefined : 'node_modules is older than package-lock.json';
}

/** Every locked package installed at its locked version (optional ones may be absent), nothing else. */
function sameTree(lockFile, installedFile) {
  try {
    const locked = JSON.parse(readFileSync(lockFile, 'utf8')).packages ?? {};
    const installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
    for (const [path, entry] of Object.entries(locked)) {
      if (path === '') continue;
      const have = installed[path];
      if (!have) {
        if (entry.optional) continue; // e.g. a native binary for another platform
        return false;
      }
      if (have.version !== entry.version) return false;
    }
    return Object.keys(installed).every((path) => path in locked);
  } catch {
    return false;
  }
}

/** The npm that runs this lifecycle script (npm_execpath), else the one on PATH. */
function npmCi(dir) {
  const execPath = process.env.npm_execpath;
  const [cmd, args] = execPath && execPath.endsWith('.js') ? [process.execPath, [execPath]] : ['npm', []];
  const result = spawnSync(cmd, [...args, 'ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci failed (exit ${result.status ?? result.signal})`);
}

/** Installs when needed; returns whether it did. */
export function ensureDeps({ dir = process.cwd(), install = npmCi, log = (line) => console.log(line) } = {}) {
  const reason = installReason(dir);
  if (!reason) return false;
  log(`[amtsweg] ${reason}: installing the locked dependencies (npm ci) …`);
  install(dir);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureDeps({ dir: process.argv[2] ?? process.cwd() });
  } catch (error) {
    console.error(`[amtsweg] ${error.message}`);
    process.exit(1);
  }
}
