/**
 * Schedules against the real dev server (the time-skipping server has no schedules): one
 * created by an older definition is updated on the next start, an unchanged one is left as it
 * is, and the hourly attachment cleanup it starts deletes what no case claimed within 24 hours.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { bundleWorkflows } from '../../workers/worker';
import { attachmentCleanupScheduleId, ensureSchedules } from '../../temporal/schedules';
import { createActivityEnv, type ActivityEnv } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { stack } from '../support/env';

let connection: Connection;
let client: Client;
let db: ActivityEnv;
beforeAll(async () => {
  connection = await Connection.connect({ address: stack.temporalAddress });
  client = new Client({ connection, namespace: 'default' });
  db = await createActivityEnv('workflow_schedules');
});
afterAll(async () => {
  await db?.close();
  await connection?.close();
});

const MINUTE = 60_000;

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

  it('when the hourly schedule starts the attachment cleanup, then an unclaimed upload of 24 h 01 min is deleted and one of 23 h 59 min is kept (so one is gone within 25 hours)', async () => {
    const taskQueue = `tq-cleanup-${randomUUID()}`;
    const nativeConnection = await NativeConnection.connect({ address: stack.temporalAddress });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle: await bundleWorkflows(), activities: createActivities(db.deps) });
    await ensureSchedules(client, taskQueue);
    const handle = client.schedule.getHandle(attachmentCleanupScheduleId(taskQueue));
    try {
      // Every hour, on the hour of its interval: the next runs are 1 h apart.
      const described = await handle.describe();
      expect(described.spec.intervals?.map((i) => i.every)).toEqual([HOUR]);
      const next = described.info.nextActionTimes.map((d) => d.getTime());
      expect(next.length).toBeGreaterThan(1);
      expect(next.slice(1).map((t, i) => t - next[i]!)).toEqual(next.slice(1).map(() => HOUR));

      await worker.runUntil((async () => {
        const upload = async (ageMs: number) => {
          const id = `att-${randomUUID()}`;
          const data = Buffer.from(`%PDF-1.4 ${id}`);
          await db.deps.attachments.put({ id, filename: 'nachweis.pdf', contentType: 'application/pdf', size: data.length, sha256: createHash('sha256').update(data).digest('hex'), createdAt: new Date(Date.now() - ageMs), data });
          return id;
        };
        const stale = await upload(24 * HOUR + MINUTE);
        const young = await upload(24 * HOUR - MINUTE);
        const claimedOld = await upload(48 * HOUR);
        await db.deps.attachments.link(claimedOld, 'HST-2026-000001');
        await handle.trigger();
        await eventually(async () => (await db.deps.attachments.info(stale)) === null, 'the 24 h 01 upload deleted', { tries: 300 });
        expect(await db.deps.attachments.info(young)).not.toBeNull();
        expect(await db.deps.attachments.info(claimedOld)).not.toBeNull();
        expect((await handle.describe()).info.recentActions.length).toBeGreaterThan(0);
      })());
    } finally {
      await handle.delete();
      await nativeConnection.close();
    }
  });
});
