/**
 * Fails database operations at once while the database is known not to answer, so a request
 * that needs several operations answers 503 within the time of one (2 s), not of each.
 * Opened by a command or heartbeat that failed on the network (a timeout included), closed by
 * the next command or heartbeat that succeeded — the driver's monitor checks every
 * `heartbeatFrequencyMS`, so a database that is back is used again within about a second.
 */
import { mongo, type Connection, type Schema } from 'mongoose';
import { DependencyUnavailableError } from '../domain/dependency-unavailable';

const QUERY_OPS = ['find', 'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'updateOne', 'updateMany',
  'replaceOne', 'deleteOne', 'deleteMany', 'countDocuments', 'estimatedDocumentCount', 'distinct'] as const;

/** When each connection's database stopped answering; schemas are shared between connections, so the hooks look it up. */
const openSince = new WeakMap<Connection, number>();
const hooked = new WeakSet<Schema>();
const RETRY_AFTER_SECONDS = 5;

function refuse(conn: Connection | undefined): void {
  const since = conn && openSince.get(conn);
  if (since !== undefined) {
    throw new DependencyUnavailableError('database', `the database has not answered since ${new Date(since).toISOString()}`, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}

export function installDatabaseBreaker(conn: Connection): { readonly open: boolean } {
  const client = conn.getClient();
  const failed = (failure: unknown) => { if (failure instanceof mongo.MongoNetworkError && !openSince.has(conn)) openSince.set(conn, Date.now()); };
  const succeeded = () => { openSince.delete(conn); };
  client.on('commandFailed', (e) => failed(e.failure));
  client.on('commandSucceeded', succeeded);
  client.on('serverHeartbeatFailed', (e) => failed(e.failure));
  client.on('serverHeartbeatSucceeded', succeeded);
  conn.plugin((schema: Schema) => {
    if (hooked.has(schema)) return;
    hooked.add(schema);
    for (const op of QUERY_OPS) schema.pre(op, function (this: { model?: { db?: Connection } }) { refuse(this.model?.db); });
    schema.pre('save', function (this: { db?: Connection }) { refuse(this.db); });
    schema.pre('insertMany', function (this: { db?: Connection }) { refuse(this.db); });
    schema.pre('bulkWrite', function (this: { db?: Connection }) { refuse(this.db); });
    schema.pre('aggregate', function (this: { model(): { db?: Connection } }) { refuse(this.model()?.db); });
  });
  return { get open() { return openSince.has(conn); } };
}
