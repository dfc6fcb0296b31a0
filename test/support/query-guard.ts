/**
 * A guard against scans on per-request paths: it listens to the driver's command events of a
 * connection (`monitorCommands: true`, set in system/system.ts) and records every query that
 * filters a collection by anything but `_id` equality. FerretDB v1 pushes only `_id` equality
 * down to SQLite; any other filter decodes every document of the collection, so such a query
 * gets slower with every case stored (issue 11, item 5). Collections that do not grow with
 * cases, and maintenance paths, are allowed below — each with its reason.
 */
import type { Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

export interface Allowed { collection: string | RegExp; reason: string; when?: (filter: Record<string, unknown>, command: string) => boolean }

/** What may filter by other fields than `_id`, and why. */
export const ALLOWED_SCANS: Allowed[] = [
  { collection: 'form_versions', reason: 'published form versions: grow with the designers\' releases, not with cases (tens of documents)' },
  { collection: 'staff_accounts', reason: 'staff accounts: bounded by the staff, not by cases' },
  // The sandboxes stand in for outside systems and are not in production's database, but the
  // embedded app and the demo run them on every payment: their collections that grow with
  // payments (checkouts, outcomes, webhook deliveries and claims) are guarded like ours.
  { collection: /^sandbox_(vehicle_holders|residents)$/, reason: 'sandbox registries: their seeded and operator-kept data, which does not grow with cases' },
  { collection: 'sandbox_payment_webhook_outbox', reason: 'undelivered webhooks only (deleted once delivered or given up); the delivery loop reads the due ones' },
];

export interface Offence { collection: string; command: string; filter: unknown }

/** `_id` equality (with or without further conditions on that one document): answered without a scan. */
export function filtersByIdOnly(filter: unknown): boolean {
  if (!filter || typeof filter !== 'object') return false;
  const id = (filter as Record<string, unknown>)._id;
  if (id === undefined) return false;
  if (id === null || typeof id !== 'object') return true;
  // An ObjectId or another BSON value is equality; an operator document ($in, $gt, …) is not.
  return !Object.keys(id as object).some((k) => k.startsWith('$'));
}

/** The filters a command applies, with the collection it reads. */
function filtersOf(event: CommandStartedEvent): Array<{ collection: string; filter: unknown }> {
  const c = event.command as Record<string, any>;
  const collection = String(c[event.commandName]);
  switch (event.commandName) {
    case 'find': return [{ collection, filter: c.filter ?? {} }];
    case 'count': return [{ collection, filter: c.query ?? {} }];
    case 'distinct': return [{ collection, filter: c.query ?? {} }];
    case 'findAndModify': return [{ collection, filter: c.query ?? {} }];
    case 'update': return (c.updates ?? []).map((u: { q: unknown }) => ({ collection, filter: u.q }));
    case 'delete': return (c.deletes ?? []).map((d: { q: unknown }) => ({ collection, filter: d.q }));
    case 'aggregate': {
      const match = (c.pipeline ?? [])[0]?.$match;
      return [{ collection, filter: match ?? {} }];
    }
    default: return [];
  }
}

export interface QueryGuard {
  /** Scans seen since the last reset, allowed ones left out. */
  offences(): Offence[];
  /** Every command seen (for measurements). */
  commands(): number;
  reset(): void;
  stop(): void;
  /** Throws naming each offending collection and filter. */
  assertNoScans(what: string): void;
}

export function watchQueries(conn: Connection, allowed: Allowed[] = ALLOWED_SCANS): QueryGuard {
  const client = conn.getClient();
  if (!client.options.monitorCommands) throw new Error('the query guard needs monitorCommands: true on the connection (system/system.ts)');
  let offences: Offence[] = [];
  let seen = 0;
  const dbName = conn.db?.databaseName;
  const listener = (event: CommandStartedEvent) => {
    if (dbName && event.databaseName !== dbName) return;
    seen += 1;
    for (const { collection, filter } of filtersOf(event)) {
      if (filtersByIdOnly(filter)) continue;
      const rule = allowed.find((a) => (typeof a.collection === 'string' ? a.collection === collection : a.collection.test(collection)));
      if (rule && (!rule.when || rule.when(filter as Record<string, unknown>, event.commandName))) continue;
      offences.push({ collection, command: event.commandName, filter });
    }
  };
  client.on('commandStarted', listener);
  return {
    offences: () => offences,
    commands: () => seen,
    reset: () => { offences = []; seen = 0; },
    stop: () => { client.off('commandStarted', listener); },
    assertNoScans(what: string) {
      if (offences.length === 0) return;
      const lines = offences.map((o) => `  ${o.collection}.${o.command} ${JSON.stringify(o.filter)}`);
      throw new Error(`${what}: ${offences.length} queries filter a collection by something other than _id (FerretDB v1 decodes every document for them):\n${[...new Set(lines)].join('\n')}`);
    },
  };
}
