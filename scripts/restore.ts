/**
 * `npm run restore -- <backup>`: puts a backup (its folder, or its name under <data>/backups)
 * back into the data folder; the data there now is moved aside, not deleted. Refused while
 * amtsweg runs from that folder. The next `npm start` runs on the restored data.
 */
import { ConfigError, loadConfig } from '../config/config';
import { restoreBackup } from './lib/backup';
import { StartRefusedError } from './lib/processes';

function run(): void {
  const config = loadConfig();
  const backup = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!backup) throw new StartRefusedError('Say which backup to restore: npm run restore -- <backup folder or name> (npm run backup -- --list lists them).');
  const { from, replaced } = restoreBackup(config.dataDir, backup);
  console.log(`[amtsweg] restored ${from} into ${config.dataDir}${replaced ? `; the data it replaced is in ${replaced}` : ''}. Start with npm start.`);
}

try {
  run();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof StartRefusedError ? error.message : error);
  process.exit(1);
}
