/**
 * `npm run accounts:seed`: creates the City of Hagen demo staff accounts that do not exist yet
 * and prints their generated passwords once. In production mode (AMTSWEG_MODE=production) no demo
 * account is ever created: only a first administrator `admin` (ADMIN_EMAIL), and only on a
 * database that has no account yet. Uses MONGODB_URI when set; otherwise the FerretDB
 * of a running `npm start`, or starts FerretDB on the data folder for the moment it needs it.
 */
import { ConfigError, loadConfig } from '../config/config';
import { readModel } from '../store/models';
import { DEMO_ACCOUNTS, formatSeeded, hasAnyAccount, seedDemoAccounts } from '../server/use-cases/accounts/seed-accounts';
import { createAccount } from '../server/use-cases/accounts/manage-accounts';
import type { System } from '../system/system';
import { withCliDatabase } from './lib/cli-database';

async function run(): Promise<void> {
  const config = loadConfig();
  await withCliDatabase(config, async (conn) => {
    if (config.mode === 'production') {
      // Production never gets the demo accounts: only a first administrator, on a database without any account.
      if (await hasAnyAccount(conn)) {
        console.log('Production mode: no demo accounts. Accounts exist already; an administrator manages them at /dienst/konten (recovery: npm run accounts:reset-password -- <name>).');
        return;
      }
      const { password } = await createAccount({ conn, model: readModel(conn) } as System, 'system', {
        id: 'admin', displayName: 'Administration', email: process.env.ADMIN_EMAIL || `admin@${new URL(config.publicBaseUrl).hostname}`, roles: ['admin'], departments: [], leadOf: [],
      });
      console.log(`Production mode: the first administrator was created — note the password, it is not shown again:\n  admin      ${password}`);
      return;
    }
    const created = await seedDemoAccounts({ conn, model: readModel(conn) });
    const skipped = DEMO_ACCOUNTS.length - created.length;
    if (created.length) {
      console.log(`Demo staff accounts created — note the passwords, they are not shown again:\n${formatSeeded(created)}`);
    }
    if (skipped) console.log(`${skipped} demo account(s) existed already and were left unchanged (an admin can reset a password at /dienst/konten).`);
  });
}

run().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
