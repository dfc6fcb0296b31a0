/**
 * A sorted index on FerretDB: the inbox queues and the staff lists. FerretDB v1 pushes down only
 * `_id` equality: a find with a filter and a sort over 100,000 tasks decodes them all in Go
 * (seconds). So every queue (key such as `dept:fine-office|open`, `user:mmeier|closed`,
 * `tickets|all`) is kept as a small B+-tree of documents holding its entries sorted by
 * (due, id); a page or a write is a handful of `_id` lookups, each of bounded size.
 *
 *   dir:<key>          { n: JSON of [{ id, first, count, overdue }], h, seq }   the root
 *   nod:<key>#<n>      { n: JSON of [{ id, first, count, overdue }] }          inner nodes
 *   bkt:<key>#<n>      { e: JSON of [QueueEntry…] }                            buckets (sorted)
 *
 * The root's refs name buckets when h = 1, else inner nodes one level down; a ref carries the
 * count and overdue count of everything beneath it, so totals come from refs, not entries. Child
 * i of a node holds the sort keys in [refs[i].first, refs[i+1].first), clipped to the node's own
 * range (child 0 from the node's start). A bucket holds at most `maxBucket` entries and a node at
 * most `maxNode` refs; an overfull one splits, an overfull root grows a level. So a put reads and
 * writes one path from root to bucket: h + 1 documents of bounded size; h = 1 up to some 6,000
 * entries, 2 up to 200,000 or more, 3 up to millions (the former single directory grew with the
 * list: one put took 27 ms at 0 entries, 105 ms at 100,000; docs/ferretdb.md).
 *
 * Writes to one key are serialised by a lease lock (lease-lock.ts). Within it, a write goes in
 * three steps: (1) buckets and new documents, (2) the existing nodes above them and the root,
 * (3) documents cut by a split (top-down) and emptied ones dropped. A write that makes no new
 * document (most puts) does (1) and (2) at once. Readers clip every child to
 * the range its parent gives it, so a reader between any two writes sees every entry once
 * (test/store/queue-index-tree.test.ts checks this at each write of a split).
 *
 * Directories written before the tree (`{ b, seq }`, one level) are read as a root with h = 1:
 * the first write stores them in the new shape and, if they hold more than `maxNode` buckets,
 * grows the tree. Nothing to migrate.
 *
 * The lists are stored as one JSON string each: FerretDB converts every BSON value on its way
 * through, and one string is far cheaper than hundreds of small objects (measured: 17 → ~3 ms
 * per lookup).
 */
import type { Model } from 'mongoose';
import { withLease, type Lease, type LockSpace } from '../lease-lock';

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

interface Ref { id: string; first: string; count: number; overdue: number }
/** A child as its parent sees it: its ref, its key range [lo, hi) and its height (0: a bucket). */
interface Span { ref: Ref; lo: string; hi: string; height: number }
interface Root { refs: Ref[]; height: number; seq: number; legacy: boolean }

export const MAX_BUCKET = 200;
export const MAX_NODE = 64;
const END = '\uffff';

export interface TreeShape {
  /** Entries per bucket before it splits (default MAX_BUCKET); a bulk write fills to 3/4. */
  maxBucket?: number;
  /** Refs per node before it splits (default MAX_NODE). */
  maxNode?: number;
  /** Tests: called after every document write or drop, to look at the state in between. */
  afterWrite?: (id: string) => Promise<void>;
}

