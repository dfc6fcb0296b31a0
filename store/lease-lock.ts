/**
 * An insert-claimed lock with a lease, on FerretDB: built from inserts only (the one write
 * FerretDB v1 makes exact under concurrency: a unique `_id`). The lock `name` lives at
 * `lock:<name>@<epoch>`:
 * acquire = insert it, release = its holder deletes it. A holder that crashed leaves an
 * expired lock behind; a waiter then moves the name to the next epoch by inserting
 * `epoch:<name>@<epoch+1>` — exactly one waiter wins that insert, and nobody ever deletes a
 * lock they do not hold (a conditional delete is not atomic on FerretDB). Epochs only grow on
 * takeovers, so the chain stays short; each process remembers the epoch it last saw.
 *
 * Like every lease, it assumes a holder finishes well within the lease (writes here take
 * milliseconds; the lease is 30 s) and `lease.check()` refuses to write after it ran out.
 */
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';

export interface Lease { readonly name: string; check(): void }
export class LockTimeout extends Error {}

const epochs = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Callers in one process queue here first, so only one of them at a time polls the database
 * (polling waiters slow FerretDB down for the holder). A separate space stands for a separate
 * process (tests).
 */
export class LockSpace {
  private readonly tails = new Map<string, Promise<void>>();
  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(name) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((r) => { done = r; });
    const tail = before.then(() => mine);
    this.tails.set(name, tail);
    await before;
    try {
      return await fn();
    } finally {
      done();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}
const processSpace = new LockSpace();

export interface LeaseOptions { leaseMs?: number; waitMs?: number; space?: LockSpace }

export async function withLease<T>(locks: Model<{ _id: string }>, name: string, fn: (lease: Lease) => Promise<T>, options: LeaseOptions = {}): Promise<T> {
  return (options.space ?? processSpace).run(name, () => acquireAndRun(locks, name, fn, options));
}

async function acquireAndRun<T>(locks: Model<{ _id: string }>, name: string, fn: (lease: Lease) => Promise<T>, options: LeaseOptions): Promise<T> {
  const leaseMs = options.leaseMs ?? 30_000;
  const coll = locks.collection;
  const holder = randomUUID();
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  let epoch = epochs.get(name) ?? 0;
  let delay = 2;
  for (;;) {
    const id = `lock:${name}@${epoch}`;
    const expiresAt = Date.now() + leaseMs;
    let inserted = false;
    try {
      await coll.insertOne({ _id: id, holder, expiresAt: new Date(expiresAt), at: new Date() } as never);
      inserted = true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    if (inserted) {
      // Taken, unless a takeover already moved the name to the next epoch (this one is dead).
      if (await coll.findOne({ _id: `epoch:${name}@${epoch + 1}` } as never)) {
        await coll.deleteOne({ _id: id } as never);
        epoch += 1;
        continue;
      }
      // Remembered only after a takeover: most names never leave epoch 0 (no map of every task id).
      if (epoch > 0) epochs.set(name, epoch);
      const lease: Lease = {
        name,
        check() {
          if (Date.now() > expiresAt - 1_000) throw new LockTimeout(`lease on ${name} ran out`);
        },
      };
      try {
        return await fn(lease);
      } finally {
        await coll.deleteOne({ _id: id } as never);
      }
    }
    const current = await coll.findOne({ _id: id } as never) as { expiresAt?: Date; holder?: string } | null;
    if (!current) continue; // released meanwhile: try again at once
    if (current.expiresAt && current.expiresAt.getTime() < Date.now()) {
      try {
        await coll.insertOne({ _id: `epoch:${name}@${epoch + 1}`, takenFrom: current.holder, by: holder, at: new Date() } as never);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // another waiter took over first: follow it
      }
      epoch += 1;
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeout(`could not lock ${name}`);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 40);
  }
}
