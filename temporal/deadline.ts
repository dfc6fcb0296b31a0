/**
 * Every call the web process makes to Temporal (start, Update, signal, query) runs under a
 * deadline: a hung or unreachable Temporal answers the HTTP request with 503 within seconds
 * instead of holding it open. One deadline covers the whole call, polls included, so an Update
 * must not wait for anything slow (no e-mail inside an Update handler).
 *
 * The deadline is long (10 s) because an Update legitimately waits for work (a ticket's
 * registration renders a PDF and writes the read model; under load that takes seconds). A
 * Temporal that accepts connections but never answers must not cost a request those 10 s: a
 * breaker per client probes Temporal itself (GetSystemInfo, answered by the frontend without
 * any worker or database work) every 250 ms, each probe with a 1.2 s deadline. A probe that
 * times out or finds Temporal unreachable opens the breaker: calls in flight answer 503 at
 * once, new calls too, until a probe is answered again. So a hang costs a request at most
 * ~1.5 s (the probe interval plus the probe deadline), while a slow Update on a healthy
 * Temporal still gets its 10 s.
 *
 * Nothing accepted is lost by answering early: the call itself goes on (a start or Update that
 * reaches Temporal later takes effect), and every call made for an HTTP request is idempotent
 * (workflow IDs and Update IDs derive from the request's Idempotency-Key), so the client's retry
 * with the same key gets the first answer — the ticket number of the ticket that was recorded.
 */
import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { DependencyUnavailableError } from '../domain/dependency-unavailable';

/** Long enough for an Update that waits for a registration (a PDF rendered, the read model written). */
export const TEMPORAL_CALL_DEADLINE_MS = Number(process.env.AMTSWEG_TEMPORAL_DEADLINE_MS ?? 10_000);
/** How often the breaker asks Temporal whether it answers, and how long each probe may take. */
export const PROBE_EVERY_MS = 250;
export const PROBE_DEADLINE_MS = 1_200;
/** A breaker nobody used for this long stops probing (a closed connection is never probed for long). */
const IDLE_AFTER_MS = 60_000;
const MAX_PROBES_IN_FLIGHT = 8;
const LATE_TIMER_MS = 250;
const RETRY_AFTER_SECONDS = 5;
const DEADLINE_EXCEEDED = 4;
const RESOURCE_EXHAUSTED = 8;
const UNAVAILABLE = 14;

/** Runs `fn` (one or more client calls) with one absolute deadline; a missed deadline or an open breaker is "Temporal unavailable" (503). */
export async function withDeadline<T>(client: Client, fn: () => Promise<T>, ms = TEMPORAL_CALL_DEADLINE_MS): Promise<T> {
  const breaker = breakerOf(client);
  breaker.used();
  if (breaker.open) throw breaker.unavailable();
  const deadline = Date.now() + ms;
  const call = breaker.track(client.connection.withDeadline(deadline, () => whileBusy(fn, deadline)));
  let result: T | typeof OPENED;
  try {
    result = await new Promise<T | typeof OPENED>((resolve, reject) => {
      const onOpen = () => resolve(OPENED);
      breaker.listeners.add(onOpen);
      call.then(resolve, reject).finally(() => breaker.listeners.delete(onOpen));
    });
  } catch (error) {
    if (isTimeout(error)) throw new DependencyUnavailableError('temporal', `no answer from Temporal within ${ms} ms`, { cause: error, retryAfterSeconds: RETRY_AFTER_SECONDS });
    if (isBusy(error)) throw new DependencyUnavailableError('temporal', `Temporal stayed busy for ${ms} ms`, { cause: error, retryAfterSeconds: 1 });
    throw error;
  }
  // The breaker opened while the call was in flight. The call goes on (see above); its outcome is nobody's to handle.
  if (result === OPENED) throw breaker.unavailable();
  return result;
}

const OPENED = Symbol('breaker opened');

/**
 * Before the client's connection is closed: stop probing and let the calls still in flight end
 * (each ends at its deadline at the latest). A call answered 503 early goes on, and the SDK's
 * retry of it runs from a timer: on a connection closed under it, that timer throws "Channel has
 * been shut down" as an uncaught exception (seen in the chaos suite after a Temporal restart).
 */
export async function settleTemporalCalls(client: Client, maxMs = TEMPORAL_CALL_DEADLINE_MS + 1_000): Promise<void> {
  const breaker = breakers.get(client);
  if (!breaker) return;
  await breaker.settle(maxMs);
}

/** Whether Temporal is known not to answer right now (the breaker of this client is open). */
export function temporalKnownUnavailable(client: Client): boolean {
  return breakers.get(client)?.open ?? false;
}

