/** Recurring housekeeping as Temporal schedules, created once per namespace and task queue. */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const attachmentCleanupScheduleId = (taskQueue: string) => `amtsweg-attachment-cleanup-${taskQueue}`;

export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: attachmentCleanupScheduleId(taskQueue),
      spec: { intervals: [{ every: '1h' }] },
      action: { type: 'startWorkflow', workflowType: 'staleAttachmentCleanupWorkflow', taskQueue, workflowId: `attachment-cleanup-${taskQueue}` },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
