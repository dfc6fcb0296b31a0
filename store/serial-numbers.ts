/**
 * An insert-claimed serial number counter: numbers of a sequence (ticket numbers, case
 * numbers, tax tags) are issued by inserting `{ _id: "<sequence>:<value>", owner }`, because a
 * conditional update or `$inc` is not atomic under concurrency on FerretDB v1 and only `_id`
 * look-ups avoid decoding the whole collection. Which number an owner (e.g. a workflow ID)
 * holds is an `_id`-keyed lookup key, so a retry of the same owner gets the same number back;
 * the unique index on (sequence, owner) stops one owner racing itself to two numbers.
 *
 * Numbers stay gap-free and in the order they were claimed: a number is issued only by the
 * insert that claims it, and an owner that crashed after its claim gets that same number on
 * its retry. Blocks of numbers per process (one insert claims ten) were considered and
 * rejected: a process that dies leaves the rest of its block unissued, and numbers of two
 * processes would interleave out of recording order — every number of a Verwarnungsgeld
 * series must be accounted for in an audit. Instead, claims of one process go one at a time
 * per sequence, each starting from the number after the one this process claimed last (a
 * cursor in memory): within a process a claim never collides, so it is one insert instead of
 * a probe that retried under load (55 % of claims at 16 clients, issue 11). Another process
 * (a second worker) meets at the same inserts and moves on by one on a collision. The head
 * document (`$max`, a hint where to start probing after a restart) is written every
 * HEAD_EVERY claims: a process that starts probes at most that many taken numbers once.
 */
import type { Connection } from 'mongoose';
import type { ReadModel } from './models';
import { isDuplicateKey } from './duplicate-key';
import { caseListEntries } from './case-lists';
import { claimLookupKey, lookUpKey } from './lookup-keys';
import { racingUpsert } from './racing-upsert';

const headId = (sequence: string) => `serial-head|${sequence}`;
const HEAD_EVERY = 8;

interface Cursor { next?: number; queue: Promise<unknown> }
const cursors = new WeakMap<Connection, Map<string, Cursor>>();

function cursorOf(conn: Connection, sequence: string): Cursor {
  let bySequence = cursors.get(conn);
  if (!bySequence) cursors.set(conn, bySequence = new Map());
  let cursor = bySequence.get(sequence);
  if (!cursor) bySequence.set(sequence, cursor = { queue: Promise.resolve() });
  return cursor;
}

/** Issues the next number of `sequence` to `owner`; the same owner always gets the same number. */
export async function claimSerialNumber(model: ReadModel, sequence: string, owner: string): Promise<number> {
  const conn = model.serialClaims.db;
  const cursor = cursorOf(conn, sequence);
  // One claim of this process at a time per sequence: the next one starts after the last.
  const claim = cursor.queue.then(() => claimFrom(model, sequence, owner, cursor));
  cursor.queue = claim.catch(() => undefined);
  const value = await claim;
  // Outside the queue: the next claim needs only this one's insert to have landed.
  return Number(await claimLookupKey(conn, 'serial-of-owner', `${sequence}@${owner}`, String(value)));
}

async function claimFrom(model: ReadModel, sequence: string, owner: string, cursor: Cursor): Promise<number> {
  const conn = model.serialClaims.db;
  const ownerKey = `${sequence}@${owner}`;
  const heads = caseListEntries(conn);
  const start = cursor.next ?? ((await heads.findById(headId(sequence)).lean())?.head ?? 0) + 1;
  for (let value = start; value <= start + 1_000_000; value += 1) {
    try {
      await model.serialClaims.create({ _id: `${sequence}:${value}`, sequence, value, owner });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const taken = await model.serialClaims.findById(`${sequence}:${value}`).lean();
      if (taken && taken.owner !== owner) continue; // someone else's number: the next one
      if (!taken) {
        // Not this `_id`: the unique (sequence, owner) index refused it, so this owner already
        // holds a number (a retry after a crash, or racing itself). Its key says which, once
        // written; a claim whose key was never written (a crash between the two) is found by
        // owner — a scan, but only on that rare retry.
        const held = await lookUpKey(conn, 'serial-of-owner', ownerKey)
          ?? (await model.serialClaims.findOne({ sequence, owner }).lean())?.value;
        if (held === undefined || held === null) continue;
        return Number(held);
      }
    }
    // Ours (now, or by an earlier attempt of this owner).
    cursor.next = Math.max(cursor.next ?? 0, value + 1);
    if (value % HEAD_EVERY === 0) await racingUpsert(heads, { _id: headId(sequence) }, { $max: { head: value } });
    return value;
  }
  throw new Error(`could not claim a number of ${sequence}`);
}

/** The number `owner` holds in `sequence`, if any (by its lookup key). */
export async function serialNumberOf(model: ReadModel, sequence: string, owner: string): Promise<number | null> {
  const held = await lookUpKey(model.serialClaims.db, 'serial-of-owner', `${sequence}@${owner}`);
  return held === null ? null : Number(held);
}
