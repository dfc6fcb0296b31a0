/**
 * `npm run accounts:seed`: creates the City of Hagen demo staff accounts that do not exist yet
 * and prints their generated passwords once. Uses MONGODB_URI when set; otherwise the FerretDB
 * of a running `npm start`, or starts FerretDB on the data folder for the moment it needs it.
 */
import { connect } from 'node:net';
import mongoose from 'mongoose';
import { ConfigError, loadConfig } from '../config/config';
import { ensureReadModelIndexes, readModel } from '../store/models';
import { DEMO_ACCOUNTS, formatSeeded, seedDemoAccounts } from '../server/use-cases/accounts/seed-accounts';
import { startStack, type RunningStack } from './lib/stack';

const listening = (port: number) => new Promise<boolean>((ok) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => (socket.destroy(), ok(true)));
  socket.once('error', () => ok(false));
});

async function run(): Promise<void> {
  const config = loadConfig();
  let stack: RunningStack | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    if (await listening(config.ports.mongodb)) uri = `mongodb://127.0.0.1:${config.ports.mongodb}/amtsweg`;
    else {
      stack = await startStack({ dataDir: config.dataDir, ports: config.ports, start: { temporal: false, mongodb: true, smtp: false } });
      uri = stack.mongodbUri!;
    }
  }
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    await ensureReadModelIndexes(conn);
    const created = await seedDemoAccounts({ conn, model: readModel(conn) });
    const skipped = DEMO_ACCOUNTS.length - created.length;
    if (created.length) {
      console.log(`Demo staff accounts created — note the passwords, they are not shown again:\n${formatSeeded(created)}`);
    }
    if (skipped) console.log(`${skipped} demo account(s) existed already and were left unchanged (an admin can reset a password at /dienst/konten).`);
  } finally {
    await conn.close();
    await stack?.stop();
  }
}

run().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
