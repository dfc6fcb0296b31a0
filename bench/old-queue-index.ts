/**
 * THE FORMER INDEX, kept only so bench/index-writes.ts can measure it beside the tree that
 * replaced it (store/tasks/queue-index.ts, issue 11). Not used by the system. Its text below is
 * as it was at commit 2978ef1.
 */
/**
 * A sorted index on FerretDB: the inbox queues. FerretDB v1 pushes down only `_id` equality: a
 * find with a filter and a sort over 100,000 tasks decodes them all in Go (seconds). So every
 * queue (key such as `dept:fine-office|open`, `dept:fine-office|proc:parking-ticket|open`,
 * `user:mmeier|closed`) is kept as a directory document plus bucket documents holding its
 * entries sorted by (dueAt, taskId); a page is the directory and one to three buckets, all
 * `_id` lookups, all in the one collection `task_queues`.
 *
 *   dir:<key>          { b: JSON of [{ id, first, count, overdue }], seq }
 *   bkt:<key>#<n>      { e: JSON of [QueueEntry…] }  (at most MAX_BUCKET, sorted)
 *
 * Bucket i holds the sort keys in [buckets[i].first, buckets[i+1].first) (bucket 0 from the
 * start). Readers clip each bucket to that range, so a reader between the writes of a split
 * sees every entry once. Writes to one key are serialised by a lease lock (lease-lock.ts);
 * within it, a write is read-modify-write of one bucket and the directory.
 *
 * The lists are stored as one JSON string each: FerretDB converts every BSON value on its way
 * through, and one string is far cheaper than hundreds of small objects (measured: 17 → ~3 ms
 * per lookup). Buckets were once spread over 32 collections because every `_id` lookup scanned
 * its whole table; with the `_id` index patch (scripts/lib/binaries.ts) a lookup costs the same
 * in one collection, and the inbox benchmark (bench/task-listing.ts) measured no difference.
 */
import type { Model } from 'mongoose';
import { withLease, type Lease, type LockSpace } from '../store/lease-lock';

export interface QueueEntry {
  id: string;
  /** ISO instant. */
  due: string;
  title: { de: string; en: string };
  type: string;
  procedure: string;
  department: string;
  caseNumber: string;
  status: 'open' | 'completed' | 'cancelled';
  overdue: boolean;
  assignee: string | null;
  assigneeName: string | null;
  closedAt: string | null;
}

/** What any sorted index holds per entry: its id and its sort instant (ties broken by id). */
export interface SortedEntry { id: string; due: string; overdue?: boolean }

export interface PageQuery<E extends SortedEntry = QueueEntry> {
  /** 1: earliest due first; -1: latest first. */
  sort: 1 | -1;
  /** The sort key of the last entry of the previous page (opaque to clients). */
  cursor?: string;
  limit: number;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  /** Extra filter on entries (e.g. a procedure inside one's own queue); totals then read every bucket. */
  match?: (entry: E) => boolean;
}
export interface Page<E extends SortedEntry = QueueEntry> { items: E[]; nextCursor: string | null; total: number }

interface BucketRef { id: string; first: string; count: number; overdue: number }
interface Directory { _id: string; buckets: BucketRef[]; seq: number }
interface StoredBucket { _id: string; e: string }

export const MAX_BUCKET = 200;
const FILL = 150;
const END = '\uffff';

export const sortKeyOf = (e: { due: string; id: string }) => `${e.due}|${e.id}`;
const dirId = (key: string) => `dir:${key}`;
const bucketId = (key: string, n: number) => `bkt:${key}#${n}`;
const overdueCount = (entries: SortedEntry[]) => entries.filter((e) => e.overdue).length;

