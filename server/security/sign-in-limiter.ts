/**
 * Staff sign-in guessing limits: 5 consecutive failures for one user name lock it for 15
 * minutes, and one client address has a budget of failures across all names.
 *
 * Every attempt claims its number BEFORE the password is checked: the document
 * `<name>:<epoch>:<n>` (unique `_id`; FerretDB's `$inc` loses increments under concurrency, an
 * insert does not), trying n = 1, 2, … until an insert succeeds. Of a burst of parallel guesses
 * only the first five are checked at all; the rest are refused unchecked. The fifth failure locks
 * the name; a success or an unlock starts a new epoch, which resets the count without deleting
 * anything. Unknown user names are counted and locked the same way, so a lock-out does not
 * reveal that a name exists.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { AddressBudget } from './address-budget';
import { isDuplicateKey } from '../../activities/read-model/duplicate-key';

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

  /**
   * Claims this attempt's number in the current run of attempts, before any password check.
   * `allowed` is false beyond the fifth: such an attempt is refused without checking.
   */
  async claimAttempt(name: string, now = Date.now()): Promise<{ n: number; allowed: boolean }> {
    const epoch = await this.epochOf(name);
    for (let n = 1; ; n += 1) {
      try {
        await this.failures.create({ _id: `${name}:${epoch}:${n}`, at: new Date(now) });
        return { n, allowed: n <= MAX_CONSECUTIVE_FAILURES };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** The claimed attempt `n` failed: counted for the address; the fifth in a row locks the name for LOCK_MS. */
  async recordFailure(name: string, address: string, n: number, now = Date.now()): Promise<{ locked: boolean }> {
    this.perAddress.recordFailure(address, now);
    if (n < MAX_CONSECUTIVE_FAILURES) return { locked: false };
    // A new epoch: after the lock the count starts again at 1.
    await this.states.updateOne({ _id: name }, { $set: { epoch: newEpoch(), lockedUntil: new Date(now + LOCK_MS) } }, { upsert: true });
    return { locked: n === MAX_CONSECUTIVE_FAILURES };
  }

  /** A successful sign-in ends the run of attempts: a new epoch. */
  async recordSuccess(name: string): Promise<void> {
    await this.states.updateOne({ _id: name }, { $set: { epoch: newEpoch() } });
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
