/**
 * The ticket's week across the daylight-saving changes, on Temporal's time-skipping server
 * with the real activities: a ticket written on the Saturday before the last Sunday of March
 * (a 23-hour day follows) and of October (a 25-hour day follows) gets its letter at 00:00
 * Berlin on day 8 — not a minute before, and not an hour off. The expected instants are
 * computed here from the calendar, not by the code under test.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { registrationUpdate, ticketStateQuery, type ParkingTicketInput } from '../../workflows/parking-ticket/shared';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import type { ActivityEnv } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { useTimeSkippingEnv } from '../support/time-skipping';

const ts = useTimeSkippingEnv('workflow_daylight_saving');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The Saturday before the last Sunday of a month (0-based), as its UTC calendar date. */
function saturdayBeforeLastSunday(year: number, month: number): { year: number; month: number; day: number } {
  const last = new Date(Date.UTC(year, month + 1, 0));
  const sunday = last.getUTCDate() - last.getUTCDay();
  return { year, month, day: sunday - 1 };
}

/**
 * Berlin is UTC+1 in winter and UTC+2 in summer; the switches are at 01:00 UTC on the last
 * Sunday of March and of October. `observedAt` is 12:00 Berlin on the Saturday before; the
 * week ends at 00:00 Berlin eight calendar days later (7 days after the offence day, exclusive).
 */
function caseAround(switchMonth: 2 | 9, notBefore: number) {
  let year = new Date(notBefore).getUTCFullYear();
  for (;;) {
    const sat = saturdayBeforeLastSunday(year, switchMonth);
    const offsetBefore = switchMonth === 2 ? 1 : 2;
    const offsetAfter = switchMonth === 2 ? 2 : 1;
    const observedAt = Date.UTC(sat.year, sat.month, sat.day, 12 - offsetBefore);
    const weekEnds = Date.UTC(sat.year, sat.month, sat.day + 8, 0 - offsetAfter);
    if (observedAt > notBefore + HOUR) return { observedAt, weekEnds };
    year += 1;
  }
}

function ticketInput(plate: string, observedAt: number): ParkingTicketInput {
  return {
    requestFingerprint: `fp-${plate}`,
    offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
    plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(observedAt).toISOString(), recordedBy: 'warden-test',
  };
}

describe('ParkingTicket week across daylight-saving changes (time skipping)', () => {
  it.each([
    ['March (clocks go forward: the week is 1 hour shorter)', 2 as const, 'HA-MM 4711'],
    ['October (clocks go back: the week is 1 hour longer)', 9 as const, 'HA-XY 42'],
  ])('when a ticket is written on the Saturday before the last Sunday of %s, then no letter goes out before 00:00 Berlin on day 8, and one does right after', async (_, month, plate) => {
    await ts.withWorker(async (taskQueue) => {
      const { observedAt, weekEnds } = caseAround(month, await env.currentTimeMs());
      // 7 × 24 h plus the rest of the Saturday, give or take the switched hour.
      expect(weekEnds - observedAt).toBe(8 * DAY - 12 * HOUR + (month === 2 ? -HOUR : HOUR));
      await env.sleep(observedAt - (await env.currentTimeMs()));
      const handle = await env.client.workflow.start(parkingTicketWorkflow, {
        taskQueue, workflowId: `parking-ticket-dst-${randomUUID()}`, args: [ticketInput(plate, observedAt)],
      });
      try {
        const registration = await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: `fp-${plate}` }] });
        expect(registration.paymentDeadline).toBe(new Date(weekEnds).toISOString());

        await env.sleep(weekEnds - MINUTE - (await env.currentTimeMs()));
        expect((await handle.query(ticketStateQuery)).status).toBe('open');
        expect(await db.model.outbox.countDocuments({ caseNumber: registration.ticketNumber })).toBe(0);

        await env.sleep(weekEnds + MINUTE - (await env.currentTimeMs()));
        const letter = await eventually(() => db.model.outbox.findOne({ caseNumber: registration.ticketNumber }).lean(), 'the letter on day 8');
        expect(letter).toMatchObject({ kind: 'warning_letter', status: 'queued' });
        await eventually(async () => (await handle.query(ticketStateQuery)).status === 'letter_sent', 'letter_sent');
      } finally {
        // The ticket and its Bußgeldverfahren end here: a run left waiting would hold the next test's skipped clock.
        await env.client.workflow.getHandle(fineProceedingsWorkflowId(handle.workflowId)).terminate('Testende').catch(() => undefined);
        await handle.terminate('Testende').catch(() => undefined);
      }
    });
  });
});
