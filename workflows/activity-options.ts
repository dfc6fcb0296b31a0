/**
 * Activity options by kind of activity, one place for every workflow. Workflows proxy their
 * activities with one of these instead of spelling out timeouts and retries each time.
 */
import type { ActivityOptions } from '@temporalio/workflow';
import { NO_ADDRESSEE } from './fine-proceedings/shared';

/**
 * A step of a case: a database write, a registry look-up, a PDF rendered and e-mailed. Seconds
 * each; every such activity is idempotent, so it is retried with backoff for as long as a
 * dependency (database, SMTP, registry) is down — the case waits rather than fails, and no
 * attempt limit would be right for an outage of unknown length. What can never succeed is not
 * retried: activities throw it as a non-retryable ApplicationFailure (a refused e-mail address
 * is recorded instead, activities/mail), and the types named here are non-retryable whoever throws them.
 */
export const standard: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: [NO_ADDRESSEE] },
};

/**
 * A step somebody's request waits for — every activity an Update handler awaits, or that
 * produces what an Update returns (a warden's ticket number, a case number, a recorded hearing
 * answer, a caseworker's decision): retried like `standard`, but never more than 5 s apart, so
 * it goes through within seconds of a database that is back.
 * With `standard`'s backoff a registration that failed through a 20-second outage waited 32 s
 * (or more) for its next attempt, and the warden's retries with the same key got 503 meanwhile
 * (seen in the database-stopped chaos test in CI).
 */
export const someoneWaits: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { ...standard.retry, maximumInterval: '5 seconds' },
};

/** Maintenance over many documents (a scheduled clean-up): longer per attempt; a few tries, the schedule runs it again within the hour. */
export const maintenance: ActivityOptions = { startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 5 } };
