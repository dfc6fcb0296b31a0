/**
 * Recurring housekeeping as Temporal schedules, one per namespace and task queue. Created when
 * missing; an existing one whose definition differs from the code's (another interval, another
 * workflow) is updated, so a changed definition reaches running installations on the next start.
 */
import { createHash } from 'node:crypto';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';

export const attachmentCleanupScheduleId = (taskQueue: string) => `amtsweg-attachment-cleanup-${taskQueue}`;
export const citizenLimitPurgeScheduleId = (taskQueue: string) => `amtsweg-citizen-limit-purge-${taskQueue}`;
export const staffSignInPurgeScheduleId = (taskQueue: string) => `amtsweg-staff-sign-in-purge-${taskQueue}`;

export function scheduleDefinitions(taskQueue: string): ScheduleOptions[] {
  return [{
    scheduleId: attachmentCleanupScheduleId(taskQueue),
    spec: { intervals: [{ every: '1h' }] },
    action: { type: 'startWorkflow', workflowType: 'staleAttachmentCleanupWorkflow', taskQueue, workflowId: `attachment-cleanup-${taskQueue}` },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  }, {
    // The citizen side's rate-limit windows, mail confirmations and guess counts that no longer count.
    scheduleId: citizenLimitPurgeScheduleId(taskQueue),
    spec: { intervals: [{ every: '1h' }] },
    action: { type: 'startWorkflow', workflowType: 'citizenLimitPurgeWorkflow', taskQueue, workflowId: `citizen-limit-purge-${taskQueue}` },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  }, {
    // Staff sessions that ended, sign-in attempts and tallies older than a day, used TOTP steps (store/accounts/sign-in-purge.ts).
    scheduleId: staffSignInPurgeScheduleId(taskQueue),
    spec: { intervals: [{ every: '1h' }] },
    action: { type: 'startWorkflow', workflowType: 'staffSignInPurgeWorkflow', taskQueue, workflowId: `staff-sign-in-purge-${taskQueue}` },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
  }];
}

/** The schedule's note carries a hash of its definition: equal hash, nothing to update. */
const noteOf = (definition: ScheduleOptions) =>
  `amtsweg definition ${createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16)}`;

export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  for (const definition of scheduleDefinitions(taskQueue)) {
    const note = noteOf(definition);
    try {
      await client.schedule.create({ ...definition, state: { note } });
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      const handle = client.schedule.getHandle(definition.scheduleId);
      if ((await handle.describe()).state.note === note) continue;
      await handle.update((previous) => ({
        spec: definition.spec, action: definition.action, policies: definition.policies,
        state: { ...previous.state, note },
      }));
    }
  }
}
