/**
 * How many e-mails the city sends to one address a day. Addresses come from anonymous forms
 * (a draft, a submission, a hearing answer, a checkout), so anyone could make the city mail any
 * address over and over. An address that has not confirmed anything gets a small budget; one
 * whose owner opened a link we sent only there (a status link, the link to the hearing
 * answerer) counts as confirmed and gets a larger one. Staff addresses are not budgeted.
 *
 * The address is stored only as a hash, in a WindowCounter (counted by insert, see
 * window-counter.ts) whose documents end with the day's window.
 */
import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';
import { WindowCounter, type WindowCount } from './window-counter';

export const MAIL_WINDOW_MS = 24 * 60 * 60_000;
/** The fuzzing run that found this sent 39 mails to one address; an honest person gets a few a day. */
export const UNCONFIRMED_MAILS_PER_DAY = 10;
export const CONFIRMED_MAILS_PER_DAY = 100;
/** A confirmation holds this long (then the address is unconfirmed again until it confirms). */
const CONFIRMATION_MS = 180 * 24 * 60 * 60_000;

interface ConfirmedDoc { _id: string; expiresAt: Date }
/** The budget decision for one mail (its send key), so a retried activity does not count the same mail again. */
interface DecisionDoc { _id: string; allowed: boolean; expiresAt: Date }

export const mailAddressKey = (address: string) => createHash('sha256').update(`mail-address:${address.trim().toLowerCase()}`).digest('hex');

function confirmedModel(conn: Connection): Model<ConfirmedDoc> {
  return ((conn.models.MailConfirmed as unknown) ?? conn.model('MailConfirmed',
    new Schema({ _id: String, expiresAt: Date }, { collection: 'mail_confirmed', versionKey: false }))) as Model<ConfirmedDoc>;
}

function decisionModel(conn: Connection): Model<DecisionDoc> {
  return ((conn.models.MailBudgetDecision as unknown) ?? conn.model('MailBudgetDecision',
    new Schema({ _id: String, allowed: Boolean, expiresAt: Date }, { collection: 'mail_budget_decisions', versionKey: false }))) as Model<DecisionDoc>;
}

export class MailBudget {
  private readonly counter: WindowCounter;
  private readonly confirmed: Model<ConfirmedDoc>;
  private readonly decisions: Model<DecisionDoc>;

  constructor(conn: Connection) {
    this.counter = new WindowCounter(conn);
    this.confirmed = confirmedModel(conn);
    this.decisions = decisionModel(conn);
  }

  /**
   * Counts the mail with send key `mailKey` once, however often its activity is retried (a relay
   * that is down must not spend the address's budget): the first decision is stored by insert
   * and answered again. False: over budget, do not send.
   */
  async claimFor(mailKey: string, address: string, now = Date.now()): Promise<boolean> {
    const known = await this.decisions.findById(mailKey).lean<DecisionDoc>();
    if (known) return known.allowed;
    const { allowed } = await this.claim(address, now);
    try {
      await this.decisions.create({ _id: mailKey, allowed, expiresAt: new Date(now + 7 * MAIL_WINDOW_MS) });
      return allowed;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // A parallel attempt decided first (and counted): its decision stands.
      return (await this.decisions.findById(mailKey).lean<DecisionDoc>())!.allowed;
    }
  }

  async limitOf(address: string, now = Date.now()): Promise<number> {
    const doc = await this.confirmed.findById(mailAddressKey(address)).lean<ConfirmedDoc>();
    return doc && doc.expiresAt.getTime() > now ? CONFIRMED_MAILS_PER_DAY : UNCONFIRMED_MAILS_PER_DAY;
  }

  /** Counts one mail to `address`; `allowed` false: over today's budget, do not send. */
  async claim(address: string, now = Date.now()): Promise<WindowCount & { allowed: boolean }> {
    const limit = await this.limitOf(address, now);
    const counted = await this.counter.add(`mail:${mailAddressKey(address)}`, MAIL_WINDOW_MS, 1, now, limit);
    return { ...counted, allowed: counted.count <= limit };
  }

  /** Whether one more mail could go out today, without counting it (the API asks before starting work). */
  async wouldAllow(address: string, now = Date.now()): Promise<WindowCount & { allowed: boolean }> {
    const limit = await this.limitOf(address, now);
    const counted = await this.counter.peek(`mail:${mailAddressKey(address)}`, MAIL_WINDOW_MS, now);
    return { ...counted, allowed: counted.count < limit };
  }

  /** The owner of `address` opened a link only mailed there. */
  async confirm(address: string, now = Date.now()): Promise<void> {
    const expiresAt = new Date(now + CONFIRMATION_MS);
    try {
      await this.confirmed.create({ _id: mailAddressKey(address), expiresAt });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.confirmed.updateOne({ _id: mailAddressKey(address) }, { $set: { expiresAt } });
    }
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const confirmed = (await this.confirmed.deleteMany({ expiresAt: { $lte: now } })).deletedCount ?? 0;
    const decisions = (await this.decisions.deleteMany({ expiresAt: { $lte: now } })).deletedCount ?? 0;
    return confirmed + decisions;
  }
}
