/**
 * Limits guesses at the citizen portal: a card on a windscreen can be photographed by anyone,
 * so the plate is a second factor, and the pair may be tried only a few times. State lives in
 * the database (one atomic document per ticket code) so every web replica sees the same
 * count; a per-address budget in memory slows down scanning many codes from one client.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { AppError } from '../http/app-error';
import { AddressBudget } from './address-budget';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
const IP_BUDGET = 30;
const IP_WINDOW_MS = 15 * 60_000;

const attemptSchema = new Schema({
  _id: String, // hash of the ticket code
  failures: { type: Number, default: 0 },
  lockedUntil: Date,
}, { collection: 'portal_access_attempts', versionKey: false, timestamps: true });

interface AttemptDoc { _id: string; failures: number; lockedUntil?: Date | null }

export class AttemptLimiter {
  private readonly attempts: Model<AttemptDoc>;
  private readonly perAddress = new AddressBudget(IP_BUDGET, IP_WINDOW_MS);

  constructor(conn: Connection) {
    this.attempts = (conn.models.PortalAccessAttempt as Model<AttemptDoc> | undefined) ?? conn.model<AttemptDoc>('PortalAccessAttempt', attemptSchema);
  }

  private tooMany(retryAfterMs: number): AppError {
    return new AppError('too_many_attempts', {
      de: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
      en: 'Too many attempts. Please wait a few minutes and try again.',
    }, { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
  }

  /** Throws 429 when this code or this address is locked. */
  async check(codeHash: string, address: string, now = Date.now()): Promise<void> {
    const wait = this.perAddress.retryAfterMs(address, now);
    if (wait > 0) throw this.tooMany(wait);
    const doc = await this.attempts.findById(codeHash).lean();
    if (doc?.lockedUntil && doc.lockedUntil.getTime() > now) throw this.tooMany(doc.lockedUntil.getTime() - now);
  }

  async recordFailure(codeHash: string, address: string, now = Date.now()): Promise<void> {
    this.perAddress.recordFailure(address, now);
    const doc = await this.attempts.findOneAndUpdate({ _id: codeHash }, { $inc: { failures: 1 } }, { upsert: true, returnDocument: 'after' }).lean();
    if (doc && doc.failures >= MAX_FAILURES) {
      await this.attempts.updateOne({ _id: codeHash }, { $set: { failures: 0, lockedUntil: new Date(now + LOCK_MS) } });
    }
  }

  async recordSuccess(codeHash: string): Promise<void> {
    await this.attempts.updateOne({ _id: codeHash }, { $set: { failures: 0 } });
  }
}
