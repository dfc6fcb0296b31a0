/**
 * The workflow bundle, built once and reused: `npm run build:workflows` (or the first worker
 * that needs it) writes dist/workflows/<hash>/, where the hash covers every source the bundle
 * is made of (the files workflows/index.ts imports, every file in the folders they live in, the
 * lockfile, this file). A worker uses the prebuilt bundle when its hash matches the sources it
 * runs with, and bundles in memory otherwise (and writes the result for the next start).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { failureConverterPath } from '../temporal/connection';

const root = fileURLToPath(new URL('..', import.meta.url));
export const workflowsPath = join(root, 'workflows', 'index.ts');
export const bundlesDir = join(root, 'dist', 'workflows');

const IMPORT = /(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const SOURCE = /\.(ts|tsx|mts|js|mjs|json)$/;

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesIn(path);
    return SOURCE.test(e.name) ? [path] : [];
  });
}

/** The sources the bundle is made of: the import graph from workflows/index.ts, widened to whole top-level folders. */
export function workflowSources(): string[] {
  const seen = new Set<string>();
  const queue = [workflowsPath];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
      if (!spec?.startsWith('.')) continue; // a package: covered by the lockfile
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
    }
  }
  // A missed import form must not leave a stale bundle: every file of every folder the graph touches counts.
  const folders = new Set([...seen].map((f) => relative(root, f).split(sep)[0]!).filter((f) => !f.includes('.')));
  const all = new Set([...seen, ...[...folders].flatMap((f) => filesIn(join(root, f)))]);
  return [...all].sort();
}

export function workflowSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...workflowSources(), join(root, 'package-lock.json'), fileURLToPath(import.meta.url), failureConverterPath]) {
    hash.update(relative(root, file)).update('\0');
    if (existsSync(file)) hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never;

function readPrebuilt(bundlesDir: string, hash: string): WorkflowBundleWithSourceMap | undefined {
  try {
    const dir = join(bundlesDir, hash);
    return { code: readFileSync(join(dir, 'bundle.js'), 'utf8'), sourceMap: readFileSync(join(dir, 'bundle.js.map'), 'utf8') };
  } catch {
    return undefined;
  }
}

/** Writes the bundle under its hash (into a temporary folder, then renamed: readers never see half of it); drops older ones. */
function writePrebuilt(bundlesDir: string, hash: string, bundle: WorkflowBundleWithSourceMap): void {
  try {
    mkdirSync(bundlesDir, { recursive: true });
    const staging = mkdtempSync(join(bundlesDir, '.staging-'));
    writeFileSync(join(staging, 'bundle.js'), bundle.code);
    writeFileSync(join(staging, 'bundle.js.map'), bundle.sourceMap);
    try {
      renameSync(staging, join(bundlesDir, hash));
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process wrote the same bundle first
    }
    for (const old of readdirSync(bundlesDir)) {
      if (old !== hash && !old.startsWith('.')) rmSync(join(bundlesDir, old), { recursive: true, force: true });
    }
  } catch (error) {
    console.warn('[amtsweg] could not keep the workflow bundle for the next start:', (error as Error).message);
  }
}

/** The prebuilt bundle if it matches the sources, else a fresh one (kept for the next start). */
export async function workflowBundle(opts: { rebuild?: boolean; dir?: string } = {}): Promise<WorkflowBundleWithSourceMap & { prebuilt: boolean; hash: string }> {
  const dir = opts.dir ?? bundlesDir;
  const hash = workflowSourceHash();
  const prebuilt = opts.rebuild ? undefined : readPrebuilt(dir, hash);
  if (prebuilt) return { ...prebuilt, prebuilt: true, hash };
  // The sandbox's failure converter is part of the bundle: messages and stack traces leave it encoded.
  const bundle = await bundleWorkflowCode({ workflowsPath, logger: quietLogger, failureConverterPath });
  writePrebuilt(dir, hash, bundle);
  return { ...bundle, prebuilt: false, hash };
}
