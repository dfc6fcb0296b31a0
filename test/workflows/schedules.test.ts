/**
 * Schedules follow the code (issue 12): against the real dev server (the time-skipping server
 * has no schedules), a schedule created by an older definition is updated on the next start,
 * and an unchanged one is left as it is.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { attachmentCleanupScheduleId, ensureSchedules } from '../../temporal/schedules';
import { stack } from '../support/env';

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
});
afterAll(async () => {
  await connection?.close();
});

const HOUR = 3_600_000;

describe('schedules', () => {
  it('when a schedule exists with an older definition, then the next start updates it; an unchanged one is not touched', async () => {
    const taskQueue = `tq-schedules-${randomUUID()}`;
    const handle = await client.schedule.create({
      scheduleId: attachmentCleanupScheduleId(taskQueue),
      spec: { intervals: [{ every: '6h' }] },
      action: { type: 'startWorkflow', workflowType: 'oldCleanupWorkflow', taskQueue, workflowId: `attachment-cleanup-${taskQueue}` },
      policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL },
      state: { paused: true },
    });
    try {
      await ensureSchedules(client, taskQueue);
      const updated = await handle.describe();
      expect(updated.spec.intervals?.map((i) => i.every)).toEqual([HOUR]);
      expect(updated.action).toMatchObject({ type: 'startWorkflow', workflowType: 'staleAttachmentCleanupWorkflow' });
      expect(updated.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
      expect(updated.state.paused).toBe(true); // an operator's pause stays

      await ensureSchedules(client, taskQueue);
      const again = await handle.describe();
      expect(again.info.lastUpdatedAt?.getTime()).toBe(updated.info.lastUpdatedAt?.getTime());
    } finally {
      await handle.delete();
    }
  });
});
