/**
 * The workflow bundle is built once per change of its sources and reused by every worker start
 * (workers/workflow-bundle.ts): a prebuilt bundle is used only under the hash of the sources the
 * worker runs with, so a changed workflow is never served from a stale bundle.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowBundle, workflowSourceHash, workflowSources } from '../../workers/workflow-bundle';

describe('the prebuilt workflow bundle', () => {
  it('covers the workflows and everything they import', () => {
    const sources = workflowSources().map((f) => f.replace(/\\/g, '/'));
    // Every module the bundle's entry point exports from (e.g. ./parking-ticket/workflow).
    const entries = [...readFileSync('workflows/index.ts', 'utf8').matchAll(/from '\.\/([^']+)'/g)].map((m) => `/workflows/${m[1]}.ts`);
    expect(entries.length).toBeGreaterThan(3);
    for (const part of ['/workflows/index.ts', ...entries]) expect(sources.some((f) => f.endsWith(part)), part).toBe(true);
    expect(sources.some((f) => f.includes('/domain/'))).toBe(true);
    expect(sources.some((f) => f.includes('/node_modules/'))).toBe(false);
    expect(workflowSourceHash()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('when bundled once, then the next start uses the file under the same hash, and a bundle under another hash is neither used nor kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsweg-bundles-'));
    mkdirSync(join(dir, '0000000000000000'));
    writeFileSync(join(dir, '0000000000000000', 'bundle.js'), 'stale');
    writeFileSync(join(dir, '0000000000000000', 'bundle.js.map'), '{}');

    const first = await workflowBundle({ dir });
    expect(first.prebuilt).toBe(false);
    expect(first.code).toContain('parkingTicketWorkflow');
    expect(existsSync(join(dir, '0000000000000000'))).toBe(false);
    expect(readFileSync(join(dir, first.hash, 'bundle.js'), 'utf8')).toBe(first.code);

    // What a worker start reads is the file: mark it and see the mark come back.
    writeFileSync(join(dir, first.hash, 'bundle.js'), `${first.code}\n// prebuilt`);
    const second = await workflowBundle({ dir });
    expect(second.prebuilt).toBe(true);
    expect(second.hash).toBe(first.hash);
    expect(second.code.endsWith('// prebuilt')).toBe(true);
  }, 120_000);
});
