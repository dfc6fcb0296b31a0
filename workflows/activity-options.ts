/**
 * Activity options by kind of activity, one place for every workflow. Workflows proxy their
 * activities with one of these instead of spelling out timeouts and retries each time.
 */
import type { ActivityOptions } from '@temporalio/workflow';

/**
 * A step of a case: a database write, a registry look-up, a PDF rendered and e-mailed. Seconds
 * each; every such activity is idempotent, so it is retried with backoff for as long as a
 * dependency (database, SMTP, registry) is down — the case waits rather than fails.
 */
export const standard: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
};

/** Maintenance over many documents (a scheduled clean-up): longer per attempt, default retries. */
export const maintenance: ActivityOptions = { startToCloseTimeout: '5 minutes' };