const breakers = new WeakMap<Client, TemporalBreaker>();
function breakerOf(client: Client): TemporalBreaker {
  let breaker = breakers.get(client);
  if (!breaker) breakers.set(client, (breaker = new TemporalBreaker(client)));
  return breaker;
}

class TemporalBreaker {
  private openSince: number | undefined;
  private lastFailure = '';
  private lastUse = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private lastVerdictOf = -Infinity;
  /** Calls in flight, told when the breaker opens. */
  readonly listeners = new Set<() => void>();
  /** Every call and probe on the connection that has not ended yet (answered or not). */
  private readonly pending = new Set<Promise<unknown>>();
  private settling = false;

  track<T>(call: Promise<T>): Promise<T> {
    const settled = call.then(() => undefined, () => undefined);
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return call;
  }

  async settle(maxMs: number): Promise<void> {
    this.settling = true;
    this.stop();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.pending]),
      new Promise<void>((r) => { timer = setTimeout(r, maxMs); timer.unref(); }),
    ]);
    clearTimeout(timer);
  }

  constructor(private readonly client: Client) {}

  get open(): boolean { return this.openSince !== undefined; }

  unavailable(): DependencyUnavailableError {
    return new DependencyUnavailableError('temporal', `Temporal has not answered since ${new Date(this.openSince ?? Date.now()).toISOString()} (${this.lastFailure})`,
      { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }

  /** Probing runs while the client is used, and stops a minute after its last call. */
  used(): void {
    this.lastUse = Date.now();
    if (this.timer || this.settling) return;
    this.timer = setInterval(() => this.tick(), PROBE_EVERY_MS);
    this.timer.unref();
    this.tick();
  }

  private tick(): void {
    if (Date.now() - this.lastUse > IDLE_AFTER_MS) {
      this.stop();
      this.setClosed(); // unknown again: the next call starts probing afresh
      return;
    }
    if (this.inFlight >= MAX_PROBES_IN_FLIGHT) return;
    this.inFlight += 1;
    const { connection } = this.client;
    const startedAt = performance.now();
    // A probe's verdict counts only if no later-started probe has given one (a probe that hung
    // before Temporal came back must not reopen the breaker after a newer one was answered).
    const verdict = (open: boolean, error?: unknown) => {
      if (startedAt < this.lastVerdictOf) return;
      this.lastVerdictOf = startedAt;
      if (open) this.setOpen(error); else this.setClosed();
    };
    let probe: Promise<unknown>;
    try {
      probe = connection.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => connection.workflowService.getSystemInfo({}));
    } catch (error) {
      probe = Promise.reject(error);
    }
    this.track(probe);
    probe
      // Only silence or unreachability opens it; any answer (even a refusal) means Temporal answers.
      .then(() => verdict(false), (error: unknown) => {
        if (!isGrpcServiceError(error) && !isTimeout(error)) return void this.stop(); // the connection was closed: nothing to watch
        // A deadline that fired well after it was due says this process was starved (event loop
        // blocked), not that Temporal is silent: the answer may be waiting unread. No verdict.
        if (isTimeout(error) && performance.now() - startedAt > PROBE_DEADLINE_MS + LATE_TIMER_MS) return;
        verdict(isTimeout(error), error);
      })
      .finally(() => { this.inFlight -= 1; });
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private setOpen(error: unknown): void {
    this.lastFailure = error instanceof Error ? error.message : String(error);
    if (this.openSince !== undefined) return;
    this.openSince = Date.now();
    console.warn(`[amtsweg] Temporal does not answer (${this.lastFailure}); its calls answer 503 until it does`);
    for (const listener of [...this.listeners]) listener();
  }

  private setClosed(): void {
    if (this.openSince === undefined) return;
    console.warn(`[amtsweg] Temporal answers again (after ${Math.round((Date.now() - this.openSince) / 1000)} s)`);
    this.openSince = undefined;
  }
}

/**
 * Temporal refuses more Updates of one workflow in flight than it allows (RESOURCE_EXHAUSTED,
 * e.g. a burst of the same request with one Idempotency-Key): the call is made again after a
 * short, growing pause, within the same deadline. Each call is idempotent (see above).
 */
async function whileBusy<T>(fn: () => Promise<T>, deadline: number): Promise<T> {
  for (let pause = 20; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause >= deadline) throw error;
      await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
    }
  }
}

function isBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (isGrpcServiceError(e) && e.code === RESOURCE_EXHAUSTED) return true;
  }
  return false;
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(e) && (e.code === DEADLINE_EXCEEDED || e.code === UNAVAILABLE)) return true;
  }
  return false;
}
