/**
 * A per-client-address budget of failed sign-in attempts in a fixed window: it slows one client
 * guessing many names. Counted in the database (store/rate-limit/window-counter.ts: by insert,
 * since FerretDB v1 loses concurrent `$inc`), so every web replica shares the budget; the
 * citizen side's limit schedule purges ended windows. A city office behind one proxy shares an
 * address, so the budget is for volume only; the per-name-and-address delays live in
 * SignInLimiter.
 */
import type { Connection } from 'mongoose';
import { WindowCounter } from '../../store/rate-limit/window-counter';

export class AddressBudget {
  private readonly failures: WindowCounter;

  constructor(conn: Connection, private readonly budget: number, private readonly windowMs: number) {
    this.failures = new WindowCounter(conn);
  }

  /** Milliseconds until this address may try again, or 0. */
  async retryAfterMs(address: string, now = Date.now()): Promise<number> {
    const { count, resetAt } = await this.failures.peek(this.key(address), this.windowMs, now);
    return count < this.budget ? 0 : Math.max(resetAt - now, 0);
  }

  async recordFailure(address: string, now = Date.now()): Promise<void> {
    await this.failures.add(this.key(address), this.windowMs, 1, now);
  }

  private key(address: string): string {
    return `staff-sign-in-address|${address}`;
  }
}
