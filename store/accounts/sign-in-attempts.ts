/**
 * Counting staff sign-in failures on FerretDB v1, where `$inc` loses increments under
 * concurrency: every count is an insert against the unique `_id` (the one write FerretDB makes
 * exact), and every other write is a `$set` by `_id` whose order does not matter.
 *
 * Two kinds of counter live here:
 * - a **run** (`staff_sign_in_state` + `staff_sign_in_attempts`): the consecutive attempts of one
 *   key (a user name at one client address, or one account's password change). Attempt n of the
 *   current run claims `<key>:<epoch>:<n>` BEFORE the password is checked; an attempt that may
 *   not be checked releases its number again (deletes the document it inserted — its own, by
 *   `_id`), so the numbers stay dense. A lock records the number it was set at; a success or an
 *   unlock starts a new epoch.
 * - a **tally** (`staff_sign_in_tally`): failures of one user name in one UTC day, from every
 *   address, numbered by insert, so exactly one failure is the n-th.
 *
 * Purged by `purgeStaleSignInState` (the sign-in housekeeping schedule): nothing here is needed
 * after a day without attempts.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import { racingUpsert } from '../racing-upsert';

export interface RunState {
  _id: string;
  epoch: string;
  /** Until when the key may not try again (a failure at `lockedAtN` set it). */
  lockedUntil?: Date | null;
  lockedAtN?: number | null;
  updatedAt: Date;
}
interface CountDoc { _id: string; at: Date }

const newEpoch = () => randomBytes(6).toString('hex');

const model = <T>(conn: Connection, name: string, schema: Schema): Model<T> =>
  ((conn.models[name] as unknown) ?? conn.model(name, schema)) as Model<T>;

export const SIGN_IN_COLLECTIONS = ['staff_sign_in_state', 'staff_sign_in_attempts', 'staff_sign_in_tally'] as const;

export class SignInAttempts {
  private readonly states: Model<RunState>;
  private readonly attempts: Model<CountDoc>;
  private readonly tally: Model<CountDoc>;

  constructor(conn: Connection) {
    this.states = model<RunState>(conn, 'StaffSignInRunState', new Schema({
      _id: String, epoch: String, lockedUntil: Date, lockedAtN: Number, updatedAt: Date,
    }, { collection: 'staff_sign_in_state', versionKey: false }));
    this.attempts = model<CountDoc>(conn, 'StaffSignInRunAttempt', new Schema({ _id: String, at: Date }, { collection: 'staff_sign_in_attempts', versionKey: false }));
    this.tally = model<CountDoc>(conn, 'StaffSignInTally', new Schema({ _id: String, at: Date }, { collection: 'staff_sign_in_tally', versionKey: false }));
  }

  /** The run's state (created with a fresh epoch on first use). One `_id` read, an insert the first time. */
  async state(key: string, now = Date.now()): Promise<RunState> {
    const found = await this.states.findById(key).lean<RunState>();
    if (found) return found;
    try {
      await this.states.create({ _id: key, epoch: newEpoch(), updatedAt: new Date(now) });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // a parallel first attempt created it
    }
    return (await this.states.findById(key).lean<RunState>())!;
  }

  /** Claims the next number of the run `epoch`: 1, 2, … (the lowest free one). */
  async claim(key: string, epoch: string, now = Date.now()): Promise<number> {
    for (let n = 1; ; n += 1) {
      try {
        await this.attempts.create({ _id: `${key}:${epoch}:${n}`, at: new Date(now) });
        return n;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** Gives back a number this caller claimed and did not use (its own document, by `_id`). */
  async release(key: string, epoch: string, n: number): Promise<void> {
    await this.attempts.deleteOne({ _id: `${key}:${epoch}:${n}` });
  }

  /** The failure numbered `n` locks the key until `until` (the run goes on: the next attempt is n + 1). */
  async lock(key: string, n: number, until: Date, now = Date.now()): Promise<void> {
    await this.states.updateOne({ _id: key }, { $set: { lockedUntil: until, lockedAtN: n, updatedAt: new Date(now) } });
  }

  /** A success or an unlock: a new run starts at 1, without a lock. A write only if there was anything to end. */
  async reset(key: string, now = Date.now()): Promise<void> {
    const state = await this.states.findById(key).lean<RunState>();
    if (!state) return;
    if (!state.lockedUntil && !(await this.attempts.exists({ _id: `${key}:${state.epoch}:1` }))) return;
    await this.states.updateOne({ _id: key }, { $set: { epoch: newEpoch(), lockedUntil: null, lockedAtN: null, updatedAt: new Date(now) } });
  }

  /** An unlock: a new epoch whatever the state (a new run, a new tally). */
  async renew(key: string, now = Date.now()): Promise<void> {
    await racingUpsert(this.states, { _id: key }, { $set: { epoch: newEpoch(), lockedUntil: null, lockedAtN: null, updatedAt: new Date(now) } });
  }

  /** The state keys that begin with `prefix` (a scan, for a rare admin action). */
  async keysWithPrefix(prefix: string): Promise<string[]> {
    const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = await this.states.find({ _id: { $regex: new RegExp(`^${escaped}`) } }, { _id: 1 }).lean<Array<{ _id: string }>>();
    return found.map((s) => s._id);
  }

  /**
   * Counts one failure under `key` (a name and its ceiling epoch) in the UTC day of `now`;
   * answers its number in that day. The tally never has gaps, so the first free number is
   * found by galloping and bisecting over `_id` look-ups (a few reads at a count of 100, not
   * 100 inserts), then claimed by insert; a parallel failure that took it moves this one on.
   */
  async tallyFailure(key: string, now = Date.now()): Promise<number> {
    const day = new Date(now).toISOString().slice(0, 10);
    const id = (n: number) => `${key}:${day}:${n}`;
    const taken = async (n: number) => (await this.tally.exists({ _id: id(n) })) !== null;
    let low = 0; // every number up to `low` is taken
    let high = 1;
    while (await taken(high)) {
      low = high;
      high *= 2;
    }
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (await taken(mid)) low = mid;
      else high = mid;
    }
    for (let n = low + 1; ; n += 1) {
      try {
        await this.tally.create({ _id: id(n), at: new Date(now) });
        return n;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /**
   * Deletes what no rule needs any more: attempts and tallies older than `olderThanMs`, and run
   * states not written for that long whose lock has ended. Scans (FerretDB filters only `_id`),
   * so this runs from the housekeeping schedule, never per request.
   */
  async purgeStale(olderThanMs: number, now = Date.now()): Promise<{ attempts: number; tallies: number; states: number }> {
    const cutoff = new Date(now - olderThanMs);
    const attempts = await this.attempts.deleteMany({ at: { $lt: cutoff } });
    const tallies = await this.tally.deleteMany({ at: { $lt: cutoff } });
    const states = await this.states.deleteMany({
      updatedAt: { $lt: cutoff }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: new Date(now) } }],
    });
    return { attempts: attempts.deletedCount, tallies: tallies.deletedCount, states: states.deletedCount };
  }
}
