/**
 * `npm start`: the whole system on one machine with embedded defaults. Builds what is missing
 * (first run only), starts everything on loopback, prints where to go, and stops it all on
 * Ctrl-C, SIGINT or SIGTERM (`npm start` runs this with `exec`, so npm's forwarded signal
 * reaches this process rather than stopping at the shell). After a crash (kill -9) the next
 * start stops what this one left running (see scripts/lib/stack.ts).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../config/config';
import { runSystem } from './lib/run-system';
import { scheduleBackups } from './lib/backup';
import { portIsFree, StartRefusedError } from './lib/processes';
import { stopOnSignal } from '../system/process';
import { formatSeeded, hasAnyAccount, seedDemoAccounts } from '../server/use-cases/accounts/seed-accounts';

async function run(): Promise<void> {
  const config = loadConfig();
  if (!(await portIsFree(config.port))) {
    throw new StartRefusedError(`Port ${config.port} for the web server is already in use by another program: stop it, or choose another port with PORT=….`);
  }
  // From here on a signal stops whatever has started, also in the middle of starting.
  const aborted = new AbortController();
  let starting: ReturnType<typeof runSystem> | undefined;
  let stopBackups = () => {};
  stopOnSignal('npm start', async () => {
    aborted.abort();
    stopBackups();
    // A start in progress stops what it had started itself (runSystem's signal); a finished one is stopped here.
    const running = await starting?.catch(() => undefined);
    await running?.stop();
  });
  if (!existsSync('dist/web/index.html') || process.env.AMTSWEG_REBUILD_WEB) {
    console.log('[amtsweg] building the web app (Vite) …');
    const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the web app did not build');
  }
  const started = Date.now();
  starting = runSystem(config, {}, { signal: aborted.signal });
  const running = await starting.catch((error) => {
    // Stopped by a signal while starting: stopOnSignal exits once the stack is down.
    if (aborted.signal.aborted) return new Promise<never>(() => {});
    throw error;
  });
  const { stack, system } = running;
  // The embedded databases are backed up while they run (consistent online copies, see scripts/lib/backup.ts).
  const backups = config.embedded!;
  if (stack && (!config.temporal.address || !config.mongodbUri)) stopBackups = scheduleBackups(config.dataDir, backups.backupIntervalMinutes, backups.backupKeep);
  const base = config.publicBaseUrl;
  // First start on the embedded database: demo accounts with generated passwords, shown this once
  // (only hashes are stored). A production database (MONGODB_URI) gets accounts from `npm run accounts:seed`
  // or its identity provider, never well-known demo names by accident.
  const embeddedDatabase = config.mode === 'embedded' && !config.mongodbUri;
  const seeded = !embeddedDatabase || (await hasAnyAccount(system.conn)) ? [] : await seedDemoAccounts(system);
  console.log(`
amtsweg is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
  Citizen portal          ${base}/
  Knöllchen online        ${base}/knoellchen
  Warden: record ticket   ${base}/dienst/erfassen
  Staff: outbox           ${base}/dienst/postausgang
  Staff: inbox            ${base}/dienst/aufgaben
  Admin: accounts         ${base}/dienst/konten
  Citizen services        ${base}/dienste
  Designer: forms         ${base}/dienst/formulare
  REST API (OpenAPI)      ${base}/api/openapi.json
  Health                  ${base}/api/health
  Temporal Web UI         ${stack?.temporalUiUrl ?? `(cluster ${system.services.temporal.address})`}
  Mailbox (MailDev)       ${stack?.mailUiUrl ?? '(SMTP relay configured)'}
  Staff sign-in           ${seeded.length ? 'demo accounts created now — note the passwords, they are not shown again:' : 'with your account (`npm run accounts:seed` adds missing demo accounts)'}
${seeded.length ? `${formatSeeded(seeded, '    ')}\n` : ''}${system.secrets.sandboxKey ? `  Sandbox key             ${system.secrets.sandboxKey}   (Authorization: Bearer … for ${base}/sandbox/*/api; an admin's session works too)\n` : ''}  Data folder             ${config.dataDir}
  Backups                 ${stack && backups.backupIntervalMinutes > 0 ? `every ${backups.backupIntervalMinutes} min into ${config.dataDir}/backups (newest ${backups.backupKeep} kept); npm run backup takes one now` : 'none scheduled (npm run backup takes one)'}
Press Ctrl-C to stop.`);
}

run().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof StartRefusedError ? error.message : error);
  process.exit(1);
});
