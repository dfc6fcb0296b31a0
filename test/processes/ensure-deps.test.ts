/**
 * `npm start` and `npm test` install the locked dependencies themselves (prestart/pretest:
 * scripts/ensure-deps.mjs) when node_modules is missing or older than package-lock.json, and
 * leave an up-to-date node_modules alone. Checked on temporary folders with a made-up lockfile;
 * the last test runs the script as a process with a stand-in `npm` that records its arguments.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDeps, installReason } from '../../scripts/ensure-deps.mjs';

const lock = (packages: Record<string, { version: string; optional?: boolean }>) =>
  JSON.stringify({ name: 'fake', lockfileVersion: 3, packages: { '': { name: 'fake' }, ...packages } });

/** A project folder: package-lock.json, and npm's record of what is installed (node_modules/.package-lock.json) if given. */
function project(locked: string, installed?: string, installedAge: 'older' | 'newer' = 'newer'): string {
  const dir = mkdtempSync(join(tmpdir(), 'amtsweg-deps-'));
  writeFileSync(join(dir, 'package-lock.json'), locked);
  if (installed !== undefined) {
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), installed);
    const now = Date.now() / 1000;
    const [lockTime, installedTime] = installedAge === 'older' ? [now, now - 3600] : [now - 3600, now];
    utimesSync(join(dir, 'package-lock.json'), lockTime, lockTime);
    utimesSync(join(dir, 'node_modules', '.package-lock.json'), installedTime, installedTime);
  }
  return dir;
}

function installs(dir: string): string[] {
  const calls: string[] = [];
  ensureDeps({ dir, install: (d) => calls.push(d), log: () => {} });
  return calls;
}

const A1 = { 'node_modules/a': { version: '1.0.0' } };
const A2 = { 'node_modules/a': { version: '2.0.0' } };

describe('dependencies installed by the start and test commands themselves', () => {
  it('when node_modules is missing, then npm ci is called for that folder', () => {
    const dir = project(lock(A1));
    expect(installReason(dir)).toMatch(/missing/);
    expect(installs(dir)).toEqual([dir]);
  });

  it('when the lockfile is newer than node_modules and locks another version, then npm ci is called', () => {
    const dir = project(lock(A2), lock(A1), 'older');
    expect(installReason(dir)).toMatch(/older than package-lock/);
    expect(installs(dir)).toEqual([dir]);
  });

  it('when the lockfile is newer and adds a package, then npm ci is called', () => {
    const dir = project(lock({ ...A1, 'node_modules/b': { version: '1.0.0' } }), lock(A1), 'older');
    expect(installs(dir)).toEqual([dir]);
  });

  it('when node_modules is newer than the lockfile, then nothing is installed', () => {
    expect(installs(project(lock(A2), lock(A1), 'newer'))).toEqual([]);
  });

  it('when the lockfile is newer but node_modules holds exactly what it locks (npm install wrote both), then nothing is installed', () => {
    const dir = project(lock({ ...A1, 'node_modules/other-platform': { version: '1.0.0', optional: true } }), lock(A1), 'older');
    expect(installReason(dir)).toBeUndefined();
    expect(installs(dir)).toEqual([]);
  });

  it('when run as the prestart script with node_modules missing, then it runs `npm ci` in the project folder', () => {
    const dir = project(lock(A1));
    const bin = mkdtempSync(join(tmpdir(), 'amtsweg-fake-npm-'));
    const record = join(bin, 'calls');
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$PWD $*" >> "${record}"\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
    delete env.npm_execpath; // run as if from a shell: the `npm` on PATH (the stand-in)
    const run = spawnSync(process.execPath, [resolve('scripts/ensure-deps.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('installing the locked dependencies');
    expect(readFileSync(record, 'utf8').trim()).toBe(`${dir} ci --no-audit --no-fund`);

    // Installed and current: the next start installs nothing.
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', '.package-lock.json'), lock(A1));
    const again = spawnSync(process.execPath, [resolve('scripts/ensure-deps.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
    expect(again.status).toBe(0);
    expect(readFileSync(record, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
