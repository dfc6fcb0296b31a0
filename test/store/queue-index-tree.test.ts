/**
 * The sorted index as a tree (store/tasks/queue-index.ts) with tiny buckets and nodes, so a few
 * dozen entries make it three and four levels deep: against a model in memory (fast-check), at
 * every write of a split, with readers running beside two writing processes, and on a directory
 * written in the former one-level shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { createQueueIndex, sortKeyOf, type QueueIndex, type SortedEntry, type TreeShape } from '../../store/tasks/queue-index';
import { LockSpace } from '../../store/lease-lock';
import { testMongoUri } from '../support/env';

interface Entry extends SortedEntry { id: string; due: string; overdue: boolean; n: number }

let conn: Connection;
let docs: Model<{ _id: string }>;
let locks: Model<{ _id: string }>;
const SMALL: TreeShape = { maxBucket: 4, maxNode: 3 };

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('queue_index_tree')).asPromise();
  await conn.dropDatabase();
  const schema = (collection: string) => new Schema({ _id: { type: String, required: true } }, { collection, strict: false, versionKey: false });
  docs = conn.model<{ _id: string }>('TreeDoc', schema('tree_docs'));
  locks = conn.model<{ _id: string }>('TreeLock', schema('tree_locks'));
});
afterAll(async () => {
  await conn?.close();
});

const index = (shape: TreeShape = SMALL, space?: LockSpace): QueueIndex<Entry> => createQueueIndex<Entry>(docs, locks, space, shape);
/** An entry's due instant follows from its number (a put of the same id replaces it in place). */
const due = (n: number) => new Date(Date.UTC(2026, 10, 1 + (n % 9), n % 24)).toISOString();
const entry = (n: number, overdue = false): Entry => ({ id: `e${String(n).padStart(3, '0')}`, due: due(n), overdue, n });
const day = (d: number) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10);
let keys = 0;
const freshKey = () => `tree-${(keys += 1)}`;

async function readAll(ix: QueueIndex<Entry>, key: string, sort: 1 | -1, limit: number, extra: { dueFrom?: string; dueTo?: string; overdue?: boolean; match?: (e: Entry) => boolean } = {}) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await ix.page(key, { sort, limit, cursor, ...extra });
    totals.add(page.total);
    ids.push(...page.items.map((e) => e.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return { ids, totals };
}
const root = async (key: string) => (await docs.collection.findOne({ _id: `dir:${key}` } as never)) as unknown as { n?: string; b?: string; h: number } | null;

type Op = { kind: 'put'; n: number; overdue: boolean } | { kind: 'remove'; n: number } | { kind: 'putMany'; items: Array<{ n: number; overdue: boolean }> };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('put' as const), n: fc.nat(60), overdue: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), n: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('putMany' as const), items: fc.array(fc.record({ n: fc.nat(60), overdue: fc.boolean() }), { maxLength: 30 }) }) },
);

