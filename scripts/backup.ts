/**
 * `npm run backup`: a consistent online backup of the embedded stack's data (Temporal and
 * FerretDB SQLite files, the payload key) into <data>/backups/<timestamp>/, keeping the newest
 * AMTSWEG_BACKUP_KEEP. Runs while `npm start` runs, or while it is stopped.
 * `npm run backup -- --list` lists the backups.
 */
import { loadConfig } from '../config/config';
import { backupDataDir, listBackups } from './lib/backup';

async function run(): Promise<void> {
  const config = loadConfig();
  if (process.argv.includes('--list')) {
    for (const backup of listBackups(config.dataDir)) console.log(backup);
    return;
  }
  const started = Date.now();
  const target = await backupDataDir(config.dataDir, config.embedded?.backupKeep);
  console.log(`[amtsweg] backup written to ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

run().catch((error) => {
  // A message, not a stack trace: what failed is said in it (a missing data folder, a full disk).
  console.error(`[amtsweg] backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
