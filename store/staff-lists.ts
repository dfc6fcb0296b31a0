/**
 * The staff's overview lists — parking tickets, the postal outbox, Hundesteuer cases — newest
 * first, a page at a time, without scanning: FerretDB v1 answers `find({status}).sort()` by
 * decoding every stored case. Each list is a sorted index (queue-index.ts, the inbox's
 * structure: a small tree of buckets, all `_id` lookups) kept by the data layer as cases are
 * stored and change status, in the collection `staff_lists`:
 *
 *   tickets|all, tickets|status:<status>                  a parking ticket (`_id` its number)
 *   outbox|proc:<procedure>                               a letter of that procedure's cases
 *   dog-tax|all, dog-tax|status:<s>, dog-tax|kind:<procedure>, dog-tax|kind:<procedure>|status:<s>
 *
 * An entry holds only the case's id and its sort instant (a letter's creation time; tickets and
 * Hundesteuer cases sort by their number, issued in order); a page reads the documents by `_id`. A status list is written after the status itself and may hold an entry
 * whose case has moved on (a removal lost to a crash): readers skip an entry whose document no
 * longer has the list's status. Departments see the lists of the procedures they work
 * (domain/departments.ts): one list per procedure, merged when someone works several.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { createQueueIndex, sortKeyOf, type QueueIndex, type SortedEntry } from './tasks/queue-index';
import { withLease } from './lease-lock';

export interface ListEntry extends SortedEntry { id: string; due: string }

const listSchema = new Schema({ _id: { type: String, required: true } }, { collection: 'staff_lists', strict: false, versionKey: false });
const lockSchema = new Schema({ _id: { type: String, required: true } }, { collection: 'staff_list_locks', strict: false, versionKey: false });

function models(conn: Connection) {
  const docs = (conn.models.StaffListDoc as Model<{ _id: string }> | undefined) ?? conn.model<{ _id: string }>('StaffListDoc', listSchema);
  const locks = (conn.models.StaffListLock as Model<{ _id: string }> | undefined) ?? conn.model<{ _id: string }>('StaffListLock', lockSchema);
  return { docs, locks };
}

export function staffListIndex(conn: Connection): QueueIndex<ListEntry> {
  const { docs, locks } = models(conn);
  return createQueueIndex<ListEntry>(docs, locks);
}

export const listKeys = {
  tickets: () => 'tickets|all',
  ticketsWithStatus: (status: string) => `tickets|status:${status}`,
  outbox: (procedure: string) => `outbox|proc:${procedure}`,
  dogTax: () => 'dog-tax|all',
  dogTaxWithStatus: (status: string) => `dog-tax|status:${status}`,
  dogTaxOfKind: (procedure: string) => `dog-tax|kind:${procedure}`,
  dogTaxOfKindWithStatus: (procedure: string, status: string) => `dog-tax|kind:${procedure}|status:${status}`,
};

export const entryOf = (id: string, createdAt: Date | string | undefined): ListEntry => ({ id, due: new Date(createdAt ?? 0).toISOString() });

/**
 * A case whose number is issued in order (VG-2026-000123, HST-2026-000042: year, then serial):
 * sorted by its number alone, so listing it needs no read of the stored document (recording a
 * ticket is the hottest write path).
 */
const BY_NUMBER = new Date(0).toISOString();
export const numberedEntry = (caseNumber: string): ListEntry => ({ id: caseNumber, due: BY_NUMBER });

/** Lists a case in these lists (again: no change). */
export async function listIn(conn: Connection, keys: string[], entry: ListEntry): Promise<void> {
  const index = staffListIndex(conn);
  await Promise.all(keys.map((key) => index.put(key, entry)));
}

/** Moves a case from the lists of its old status to those of the new (the new ones first: a reader may see it twice, never lose it). */
export async function moveBetween(conn: Connection, from: string[], to: string[], entry: ListEntry): Promise<void> {
  const index = staffListIndex(conn);
  await Promise.all(to.map((key) => index.put(key, entry)));
  await Promise.all(from.filter((k) => !to.includes(k)).map((key) => index.remove(key, entry)));
}

export interface ListPageQuery { cursor?: string; limit: number }
export interface ListPage<T> { items: T[]; nextCursor: string | null; total: number }

/**
 * One page, newest first, over one or more lists merged by creation time (a department that
 * works several procedures). `load` reads the documents by `_id`; `keep` drops stale entries.
 */
export async function pageOfLists<T>(conn: Connection, keys: string[], q: ListPageQuery,
  load: (ids: string[]) => Promise<Array<T | null>>, keep: (doc: T) => boolean = () => true): Promise<ListPage<T>> {
  const index = staffListIndex(conn);
  const pages = await Promise.all(keys.map((key) => index.page(key, { sort: -1, limit: q.limit, cursor: q.cursor })));
  const merged = pages.flatMap((p) => p.items).sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? 1 : -1));
  const taken = merged.slice(0, q.limit);
  const more = merged.length > q.limit || pages.some((p) => p.nextCursor !== null);
  const docs = await load(taken.map((e) => e.id));
  const items = docs.filter((d): d is T => d !== null && keep(d));
  return { items, nextCursor: more && taken.length > 0 ? sortKeyOf(taken[taken.length - 1]!) : null, total: pages.reduce((sum, p) => sum + p.total, 0) };
}

/** A client's cursor: a sort key as the lists write them (instant|id), else none. */
export const cursorParam = (value: unknown): string | undefined =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|.{1,200}$/.test(value) ? value : undefined;

const BUILT = 'meta:built-v1';

/**
 * Lists written before this index existed: built once from the stored cases (a scan, under a
 * lock, at start-up; the web process and the worker both come here), then marked built.
 */
export async function ensureStaffLists(conn: Connection, build: (putMany: (key: string, entries: ListEntry[]) => Promise<void>) => Promise<void>): Promise<void> {
  const { docs, locks } = models(conn);
  const built = () => docs.collection.findOne({ _id: BUILT } as never);
  if (await built()) return;
  await withLease(locks, 'migration:staff-lists', async () => {
    if (await built()) return;
    const index = staffListIndex(conn);
    await build((key, entries) => index.putMany(key, entries));
    await docs.collection.updateOne({ _id: BUILT } as never, { $set: { at: new Date() } }, { upsert: true });
  }, { leaseMs: 600_000, waitMs: 900_000 });
}
