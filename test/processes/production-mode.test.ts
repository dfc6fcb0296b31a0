/**
 * Production mode (issue 9, item 1): a start with AMTSWEG_MODE=production (or NODE_ENV=production)
 * and no production services refuses with one clear message naming every variable to set, exit
 * code 1 — the web server, the worker, `npm start` and the account seed alike — instead of
 * falling back to the embedded stack and mounting the sandboxes. Before the fix each of them
 * started and served /sandbox/* to anyone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { freePort } from '../../scripts/lib/stack';
import { testMongoUri } from '../support/env';
import { DEMO_ACCOUNTS } from '../../server/use-cases/accounts/seed-accounts';

const PRODUCTION_VARIABLES = ['TEMPORAL_ADDRESS', 'AMTSWEG_PAYLOAD_KEY', 'MONGODB_URI', 'SMTP_URL', 'VEHICLE_REGISTRY_URL', 'RESIDENT_REGISTRY_URL',
  'PAYMENT_PROVIDER_URL', 'PAYMENT_PROVIDER_API_KEY', 'PAYMENT_WEBHOOK_SECRET', 'PUBLIC_BASE_URL'];

/** The environment of this test run without any production service (as a fresh container would have it). */
async function bareEnv(extra: Record<string, string>): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-production-mode-')), ...extra };
  for (const name of [...PRODUCTION_VARIABLES, 'AMTSWEG_MODE', 'NODE_ENV']) if (!(name in extra)) delete env[name];
  return env;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) => child.once('exit', (code) => { clearTimeout(killer); resolve({ code, output, ms: Date.now() - started }); }));
}

describe('production mode without production services', () => {
  it.each([
    ['the web server', ['server/main.ts']],
    ['the worker', ['workers/main.ts']],
    ['npm start', ['scripts/start.ts']],
    ['the account seed', ['scripts/seed-accounts.ts']],
  ])('when %s starts with AMTSWEG_MODE=production, then it refuses with a message naming every missing variable (exit 1)', async (_name, args) => {
    const { code, output, ms } = await run(args, await bareEnv({ AMTSWEG_MODE: 'production' }));
    expect(code, output).toBe(1);
    expect(output).toContain('Configuration error: AMTSWEG_MODE is production');
    expect(output).toContain('never falls back to an embedded service or a sandbox');
    for (const name of PRODUCTION_VARIABLES) expect(output, name).toContain(`${name} `);
    expect(output).toMatch(/sandbox vehicle registry/);
    // Refused before anything started: no embedded stack, no port, no demo account.
    expect(output).not.toMatch(/listening|is running|embedded stack|Demo staff accounts/);
    console.log(`[production mode] ${args[0]} refused in ${ms} ms`);
  }, 90_000);

  it('when NODE_ENV=production and AMTSWEG_MODE is unset, then production mode is implied and the web server refuses too', async () => {
    const { code, output } = await run(['server/main.ts'], await bareEnv({ NODE_ENV: 'production' }));
    expect(code, output).toBe(1);
    expect(output).toContain('AMTSWEG_MODE is production');
  }, 90_000);

  it('when only the payment provider is missing, then the refusal names just that (no sandbox payment provider in production)', async () => {
    const { code, output } = await run(['server/main.ts'], await bareEnv({
      AMTSWEG_MODE: 'production', TEMPORAL_ADDRESS: '127.0.0.1:1', AMTSWEG_PAYLOAD_KEY: Buffer.alloc(32, 3).toString('base64'), MONGODB_URI: 'mongodb://127.0.0.1:1/amtsweg',
      SMTP_URL: 'smtp://127.0.0.1:1', VEHICLE_REGISTRY_URL: 'https://kba.example', RESIDENT_REGISTRY_URL: 'https://melderegister.example', PUBLIC_BASE_URL: 'https://amtsweg.hagen.example',
    }));
    expect(code, output).toBe(1);
    const named = PRODUCTION_VARIABLES.filter((name) => output.includes(`  - ${name} `));
    expect(named).toEqual(['PAYMENT_PROVIDER_URL', 'PAYMENT_PROVIDER_API_KEY', 'PAYMENT_WEBHOOK_SECRET']);
  }, 90_000);
});

describe('production mode with every production service configured', () => {
  it('when accounts:seed runs, then it creates only the first administrator (ADMIN_EMAIL, admin role) and no demo account; a second run creates nothing', async () => {
    const uri = testMongoUri('production_seed');
    const conn = await mongoose.createConnection(uri).asPromise();
    try {
      await conn.dropDatabase();
      // Every production variable set: the seed starts (the other services are not contacted by it).
      const env = await bareEnv({
        AMTSWEG_MODE: 'production', TEMPORAL_ADDRESS: '127.0.0.1:1', AMTSWEG_PAYLOAD_KEY: Buffer.alloc(32, 5).toString('base64'), MONGODB_URI: uri,
        SMTP_URL: 'smtp://127.0.0.1:1', VEHICLE_REGISTRY_URL: 'https://kba.example', RESIDENT_REGISTRY_URL: 'https://melderegister.example',
        PAYMENT_PROVIDER_URL: 'https://psp.example/api', PAYMENT_PROVIDER_API_KEY: 'psp-key', PAYMENT_WEBHOOK_SECRET: 'psp-webhook-secret',
        PUBLIC_BASE_URL: 'https://amtsweg.hagen.example', ADMIN_EMAIL: 'it-leitstelle@hagen.example',
      });
      const first = await run(['scripts/seed-accounts.ts'], env);
      expect(first.code, first.output).toBe(0);
      expect(first.output).toMatch(/first administrator was created/);
      expect(first.output).not.toMatch(/Demo staff accounts/);
      for (const demo of DEMO_ACCOUNTS.filter((a) => a.id !== 'admin')) expect(first.output).not.toContain(demo.id);
      const accounts = async () => (await conn.collection('staff_accounts').find({}).toArray()) as unknown as Array<{ _id: string; roles: string[]; email: string; mustChangePassword?: boolean }>;
      expect((await accounts()).map((a) => ({ id: a._id, roles: a.roles, email: a.email }))).toEqual([{ id: 'admin', roles: ['admin'], email: 'it-leitstelle@hagen.example' }]);

      const second = await run(['scripts/seed-accounts.ts'], env);
      expect(second.code, second.output).toBe(0);
      expect(second.output).toMatch(/Accounts exist already/);
      expect((await accounts()).map((a) => a._id)).toEqual(['admin']);
    } finally {
      await conn.close();
    }
  }, 120_000);
});
