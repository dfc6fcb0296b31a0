/**
 * Deletes uploads that no submitted case claimed within 24 hours (a person uploaded evidence,
 * then never sent the form). Started every hour by a Temporal schedule
 * (`temporal/schedules.ts`), because FerretDB has no TTL indexes.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { createAttachmentActivities } from '../../activities/attachments';
import { maintenance } from '../activity-options';

export const STALE_AFTER_HOURS = 24;

const act = proxyActivities<ReturnType<typeof createAttachmentActivities>>(maintenance);

export async function staleAttachmentCleanupWorkflow(): Promise<{ deleted: number }> {
  return act.deleteStaleAttachments({ olderThanHours: STALE_AFTER_HOURS });
}
