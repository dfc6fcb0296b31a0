/**
 * Counts failed attempts per key (a user name, a ticket code) so that none is lost under
 * concurrency — FerretDB's `$inc` loses increments, an insert against a unique `_id` does not:
 * the n-th attempt of the current run claims the document `<key>:<epoch>:<n>`, trying n = 1, 2, …
 * until its insert succeeds. Starting a new epoch resets the count without deleting anything.
 * A key's state document holds the epoch and the lock.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { racingUpsert } from './racing-upsert';

interface StateDoc { _id: string; epoch?: string; lockedUntil?: Date | null; at?: Date }
interface CountDoc { _id: string; at: Date }

const newEpoch = () => randomBytes(6).toString('hex');

export class AttemptCounter {
  private readonly states: Model<StateDoc>;
  private readonly counts: Model<CountDoc>;

  /** `name` prefixes the two model names; the collections are `<collection>_state` and `<collection>_attempts`. */
  constructor(conn: Connection, name: string, collection: string) {
    const model = <T>(modelName: string, schema: Schema) => ((conn.models[modelName] as unknown) ?? conn.model(modelName, schema)) as Model<T>;
    this.states = model<StateDoc>(`${name}State`, new Schema({ _id: String, epoch: String, lockedUntil: Date, at: Date }, { collection: `${collection}_state`, versionKey: false }));
    this.counts = model<CountDoc>(`${name}Attempt`, new Schema({ _id: String, at: Date }, { collection: `${collection}_attempts`, versionKey: false }));
  }

  async lockedUntil(key: string, now = Date.now()): Promise<Date | undefined> {
    const state = await this.states.findById(key).lean<StateDoc>();
    return state?.lockedUntil && state.lockedUntil.getTime() > now ? state.lockedUntil : undefined;
  }

  /** Claims the next number of the current run for this key. */
  async next(key: string, now = Date.now()): Promise<number> {
    const epoch = await this.epochOf(key);
    for (let n = 1; ; n += 1) {
      try {
        await this.counts.create({ _id: `${key}:${epoch}:${n}`, at: new Date(now) });
        return n;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** Locks the key until `until`; the count starts again at 1 afterwards. */
  async lock(key: string, until: Date): Promise<void> {
    await racingUpsert(this.states, { _id: key }, { $set: { epoch: newEpoch(), lockedUntil: until, at: new Date() } });
  }

  /** Ends the current run (a success): one `_id` read, a write only if the run had attempts. */
  async reset(key: string): Promise<void> {
    const state = await this.states.findById(key).lean<StateDoc>();
    if (state && (await this.counts.exists({ _id: `${key}:${state.epoch ?? '0'}:1` }))) {
      await this.states.updateOne({ _id: key }, { $set: { epoch: newEpoch() } });
    }
  }

  async unlock(key: string): Promise<void> {
    await racingUpsert(this.states, { _id: key }, { $set: { epoch: newEpoch(), lockedUntil: null } });
  }

  /**
   * Deletes what no longer counts (run by a schedule; scans of these two collections): attempts
   * older than `before` — a run of failures spread over longer than that starts again — and the
   * state of keys with no lock in force, no attempt left in their current run and no change
   * since `before`. A key whose state is gone starts with a fresh random epoch.
   */
  async purgeStale(before: Date, now = new Date()): Promise<{ attempts: number; states: number }> {
    const attempts = (await this.counts.deleteMany({ at: { $lt: before } })).deletedCount ?? 0;
    let states = 0;
    const idle = await this.states.find({ $or: [{ lockedUntil: null }, { lockedUntil: { $exists: false } }, { lockedUntil: { $lte: now } }] }).lean<StateDoc[]>();
    for (const state of idle) {
      if (state.at && state.at >= before) continue;
      if (await this.counts.exists({ _id: `${state._id}:${state.epoch ?? '0'}:1` })) continue;
      states += (await this.states.deleteOne({ _id: state._id, epoch: state.epoch })).deletedCount ?? 0;
    }
    return { attempts, states };
  }

  private async epochOf(key: string): Promise<string> {
    const state = await this.states.findById(key).lean<StateDoc>();
    if (state) return state.epoch ?? '0';
    try {
      // A random first epoch: a key whose state was purged starts a run no old count belongs to.
      await this.states.create({ _id: key, epoch: newEpoch(), at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.states.findById(key).lean<StateDoc>())?.epoch ?? '0';
  }
}
