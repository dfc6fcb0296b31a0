/**
 * Counts events per key in fixed time windows, in the database, so every web replica (and the
 * worker) shares one count. FerretDB v1 loses concurrent `$inc` and has no atomic conditional
 * update, so — like store/attempt-counter.ts — the count is kept by insert against the unique
 * `_id`: the n-th event of a window claims `<key>|<window>|<n>`; two replicas claiming the same n
 * meet at the insert and the loser takes n + 1. No event is lost and none counted twice.
 *
 * Finding the current n costs reads by `_id` only: each process remembers the last n it saw per
 * window (a hint), checks that the next one is free, and — without a hint, e.g. after a restart
 * or when another replica counted — probes forward by doubling and bisects (about 2·log2(n)
 * `_id` reads). The claimed numbers of a window are contiguous (n is claimed only after n − 1
 * exists), which is what makes the bisection exact.
 *
 * Within one process the events of one key are claimed one after another (a queue per key), so
 * a burst of parallel requests costs one read and one insert each instead of colliding on the
 * same numbers; only replicas collide. With a `cap`, an event of a key whose known count has
 * already reached it is answered without touching the database (it is refused anyway).
 *
 * Every document carries `expiresAt` (the end of its window); a schedule deletes the expired
 * ones (purgeExpired, a scan of this collection once an hour).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../duplicate-key';

interface CountDoc { _id: string; expiresAt: Date }

export const RATE_COUNT_COLLECTION = 'rate_counts';
/** The hints are a cache: bounded, dropped wholesale when full. */
const MAX_HINTS = 20_000;
const PURGE_BATCH = 1_000;

export interface WindowCount {
  /** Events counted in the current window, this one included. */
  count: number;
  /** When the current window ends (ms since epoch). */
  resetAt: number;
}

export function rateCountModel(conn: Connection): Model<CountDoc> {
  return ((conn.models.RateCount as unknown) ?? conn.model('RateCount',
    new Schema({ _id: String, expiresAt: Date }, { collection: RATE_COUNT_COLLECTION, versionKey: false }))) as Model<CountDoc>;
}

export class WindowCounter {
  private readonly counts: Model<CountDoc>;
  private readonly hints = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(conn: Connection) {
    this.counts = rateCountModel(conn);
  }

  /**
   * Counts `units` events (each a claimed number) for `key` in its current window of `windowMs`.
   * `cap`: once the count is known to have reached it, answer without counting (count > cap).
   */
  async add(key: string, windowMs: number, units = 1, now = Date.now(), cap?: number): Promise<WindowCount> {
    const { prefix, resetAt } = windowOf(key, windowMs, now);
    const run = async (): Promise<WindowCount> => {
      const known = this.hints.get(prefix) ?? 0;
      if (cap !== undefined && known >= cap) return { count: known + units, resetAt };
      return this.claim(prefix, resetAt, units);
    };
    const next = (this.queues.get(prefix) ?? Promise.resolve()).then(run, run);
    this.queues.set(prefix, next);
    try {
      return await next;
    } finally {
      if (this.queues.get(prefix) === next) this.queues.delete(prefix);
    }
  }

  private async claim(prefix: string, resetAt: number, units: number): Promise<WindowCount> {
    let n = await this.top(prefix);
    for (let claimed = 0; claimed < units;) {
      n += 1;
      try {
        await this.counts.create({ _id: `${prefix}|${n}`, expiresAt: new Date(resetAt) });
        claimed += 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another replica took n: n + 1 next (the loop's increment).
      }
    }
    this.remember(prefix, n);
    return { count: n, resetAt };
  }

  /** The count of the current window without adding to it. */
  async peek(key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    const { prefix, resetAt } = windowOf(key, windowMs, now);
    return { count: await this.top(prefix), resetAt };
  }

  /**
   * Deletes the documents of windows that have ended (a scan; run by the purge schedule), a
   * batch at a time: FerretDB's SQLite backend binds every deleted row as an SQL variable, and
   * one `deleteMany` of some 30,000 rows (an hour of a spent global budget) fails with "too many
   * SQL variables".
   */
  async purgeExpired(now = new Date()): Promise<number> {
    let deleted = 0;
    for (;;) {
      const ids = (await this.counts.find({ expiresAt: { $lte: now } }, { _id: 1 }).limit(PURGE_BATCH).lean()).map((d) => d._id);
      if (ids.length === 0) return deleted;
      deleted += (await this.counts.deleteMany({ _id: { $in: ids } })).deletedCount ?? 0;
    }
  }

  /** The highest claimed number of a window (0: none), by `_id` reads only. */
  private async top(prefix: string): Promise<number> {
    const exists = async (n: number) => (await this.counts.exists({ _id: `${prefix}|${n}` })) !== null;
    let low = this.hints.get(prefix) ?? 0; // known to exist (or 0)
    let step = 1;
    while (await exists(low + step)) {
      low += step;
      step *= 2;
    }
    let high = low + step; // known to be free
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (await exists(mid)) low = mid;
      else high = mid;
    }
    this.remember(prefix, low);
    return low;
  }

  private remember(prefix: string, n: number): void {
    if (this.hints.size >= MAX_HINTS) this.hints.clear();
    if (n > 0) this.hints.set(prefix, n);
  }
}

function windowOf(key: string, windowMs: number, now: number) {
  const window = Math.floor(now / windowMs);
  return { prefix: `${key}|${windowMs}|${window}`, resetAt: (window + 1) * windowMs };
}