export interface QueueIndex<E extends SortedEntry = QueueEntry> {
  put(key: string, entry: E): Promise<void>;
  /** Puts many entries at once (a bulk import): one pass over the buckets they fall into. */
  putMany(key: string, entries: E[]): Promise<void>;
  remove(key: string, entry: { id: string; due: string }): Promise<void>;
  page(key: string, query: PageQuery<E>): Promise<Page<E>>;
  /** A cursor (for an ascending page) near the `position`-th entry: the start of the bucket that holds it. */
  cursorAt(key: string, position: number): Promise<string | undefined>;
  /** Replaces one key's content with these entries (any order). */
  load(key: string, entries: E[]): Promise<void>;
  /** Drops every queue document (before a full rebuild). */
  clear(): Promise<void>;
}

export function createQueueIndex<E extends SortedEntry = QueueEntry>(docs: Model<{ _id: string }>, locks: Model<{ _id: string }>, space?: LockSpace): QueueIndex<E> {
  const coll = docs.collection;
  const find = async (id: string) => (await coll.findOne({ _id: id } as never)) as Record<string, unknown> | null;
  const write = (id: string, fields: object) => coll.updateOne({ _id: id } as never, { $set: fields }, { upsert: true });
  const drop = (id: string) => coll.deleteOne({ _id: id } as never);
  const readDir = async (key: string): Promise<Directory | null> => {
    const doc = await find(dirId(key));
    return doc ? { _id: dirId(key), buckets: JSON.parse(String(doc.b ?? '[]')) as BucketRef[], seq: Number(doc.seq ?? 0) } : null;
  };
  const writeDir = (key: string, buckets: BucketRef[], seq: number) => write(dirId(key), { b: JSON.stringify(buckets), seq });
  const readBucket = async (id: string): Promise<E[]> => {
    const doc = await find(id);
    return doc ? (JSON.parse(String(doc.e ?? '[]')) as E[]) : [];
  };
  const writeBucket = (id: string, entries: E[]) => write(id, { e: JSON.stringify(entries) });

  /** The bucket that holds (or would hold) a sort key. */
  const locate = (dir: Directory, sk: string) => {
    let i = 0;
    while (i + 1 < dir.buckets.length && dir.buckets[i + 1]!.first <= sk) i += 1;
    return i;
  };

  async function mutate(key: string, sk: string, change: (entries: E[]) => E[]): Promise<void> {
    await withLease(locks, `queue:${key}`, async (lease: Lease) => {
      const dir = (await readDir(key)) ?? { _id: dirId(key), buckets: [], seq: 0 };
      if (dir.buckets.length === 0) {
        const entries = change([]);
        if (entries.length === 0) return;
        const id = bucketId(key, dir.seq + 1);
        lease.check();
        await writeBucket(id, entries);
        await writeDir(key, [{ id, first: sortKeyOf(entries[0]!), count: entries.length, overdue: overdueCount(entries) }], dir.seq + 1);
        return;
      }
      const i = locate(dir, sk);
      const ref = dir.buckets[i]!;
      const entries = change(await readBucket(ref.id));
      lease.check();
      if (entries.length > MAX_BUCKET) {
        // Split: the upper half goes to a new bucket, written before the directory names it,
        // and the old bucket is cut last (readers clip it to its range meanwhile).
        const half = Math.ceil(entries.length / 2);
        const lower = entries.slice(0, half);
        const upper = entries.slice(half);
        const id = bucketId(key, dir.seq + 1);
        await writeBucket(id, upper);
        dir.buckets.splice(i, 1,
          { ...ref, count: lower.length, overdue: overdueCount(lower), first: i === 0 ? sortKeyOf(lower[0]!) : ref.first },
          { id, first: sortKeyOf(upper[0]!), count: upper.length, overdue: overdueCount(upper) });
        await writeDir(key, dir.buckets, dir.seq + 1);
        await writeBucket(ref.id, lower);
        return;
      }
      if (entries.length === 0 && dir.buckets.length > 1) {
        dir.buckets.splice(i, 1);
        await writeDir(key, dir.buckets, dir.seq);
        await drop(ref.id);
        return;
      }
      await writeBucket(ref.id, entries);
      dir.buckets[i] = { ...ref, count: entries.length, overdue: overdueCount(entries), first: i === 0 && entries[0] ? sortKeyOf(entries[0]) : ref.first };
      await writeDir(key, dir.buckets, dir.seq);
    }, { space });
  }

  return {
    async put(key, entry) {
      const sk = sortKeyOf(entry);
      await mutate(key, sk, (entries) => {
        const rest = entries.filter((e) => e.id !== entry.id);
        let at = rest.findIndex((e) => sortKeyOf(e) > sk);
        if (at < 0) at = rest.length;
        rest.splice(at, 0, entry);
        return rest;
      });
    },

    async remove(key, entry) {
      await mutate(key, sortKeyOf(entry), (entries) => entries.filter((e) => e.id !== entry.id));
    },

    async putMany(key, added) {
      if (added.length === 0) return;
      const sorted = [...added].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
      await withLease(locks, `queue:${key}`, async (lease: Lease) => {
        const dir = (await readDir(key)) ?? { _id: dirId(key), buckets: [], seq: 0 };
        let seq = dir.seq;
        const chunks = (entries: E[]) => Array.from({ length: Math.ceil(entries.length / FILL) }, (_, i) => entries.slice(i * FILL, (i + 1) * FILL));
        const refOf = (id: string, entries: E[]): BucketRef => ({ id, first: sortKeyOf(entries[0]!), count: entries.length, overdue: overdueCount(entries) });
        if (dir.buckets.length === 0) {
          for (const part of chunks(sorted)) {
            const id = bucketId(key, (seq += 1));
            await writeBucket(id, part);
            dir.buckets.push(refOf(id, part));
          }
          lease.check();
          await writeDir(key, dir.buckets, seq);
          return;
        }
        // Grouped by the bucket each falls into; buckets from the last, so splices keep the earlier indexes.
        const groups = new Map<number, E[]>();
        for (const e of sorted) {
          const i = locate(dir, sortKeyOf(e));
          groups.set(i, [...(groups.get(i) ?? []), e]);
        }
        const stale: Array<{ id: string; entries: E[] }> = [];
        for (const i of [...groups.keys()].sort((a, b) => b - a)) {
          const ref = dir.buckets[i]!;
          const ids = new Set(groups.get(i)!.map((e) => e.id));
          const merged = [...(await readBucket(ref.id)).filter((e) => !ids.has(e.id)), ...groups.get(i)!]
            .sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
          const parts = merged.length > MAX_BUCKET ? chunks(merged) : [merged];
          const refs = [{ ...refOf(ref.id, parts[0]!), first: i === 0 ? sortKeyOf(parts[0]![0]!) : ref.first }];
          for (const part of parts.slice(1)) {
            const id = bucketId(key, (seq += 1));
            await writeBucket(id, part); // new buckets first, the directory next, the cut bucket last (see mutate)
            refs.push(refOf(id, part));
          }
          dir.buckets.splice(i, 1, ...refs);
          if (parts.length === 1) await writeBucket(ref.id, merged);
          else stale.push({ id: ref.id, entries: parts[0]! });
        }
        lease.check();
        await writeDir(key, dir.buckets, seq);
        for (const b of stale) await writeBucket(b.id, b.entries);
      }, { space });
    },

    async page(key, q) {
      const dir = await readDir(key);
      if (!dir || dir.buckets.length === 0) return { items: [], nextCursor: null, total: 0 };
      const from = q.dueFrom ?? '';
      const to = q.dueTo ? `${q.dueTo}|${END}` : END;
      const n = dir.buckets.length;
      const lo = (i: number) => (i === 0 ? '' : dir.buckets[i]!.first);
      const hi = (i: number) => (i + 1 < n ? dir.buckets[i + 1]!.first : END);
      const wanted = (e: E) => {
        const sk = sortKeyOf(e);
        return sk >= from && sk <= to && (q.overdue === undefined || e.overdue === q.overdue) && (!q.match || q.match(e));
      };
      const matchingByCount = (b: BucketRef) => (q.overdue === undefined ? b.count : q.overdue ? b.overdue : b.count - b.overdue);

      const cache = new Map<number, Promise<E[]>>();
      const entriesOf = (i: number) => {
        let p = cache.get(i);
        if (!p) {
          // Clipped to the directory's range for this bucket (see the split above).
          p = readBucket(dir.buckets[i]!.id).then((entries) => entries.filter((e) => { const sk = sortKeyOf(e); return sk >= lo(i) && sk < hi(i); }));
          cache.set(i, p);
        }
        return p;
      };

      const candidates: number[] = [];
      for (let i = 0; i < n; i += 1) {
        if (hi(i) <= from || lo(i) > to) continue;
        if (!q.match && matchingByCount(dir.buckets[i]!) === 0) continue;
        candidates.push(i);
      }

      // Total: whole buckets by their counts; buckets cut by the due range (at most two) or
      // any extra filter are read and counted.
      const exact = (i: number) => q.match !== undefined || lo(i) < from || hi(i) > to;
      const totalParts = await Promise.all(candidates.map(async (i) =>
        exact(i) ? (await entriesOf(i)).filter(wanted).length : matchingByCount(dir.buckets[i]!)));
      const total = totalParts.reduce((a, b) => a + b, 0);

      const order = q.sort === 1 ? candidates : [...candidates].reverse();
      const afterCursor = (sk: string) => !q.cursor || (q.sort === 1 ? sk > q.cursor : sk < q.cursor);
      const inReach = order.filter((i) => !q.cursor || (q.sort === 1 ? hi(i) > q.cursor : lo(i) < q.cursor));
      const items: E[] = [];
      for (let at = 0; at < inReach.length && items.length <= q.limit; at += 2) {
        // Two buckets at a time: a page rarely needs more, and both lookups run together.
        const batch = await Promise.all(inReach.slice(at, at + 2).map(entriesOf));
        for (const entries of batch) {
          const list = q.sort === 1 ? entries : [...entries].reverse();
          for (const e of list) if (afterCursor(sortKeyOf(e)) && wanted(e)) items.push(e);
        }
      }
      const page = items.slice(0, q.limit);
      const more = items.length > q.limit;
      return { items: page, nextCursor: more ? sortKeyOf(page[page.length - 1]!) : null, total };
    },

    async cursorAt(key, position) {
      const dir = await readDir(key);
      if (!dir || dir.buckets.length === 0) return undefined;
      let seen = 0;
      for (const b of dir.buckets) {
        if (seen + b.count > position) return b.first;
        seen += b.count;
      }
      return dir.buckets[dir.buckets.length - 1]!.first;
    },

    async load(key, entries) {
      const sorted = [...entries].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
      await withLease(locks, `queue:${key}`, async () => {
        const old = await readDir(key);
        const seq0 = old?.seq ?? 0;
        const buckets: BucketRef[] = [];
        const bucketDocs: StoredBucket[] = [];
        for (let at = 0; at < sorted.length; at += FILL) {
          const part = sorted.slice(at, at + FILL);
          const id = bucketId(key, seq0 + buckets.length + 1);
          buckets.push({ id, first: sortKeyOf(part[0]!), count: part.length, overdue: overdueCount(part) });
          bucketDocs.push({ _id: id, e: JSON.stringify(part) });
        }
        if (bucketDocs.length > 0) await coll.insertMany(bucketDocs as never[], { ordered: false });
        await writeDir(key, buckets, seq0 + buckets.length);
        for (const b of old?.buckets ?? []) await drop(b.id);
      }, { space });
    },

    async clear() {
      await coll.deleteMany({});
    },
  };
}
