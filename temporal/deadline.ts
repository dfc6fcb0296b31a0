/**
 * Every call the web process makes to Temporal (start, Update, signal, query) runs under a
 * deadline: a hung or unreachable Temporal answers the HTTP request with 503 within seconds
 * instead of holding it open. One deadline covers the whole call, polls included, so an Update
 * must not wait for anything slow (no e-mail inside an Update handler).
 */
import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { DependencyUnavailableError } from '../domain/dependency-unavailable';

/** Long enough for an Update that waits for a registration (a PDF rendered, the read model written). */
export const TEMPORAL_CALL_DEADLINE_MS = Number(process.env.AMTSWEG_TEMPORAL_DEADLINE_MS ?? 10_000);
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

/** Runs `fn` (one or more client calls) with one absolute deadline; a missed deadline is "Temporal unavailable" (503). */
export async function withDeadline<T>(client: Client, fn: () => Promise<T>, ms = TEMPORAL_CALL_DEADLINE_MS): Promise<T> {
  try {
    return await client.connection.withDeadline(Date.now() + ms, fn);
  } catch (error) {
    if (isTimeout(error)) throw new DependencyUnavailableError('temporal', `no answer from Temporal within ${ms} ms`, { cause: error, retryAfterSeconds: 5 });
    throw error;
  }
}

function isTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
    if (isGrpcServiceError(e) && (e.code === DEADLINE_EXCEEDED || e.code === UNAVAILABLE)) return true;
  }
  return false;
}
