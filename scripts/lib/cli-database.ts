/**
 * The read-model database for a command-line tool (accounts:seed, accounts:unlock …): MONGODB_URI
 * when set; otherwise the FerretDB of a running `npm start`, or FerretDB started on the data
 * folder for as long as the command runs. Closed (and stopped) when `work` ends.
 */
import { connect } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import type { AppConfig } from '../../config/config';
import { ensureReadModelIndexes } from '../../store/models';
import { startStack, type RunningStack } from './stack';

const listening = (port: number) => new Promise<boolean>((ok) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => (socket.destroy(), ok(true)));
  socket.once('error', () => ok(false));
});

export async function withCliDatabase<T>(config: AppConfig, work: (conn: Connection) => Promise<T>): Promise<T> {
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
    return await work(conn);
  } finally {
    await conn.close();
    await stack?.stop();
  }
}
