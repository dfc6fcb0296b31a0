/**
 * Staff sign-in guessing limits: 5 consecutive failures for one user name lock it for 15
 * minutes, and one client address has a budget of failures across all names.
 *
 * FerretDB's `$inc` loses increments under concurrency, so failures are counted by insert:
 * the n-th failure claims the document `<name>:<epoch>:<n>` (unique `_id`), trying n = 1, 2, …
 * until an insert succeeds — two parallel guesses can never claim the same n. A success or an
 * unlock starts a new epoch, which resets the count without deleting anything. Unknown user
 * names are counted and locked the same way, so a lock-out does not reveal that a name exists.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { AddressBudget } from './address-budget';

export const MAX_CONSECUTIVE_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const ADDRESS_BUDGET = 50; // a city office behind one proxy shares an address
const ADDRESS_WINDOW_MS = 15 * 60_000;

const stateSchema = new Schema({
  _id: String, // the user name as typed (lower case)
  epoch: { type: String, required: true },
  lockedUntil: Date,
}, { collection: 'staff_sign_in_state', versionKey: false });
const failureSchema = new Schema({ _id: String, at: Date }, { collection: 'staff_sign_in_failures', versionKey: false });

interface StateDoc { _id: string; epoch: string; lockedUntil?: Date | null }
interface FailureDoc { _id: string; at: Date }

const newEpoch = () => randomBytes(6).toString('hex');
const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

export class SignInLimiter {
  private readonly states: Model<StateDoc>;
  private readonly failures: Model<FailureDoc>;
  private readonly perAddress = new AddressBudget(ADDRESS_BUDGET, ADDRESS_WINDOW_MS);

  constructor(conn: Connection) {
    this.states = ((conn.models.StaffSignInState as unknown) ?? conn.model('StaffSignInState', stateSchema)) as Model<StateDoc>;
    this.failures = ((conn.models.StaffSignInFailure as unknown) ?? conn.model('StaffSignInFailure', failureSchema)) as Model<FailureDoc>;
  }

  /** Milliseconds this name or address must wait, or 0. */
  async retryAfterMs(name: string, address: string, now = Date.now()): Promise<number> {
    const addressWait = this.perAddress.retryAfterMs(address, now);
    const state = await this.states.findById(name).lean<StateDoc>();
    const nameWait = state?.lockedUntil ? Math.max(0, state.lockedUntil.getTime() - now) : 0;
    return Math.max(addressWait, nameWait);
  }

  /** Counts a failure; answers whether this failure locked the name (then for LOCK_MS). */
  async recordFailure(name: string, address: string, now = Date.now()): Promise<{ locked: boolean; epoch: string }> {
    this.perAddress.recordFailure(address, now);
    const epoch = await this.epochOf(name);
    let n = 1;
    for (; n < 1000; n += 1) {
      try {
        await this.failures.create({ _id: `${name}:${epoch}:${n}`, at: new Date(now) });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    if (n < MAX_CONSECUTIVE_FAILURES) return { locked: false, epoch };
    // A new epoch: after the lock the count starts again at 1.
    await this.states.updateOne({ _id: name }, { $set: { epoch: newEpoch(), lockedUntil: new Date(now + LOCK_MS) } }, { upsert: true });
    return { locked: n === MAX_CONSECUTIVE_FAILURES, epoch };
  }

  /** A successful sign-in ends a run of failures (one `_id` read; a write only if there were any). */
  async recordSuccess(name: string): Promise<void> {
    const state = await this.states.findById(name).lean<StateDoc>();
    if (!state) return;
    if (await this.failures.exists({ _id: `${name}:${state.epoch}:1` })) {
      await this.states.updateOne({ _id: name }, { $set: { epoch: newEpoch() } });
    }
  }

  async unlock(name: string): Promise<void> {
    await this.states.updateOne({ _id: name }, { $set: { epoch: newEpoch(), lockedUntil: null } }, { upsert: true });
  }

  async lockedUntil(name: string, now = Date.now()): Promise<Date | undefined> {
    const state = await this.states.findById(name).lean<StateDoc>();
    return state?.lockedUntil && state.lockedUntil.getTime() > now ? state.lockedUntil : undefined;
  }

  private async epochOf(name: string): Promise<string> {
    const state = await this.states.findById(name).lean<StateDoc>();
    if (state) return state.epoch;
    try {
      await this.states.create({ _id: name, epoch: '0' });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.states.findById(name).lean<StateDoc>())?.epoch ?? '0';
  }
}