export const sortKeyOf = (e: { due: string; id: string }) => `${e.due}|${e.id}`;
const byKey = <T extends { due: string; id: string }>(a: T, b: T) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1);
const rootId = (key: string) => `dir:${key}`;
const overdueCount = (entries: SortedEntry[]) => entries.filter((e) => e.overdue).length;
const chunks = <T>(list: T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const sum = (refs: Ref[], field: 'count' | 'overdue') => refs.reduce((s, r) => s + r[field], 0);

/** The children of a node whose range is [lo, hi): refs past hi are left over from a split. */
function spansOf(refs: Ref[], lo: string, hi: string, height: number): Span[] {
  const kept = refs.filter((r, i) => i === 0 || r.first < hi);
  return kept.map((ref, i) => ({ ref, lo: i === 0 ? lo : ref.first, hi: i + 1 < kept.length ? kept[i + 1]!.first : hi, height }));
}
const inRange = (lo: string, hi: string) => (e: { due: string; id: string }) => { const sk = sortKeyOf(e); return sk >= lo && sk < hi; };
/** The child that holds (or would hold) a sort key. */
function locate(spans: Span[], sk: string): number {
  let i = 0;
  while (i + 1 < spans.length && spans[i + 1]!.lo <= sk) i += 1;
  return i;
}

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

export function createQueueIndex<E extends SortedEntry = QueueEntry>(docs: Model<{ _id: string }>, locks: Model<{ _id: string }>, space?: LockSpace, shape: TreeShape = {}): QueueIndex<E> {
  const maxBucket = shape.maxBucket ?? MAX_BUCKET;
  const maxNode = shape.maxNode ?? MAX_NODE;
  const fillBucket = Math.max(1, Math.floor(maxBucket * 0.75));
  const fillNode = Math.max(2, Math.floor(maxNode * 0.75));
  const coll = docs.collection;
  const find = async (id: string) => (await coll.findOne({ _id: id } as never)) as Record<string, unknown> | null;
  const write = async (id: string, set: object, unset?: object) => {
    await coll.updateOne({ _id: id } as never, unset ? { $set: set, $unset: unset } : { $set: set }, { upsert: true });
    await shape.afterWrite?.(id);
  };
  const drop = async (id: string) => {
    await coll.deleteOne({ _id: id } as never);
    await shape.afterWrite?.(id);
  };
  const readRoot = async (key: string): Promise<Root | null> => {
    const doc = await find(rootId(key));
    if (!doc) return null;
    const legacy = doc.n === undefined;
    return { refs: JSON.parse(String((legacy ? doc.b : doc.n) ?? '[]')) as Ref[], height: legacy ? 1 : Number(doc.h ?? 1), seq: Number(doc.seq ?? 0), legacy };
  };
  const readNode = async (id: string) => JSON.parse(String((await find(id))?.n ?? '[]')) as Ref[];
  const readBucket = async (id: string) => JSON.parse(String((await find(id))?.e ?? '[]')) as E[];

  /** Step 1 may hold many documents (a bulk import): a few at a time. */
  async function writeAll(list: Array<[string, object]>) {
    for (let at = 0; at < list.length; at += 8) await Promise.all(list.slice(at, at + 8).map(([id, fields]) => write(id, fields)));
  }

  /**
   * The write of one key: routes the items to the buckets their sort keys fall into, applies
   * `change` to each such bucket's entries and writes in the three steps described at the top.
   */
  async function mutate(key: string, items: Array<{ id: string; due: string }>, change: (entries: E[], items: Array<{ id: string; due: string }>) => E[]): Promise<void> {
    await withLease(locks, `queue:${key}`, async (lease: Lease) => {
      const root = (await readRoot(key)) ?? { refs: [], height: 1, seq: 0, legacy: false };
      let seq = root.seq;
      const created: Array<[string, object]> = []; // step 1: buckets and new documents
      const rewritten: Array<[string, object]> = []; // step 2: existing nodes (the root apart)
      const bucket = (entries: E[]): Ref => {
        const id = `bkt:${key}#${(seq += 1)}`;
        created.push([id, { e: JSON.stringify(entries) }]);
        return { id, first: sortKeyOf(entries[0]!), count: entries.length, overdue: overdueCount(entries) };
      };
      const node = (refs: Ref[]): Ref => {
        const id = `nod:${key}#${(seq += 1)}`;
        created.push([id, { n: JSON.stringify(refs) }]);
        return { id, first: refs[0]!.first, count: sum(refs, 'count'), overdue: sum(refs, 'overdue') };
      };
      /** A split keeps the first part in the old document and makes new ones for the rest. */
      const parts = <T>(list: T[], max: number, fill: number) => chunks(list, list.length > 2 * max ? fill : Math.ceil(list.length / 2));

      type Result = { refs: Ref[]; cuts: Array<() => Promise<void>> };
      async function children(spans: Span[], routed: Array<{ id: string; due: string }>): Promise<Result> {
        const groups = new Map<number, Array<{ id: string; due: string }>>();
        for (const item of routed) {
          const i = locate(spans, sortKeyOf(item));
          groups.set(i, [...(groups.get(i) ?? []), item]);
        }
        const out = spans.map((s) => [s.ref]);
        const cuts: Array<() => Promise<void>> = [];
        for (const [i, group] of groups) {
          const r = await apply(spans[i]!, i === 0, group);
          out[i] = r.refs;
          cuts.push(...r.cuts);
        }
        return { refs: out.flat(), cuts };
      }
      /** One child: the refs that replace it in its parent, and what to do once the parent is written. */
      async function apply(span: Span, isFirst: boolean, routed: Array<{ id: string; due: string }>): Promise<Result> {
        const { ref } = span;
        if (span.height === 0) {
          const stored = await readBucket(ref.id);
          const before = stored.filter(inRange(span.lo, span.hi));
          const entries = change(before, routed);
          if (entries.length === 0) return { refs: [], cuts: [() => drop(ref.id)] };
          const first = isFirst ? sortKeyOf(entries[0]!) : ref.first;
          if (entries.length <= maxBucket) {
            if (before.length !== stored.length || JSON.stringify(entries) !== JSON.stringify(before)) created.push([ref.id, { e: JSON.stringify(entries) }]);
            return { refs: [{ id: ref.id, first, count: entries.length, overdue: overdueCount(entries) }], cuts: [] };
          }
          const [lower, ...upper] = parts(entries, maxBucket, fillBucket);
          return {
            refs: [{ id: ref.id, first, count: lower!.length, overdue: overdueCount(lower!) }, ...upper.map(bucket)],
            cuts: [() => write(ref.id, { e: JSON.stringify(lower) })],
          };
        }
        const stored = await readNode(ref.id);
        const spans = spansOf(stored, span.lo, span.hi, span.height - 1);
        const { refs, cuts } = await children(spans, routed);
        if (refs.length === 0) return { refs: [], cuts: [...cuts, () => drop(ref.id)] };
        const first = isFirst ? refs[0]!.first : ref.first;
        if (refs.length <= maxNode) {
          if (spans.length !== stored.length || JSON.stringify(refs) !== JSON.stringify(stored)) rewritten.push([ref.id, { n: JSON.stringify(refs) }]);
          return { refs: [{ id: ref.id, first, count: sum(refs, 'count'), overdue: sum(refs, 'overdue') }], cuts };
        }
        const [lower, ...upper] = parts(refs, maxNode, fillNode);
        return {
          refs: [{ id: ref.id, first, count: sum(lower!, 'count'), overdue: sum(lower!, 'overdue') }, ...upper.map(node)],
          // Top-down: this node names its new children before the old child is cut.
          cuts: [() => write(ref.id, { n: JSON.stringify(lower) }), ...cuts],
        };
      }

      let refs: Ref[];
      let cuts: Array<() => Promise<void>> = [];
      let height = root.height;
      if (root.refs.length === 0) {
        refs = chunks(change([], items), fillBucket).map(bucket);
        height = 1;
      } else {
        ({ refs, cuts } = await children(spansOf(root.refs, '', END, root.height - 1), items));
      }
      // An overfull root grows a level: its refs move into new nodes below it.
      while (refs.length > maxNode) {
        refs = chunks(refs, fillNode).map(node);
        height += 1;
      }
      if (refs.length === 0) height = 1;
      const rootChanged = root.legacy || seq !== root.seq || height !== root.height || JSON.stringify(refs) !== JSON.stringify(root.refs);
      const above = () => [
        ...rewritten.map(([id, fields]) => write(id, fields)),
        ...(rootChanged ? [write(rootId(key), { n: JSON.stringify(refs), h: height, seq }, root.legacy ? { b: '' } : undefined)] : []),
      ];
      lease.check();
      if (seq === root.seq) {
        // No new document: the path changes only entries and counts, so all of it at once (one
        // round trip less; a count may lag its bucket for that moment, as it may after a crash
        // until the bucket's next write recounts it).
        await Promise.all([...created.map(([id, fields]) => write(id, fields)), ...above()]);
      } else {
        await writeAll(created);
        lease.check();
        await Promise.all(above());
      }
      for (const cut of cuts) await cut();
    }, { space });
  }

  /** Merges items into a bucket's entries (an item replaces the entry of its id). */
  const merge = (entries: E[], items: Array<{ id: string; due: string }>) => {
    const ids = new Set(items.map((e) => e.id));
    return [...entries.filter((e) => !ids.has(e.id)), ...(items as E[])].sort(byKey);
  };

  return {
    async put(key, entry) {
      await mutate(key, [entry], merge);
    },

    async remove(key, entry) {
      await mutate(key, [entry], (entries) => entries.filter((e) => e.id !== entry.id));
    },

    async putMany(key, added) {
      if (added.length === 0) return;
      // The last of one id wins, as if put one after the other.
      const unique = [...new Map(added.map((e) => [e.id, e])).values()].sort(byKey);
      await mutate(key, unique, merge);
    },

    async page(key, q) {
      const root = await readRoot(key);
      if (!root || root.refs.length === 0) return { items: [], nextCursor: null, total: 0 };
      const from = q.dueFrom ?? '';
      const to = q.dueTo ? `${q.dueTo}|${END}` : END;
      const wanted = (e: E) => {
        const sk = sortKeyOf(e);
        return sk >= from && sk <= to && (q.overdue === undefined || e.overdue === q.overdue) && (!q.match || q.match(e));
      };
      const matchingByCount = (r: Ref) => (q.overdue === undefined ? r.count : q.overdue ? r.overdue : r.count - r.overdue);
      const relevant = (s: Span) => s.hi > from && s.lo <= to && (q.match !== undefined || matchingByCount(s.ref) > 0);

      const read = new Map<string, Promise<unknown>>();
      const cached = <T>(id: string, load: () => Promise<T>) => {
        let p = read.get(id) as Promise<T> | undefined;
        if (!p) read.set(id, (p = load()));
        return p;
      };
      // Clipped to the range the parent gives (see the split above).
      const childrenOf = async (s: Span) => spansOf(await cached(s.ref.id, () => readNode(s.ref.id)), s.lo, s.hi, s.height - 1);
      const entriesOf = async (s: Span) => (await cached(s.ref.id, () => readBucket(s.ref.id))).filter(inRange(s.lo, s.hi));
      const top = spansOf(root.refs, '', END, root.height - 1);

      // Total: whole subtrees by their counts; those cut by the due range (two paths down) or
      // any extra filter are opened and counted.
      const count = async (s: Span): Promise<number> => {
        if (!relevant(s)) return 0;
        if (!q.match && s.lo >= from && s.hi <= to) return matchingByCount(s.ref);
        if (s.height === 0) return (await entriesOf(s)).filter(wanted).length;
        return (await Promise.all((await childrenOf(s)).map(count))).reduce((a, b) => a + b, 0);
      };

      const inReach = (s: Span) => !q.cursor || (q.sort === 1 ? s.hi > q.cursor : s.lo < q.cursor);
      const afterCursor = (sk: string) => !q.cursor || (q.sort === 1 ? sk > q.cursor : sk < q.cursor);
      async function* buckets(spans: Span[]): AsyncGenerator<Span> {
        for (const s of q.sort === 1 ? spans : [...spans].reverse()) {
          if (!relevant(s) || !inReach(s)) continue;
          if (s.height === 0) yield s;
          else yield* buckets(await childrenOf(s));
        }
      }
      const collect = async () => {
        const items: E[] = [];
        const next = buckets(top);
        let done = false;
        while (!done && items.length <= q.limit) {
          // Two buckets at a time: a page rarely needs more, and both lookups run together.
          const batch: Span[] = [];
          while (batch.length < 2) {
            const n = await next.next();
            if (n.done) { done = true; break; }
            batch.push(n.value);
          }
          for (const entries of await Promise.all(batch.map(entriesOf))) {
            for (const e of q.sort === 1 ? entries : [...entries].reverse()) if (afterCursor(sortKeyOf(e)) && wanted(e)) items.push(e);
          }
        }
        return items;
      };
      const [totals, items] = await Promise.all([Promise.all(top.map(count)), collect()]);
      const page = items.slice(0, q.limit);
      const more = items.length > q.limit;
      return { items: page, nextCursor: more ? sortKeyOf(page[page.length - 1]!) : null, total: totals.reduce((a, b) => a + b, 0) };
    },

    async cursorAt(key, position) {
      const root = await readRoot(key);
      if (!root || root.refs.length === 0) return undefined;
      let spans = spansOf(root.refs, '', END, root.height - 1);
      let rest = position;
      for (;;) {
        let i = 0;
        while (i + 1 < spans.length && spans[i]!.ref.count <= rest) {
          rest -= spans[i]!.ref.count;
          i += 1;
        }
        const s = spans[i]!;
        if (s.height === 0) return s.ref.first;
        spans = spansOf(await readNode(s.ref.id), s.lo, s.hi, s.height - 1);
      }
    },

    async load(key, entries) {
      const sorted = [...entries].sort(byKey);
      await withLease(locks, `queue:${key}`, async () => {
        const old = await readRoot(key);
        // Every document of the old tree, dropped once the new root is written.
        const stale: string[] = [];
        let level = old?.refs ?? [];
        for (let h = old?.height ?? 1; level.length > 0; h -= 1) {
          stale.push(...level.map((r) => r.id));
          if (h === 1) break;
          level = (await Promise.all(level.map((r) => readNode(r.id)))).flat();
        }
        let seq = old?.seq ?? 0;
        const docsOut: Array<{ _id: string; e?: string; n?: string }> = [];
        let refs: Ref[] = chunks(sorted, fillBucket).map((part) => {
          const id = `bkt:${key}#${(seq += 1)}`;
          docsOut.push({ _id: id, e: JSON.stringify(part) });
          return { id, first: sortKeyOf(part[0]!), count: part.length, overdue: overdueCount(part) };
        });
        let height = 1;
        while (refs.length > maxNode) {
          refs = chunks(refs, fillNode).map((part) => {
            const id = `nod:${key}#${(seq += 1)}`;
            docsOut.push({ _id: id, n: JSON.stringify(part) });
            return { id, first: part[0]!.first, count: sum(part, 'count'), overdue: sum(part, 'overdue') };
          });
          height += 1;
        }
        // Upserts: a write that died before naming its documents may have left some of these ids.
        for (let at = 0; at < docsOut.length; at += 500) {
          await coll.bulkWrite(docsOut.slice(at, at + 500).map(({ _id, ...fields }) => ({ updateOne: { filter: { _id } as never, update: { $set: fields }, upsert: true } })), { ordered: false });
        }
        await write(rootId(key), { n: JSON.stringify(refs), h: height, seq }, old?.legacy ? { b: '' } : undefined);
        for (const id of stale) await drop(id);
      }, { space });
    },

    async clear() {
      await coll.deleteMany({});
    },
  };
}
