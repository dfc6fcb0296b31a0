/**
 * A per-client-address budget of failed attempts in a sliding window, in memory: it slows one
 * client guessing many names or codes. Per process (a replica has its own), which is enough for
 * its purpose; the durable per-account and per-code locks live in the database.
 */
export class AddressBudget {
  private readonly windows = new Map<string, { count: number; since: number }>();

  constructor(private readonly budget: number, private readonly windowMs: number) {}

  /** Milliseconds until this address may try again, or 0. */
  retryAfterMs(address: string, now = Date.now()): number {
    const w = this.windows.get(address);
    if (!w || now - w.since >= this.windowMs || w.count < this.budget) return 0;
    return this.windowMs - (now - w.since);
  }

  recordFailure(address: string, now = Date.now()): void {
    const w = this.windows.get(address);
    if (!w || now - w.since >= this.windowMs) this.windows.set(address, { count: 1, since: now });
    else w.count += 1;
    // Forget old windows now and then, so a scan from many addresses cannot grow the map forever.
    if (this.windows.size > 10_000) for (const [key, value] of this.windows) if (now - value.since >= this.windowMs) this.windows.delete(key);
  }
}