describe('queue index as a tree', () => {
  it('pages, totals, overdue counts and cursorAt agree with a model in memory after any puts, removals and bulk puts', async () => {
    const ix = index();
    let deepest = 0;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 9 }), fc.nat(8), fc.nat(8),
      async (ops, limit, a, b) => {
        const key = freshKey();
        const model = new Map<string, Entry>();
        for (const op of ops) {
          if (op.kind === 'put') { const e = entry(op.n, op.overdue); model.set(e.id, e); await ix.put(key, e); }
          if (op.kind === 'remove') { const e = entry(op.n); model.delete(e.id); await ix.remove(key, e); }
          if (op.kind === 'putMany') { const es = op.items.map((i) => entry(i.n, i.overdue)); for (const e of es) model.set(e.id, e); await ix.putMany(key, es); }
        }
        deepest = Math.max(deepest, (await root(key))?.h ?? 0);
        const sorted = [...model.values()].sort((x, y) => (sortKeyOf(x) < sortKeyOf(y) ? -1 : 1));
        const expectRead = async (got: { ids: string[]; totals: Set<number> }, want: Entry[]) => {
          expect(got.ids).toEqual(want.map((e) => e.id));
          expect([...got.totals]).toEqual([want.length]);
        };
        await expectRead(await readAll(ix, key, 1, limit), sorted);
        await expectRead(await readAll(ix, key, -1, limit), [...sorted].reverse());
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        const inDays = (e: Entry) => e.due.slice(0, 10) >= day(lo) && e.due.slice(0, 10) <= day(hi);
        await expectRead(await readAll(ix, key, 1, limit, { dueFrom: day(lo), dueTo: day(hi) }), sorted.filter(inDays));
        await expectRead(await readAll(ix, key, -1, limit, { overdue: true }), sorted.filter((e) => e.overdue).reverse());
        await expectRead(await readAll(ix, key, 1, limit, { overdue: false, dueFrom: day(lo) }), sorted.filter((e) => !e.overdue && e.due.slice(0, 10) >= day(lo)));
        await expectRead(await readAll(ix, key, 1, limit, { match: (e) => e.n % 3 === 0 }), sorted.filter((e) => e.n % 3 === 0));
        // cursorAt: the start of the bucket holding that position (at most maxBucket before it).
        for (const position of [0, 1, Math.floor(sorted.length / 2), sorted.length - 1, sorted.length + 5]) {
          const cursor = await ix.cursorAt(key, position);
          if (sorted.length === 0) { expect(cursor).toBeUndefined(); continue; }
          const before = sorted.filter((e) => sortKeyOf(e) < cursor!).length;
          expect(before).toBeLessThanOrEqual(Math.min(position, sorted.length));
          if (position < sorted.length) expect(before).toBeGreaterThan(position - SMALL.maxBucket!);
        }
      }), {
      numRuns: 25,
      // One run certainly deep: a bulk import of 50, then puts and removals through it.
      examples: [[[
        { kind: 'putMany', items: Array.from({ length: 50 }, (_, n) => ({ n, overdue: n % 4 === 0 })) },
        ...Array.from({ length: 12 }, (_, i): Op => (i % 3 === 2 ? { kind: 'remove', n: i * 4 } : { kind: 'put', n: 55 - i, overdue: i % 2 === 0 })),
      ], 4, 2, 6]],
    });
    // The runs did build trees several levels deep.
    expect(deepest).toBeGreaterThanOrEqual(3);
  }, 600_000);

  it('a reader between any two writes of a split sees every entry once, in order', async () => {
    const key = freshKey();
    const reader = index();
    const present = new Set<string>();
    let pending: string | undefined; // the entry being written: seen or not, both are right
    let checks = 0;
    let on = true;
    const check = async () => {
      if (!on) return;
      checks += 1;
      for (const sort of [1, -1] as const) {
        const { ids } = await readAll(reader, key, sort, 10);
        expect(new Set(ids).size, 'no entry twice').toBe(ids.length);
        const inOrder = [...ids].sort();
        expect(ids, 'in order').toEqual(sort === 1 ? inOrder : inOrder.reverse());
        const missing = [...present].filter((id) => !ids.includes(id) && id !== pending);
        expect(missing, 'none lost').toEqual([]);
        expect(ids.filter((id) => !present.has(id) && id !== pending), 'none invented').toEqual([]);
      }
    };
    const writer = index({ ...SMALL, afterWrite: check });
    // Ascending, then interleaved: splits of buckets, of nodes, and the root growing to four levels.
    const order = [...Array.from({ length: 30 }, (_, i) => i * 2), ...Array.from({ length: 30 }, (_, i) => 59 - i * 2)];
    for (const n of order) {
      const e = { ...entry(n), due: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString() };
      pending = e.id;
      await writer.put(key, e);
      present.add(e.id);
    }
    expect((await root(key))?.h).toBeGreaterThanOrEqual(4);
    // Removals empty whole buckets and nodes: dropped after their parent stops naming them.
    for (const n of order.slice(10, 40)) {
      const e = { ...entry(n), due: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString() };
      pending = e.id;
      present.delete(e.id);
      await writer.remove(key, e);
    }
    on = false;
    expect(checks).toBeGreaterThan(200);
    expect((await readAll(reader, key, 1, 100)).ids.length).toBe(30);
  }, 300_000);

  it('when two processes write while readers page, then readers never see an entry twice or out of order, and none is lost at the end', async () => {
    const key = freshKey();
    const writers = [index(SMALL, new LockSpace()), index(SMALL, new LockSpace())];
    const reader = index();
    let writing = true;
    let passes = 0;
    const readers = [1, -1].map(async (sort) => {
      while (writing) {
        const { ids } = await readAll(reader, key, sort as 1 | -1, 7);
        expect(new Set(ids).size).toBe(ids.length);
        const sortKeys = ids.map((id) => sortKeyOf(entry(Number(id.slice(1)))));
        const inOrder = [...sortKeys].sort();
        expect(sortKeys).toEqual(sort === 1 ? inOrder : inOrder.reverse());
        passes += 1;
      }
    });
    await Promise.all(Array.from({ length: 6 }, (_, w) => (async () => {
      for (let i = 0; i < 25; i += 1) await writers[w % 2]!.put(key, entry(i * 6 + w));
    })()));
    writing = false;
    await Promise.all(readers);
    expect(passes).toBeGreaterThan(2);
    const { ids, totals } = await readAll(reader, key, 1, 50);
    expect(ids.length).toBe(150);
    expect([...totals]).toEqual([150]);
    expect((await root(key))?.h).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('a directory in the former one-level shape is read as it is and becomes a tree at its next write', async () => {
    const key = freshKey();
    const entries = Array.from({ length: 20 }, (_, i) => entry(i)).sort((x, y) => (sortKeyOf(x) < sortKeyOf(y) ? -1 : 1));
    // As the old index wrote it: `dir:<key>` { b: bucket refs, seq } and buckets of up to 200 entries.
    const buckets = [entries.slice(0, 4), entries.slice(4, 8), entries.slice(8, 12), entries.slice(12, 16), entries.slice(16)];
    const refs = buckets.map((part, i) => ({ id: `bkt:${key}#${i + 1}`, first: sortKeyOf(part[0]!), count: part.length, overdue: 0 }));
    for (const [i, part] of buckets.entries()) await docs.collection.insertOne({ _id: refs[i]!.id, e: JSON.stringify(part) } as never);
    await docs.collection.insertOne({ _id: `dir:${key}`, b: JSON.stringify(refs), seq: 5 } as never);
    const ix = index();
    const sortedIds = entries.map((e) => e.id);
    expect((await readAll(ix, key, 1, 6)).ids).toEqual(sortedIds);
    expect(await ix.cursorAt(key, 9)).toBe(refs[2]!.first);
    await ix.put(key, entry(40));
    const stored = await root(key);
    expect(stored?.b).toBeUndefined();
    expect(stored?.h).toBe(2); // five buckets are more than a node of three holds
    const now = (await readAll(ix, key, -1, 6)).ids;
    expect(now).toEqual([...entries, entry(40)].sort((x, y) => (sortKeyOf(x) < sortKeyOf(y) ? 1 : -1)).map((e) => e.id));
  });
});
