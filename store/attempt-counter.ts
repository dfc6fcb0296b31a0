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

interface StateDoc { _id: string; epoch?: string; lockedUntil?: Date | null }
interface CountDoc { _id: string; at: Date }

const newEpoch = () => randomBytes(6).toString('hex');

export class AttemptCounter {
  private readonly states: Model<StateDoc>;
  private readonly counts: Model<CountDoc>;

  /** `name` prefixes the two model names; the collections are `<collection>_state` and `<collection>_attempts`. */
  constructor(conn: Connection, name: string, collection: string) {
    const model = <T>(modelName: string, schema: Schema) => ((conn.models[modelName] as unknown) ?? conn.model(modelName, schema)) as Model<T>;
    this.states = model<StateDoc>(`${name}State`, new Schema({ _id: String, epoch: String, lockedUntil: Date }, { collection: `${collection}_state`, versionKey: false }));
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
    await this.states.updateOne({ _id: key }, { $set: { epoch: newEpoch(), lockedUntil: until } }, { upsert: true });
  }

  /** Ends the current run (a success): one `_id` read, a write only if the run had attempts. */
  async reset(key: string): Promise<void> {
    const state = await this.states.findById(key).lean<StateDoc>();
    if (state && (await this.counts.exists({ _id: `${key}:${state.epoch ?? '0'}:1` }))) {
      await this.states.updateOne({ _id: key }, { $set: { epoch: newEpoch() } });
    }
  }

  async unlock(key: string): Promise<void> {
    await this.states.updateOne({ _id: key }, { $set: { epoch: newEpoch(), lockedUntil: null } }, { upsert: true });
  }

  private async epochOf(key: string): Promise<string> {
    const state = await this.states.findById(key).lean<StateDoc>();
    if (state) return state.epoch ?? '0';
    try {
      await this.states.create({ _id: key, epoch: '0' });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.states.findById(key).lean<StateDoc>())?.epoch ?? '0';
  }
}
