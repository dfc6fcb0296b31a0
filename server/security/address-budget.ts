/**
 * A per-client-address budget of failed attempts in a fixed window, in memory
 * (rate-limiter-flexible's memory store): it slows one client guessing many names or codes.
 * Per process (a replica has its own), which is enough for its purpose; the durable per-account
 * and per-code locks live in the database (AttemptCounter). The library's MongoDB store is not
 * used: it counts with a conditional `findOneAndUpdate` + `$inc`, which FerretDB v1 runs
 * non-atomically (parallel failures were lost when measured), and it needs a TTL index FerretDB
 * does not have. Expired windows are dropped by the store's own (unref'd) timers.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';

export class AddressBudget {
  private readonly failures: RateLimiterMemory;

  constructor(private readonly budget: number, windowMs: number) {
    this.failures = new RateLimiterMemory({ points: budget, duration: Math.ceil(windowMs / 1000) });
  }

  /** Milliseconds until this address may try again, or 0. */
  async retryAfterMs(address: string): Promise<number> {
    const window = await this.failures.get(address);
    if (!window || window.consumedPoints < this.budget) return 0;
    return Math.max(window.msBeforeNext, 0);
  }

  async recordFailure(address: string): Promise<void> {
    // penalty() adds a point without refusing: the refusal is retryAfterMs's answer.
    await this.failures.penalty(address, 1);
  }
}
