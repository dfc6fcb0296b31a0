/**
 * Account recovery from the command line, for the moment no administrator can sign in (all
 * locked, a lost phone, a forgotten password) — whoever runs this has the server and its
 * database, which is more than any account:
 *
 *   npm run accounts:unlock -- <name>          end the name's sign-in lock (daily ceiling, every address's delay)
 *   npm run accounts:reset-password -- <name>  a new generated password, printed once; changed at the next sign-in
 *   npm run accounts:reset-totp -- <name>      remove the second factor; the person enrols again at the next sign-in
 *
 * Each leaves an audit event with the actor `system` (`cli`). Uses MONGODB_URI when set;
 * otherwise the FerretDB of a running `npm start`, or starts FerretDB on the data folder.
 */
import { ConfigError, loadConfig } from '../config/config';
import { readModel } from '../store/models';
import { findStaffAccount, setStaffPasswordHash } from '../store/accounts/staff-accounts';
import { SignInLimiter } from '../server/security/sign-in-limiter';
import { SessionStore } from '../server/security/sessions';
import { generatePassword, hashPassword } from '../server/security/passwords';
import { auditAccount } from '../server/use-cases/accounts/account-view';
import { resetSecondFactor } from '../server/use-cases/accounts/second-factor';
import type { System } from '../system/system';
import { withCliDatabase } from './lib/cli-database';

const COMMANDS = ['unlock', 'reset-password', 'reset-second-factor'] as const;
type Command = (typeof COMMANDS)[number];

async function run(command: Command, name: string): Promise<void> {
  const config = loadConfig();
  await withCliDatabase(config, async (conn) => {
    const system = { conn, model: readModel(conn) } as unknown as System;
    const id = name.trim().toLowerCase();
    if (!(await findStaffAccount(conn, id))) throw new Error(`There is no account "${id}".`);
    if (command === 'unlock') {
      await new SignInLimiter(conn).unlock(id);
      await auditAccount(system, id, 'system', 'account-unlocked', { by: 'cli' });
      console.log(`The account "${id}" can sign in again (lock and delays ended).`);
    } else if (command === 'reset-password') {
      const password = generatePassword();
      await setStaffPasswordHash(conn, id, await hashPassword(password), true);
      await new SessionStore(conn).deleteForAccount(id);
      await new SignInLimiter(conn).unlock(id);
      await auditAccount(system, id, 'system', 'password-reset', { by: 'cli' });
      console.log(`New password for "${id}" (shown once; to be changed at the next sign-in):\n  ${password}`);
    } else {
      await resetSecondFactor(system, 'system', id);
      console.log(`The second factor of "${id}" is removed; the person sets it up again at the next sign-in.`);
    }
  });
}

const [command, name] = process.argv.slice(2);
if (!COMMANDS.includes(command as Command) || !name) {
  console.error(`Usage: npm run accounts:unlock -- <name> | accounts:reset-password -- <name> | accounts:reset-totp -- <name>`);
  process.exit(2);
}
run(command as Command, name).catch((error) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
