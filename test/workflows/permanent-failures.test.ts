/**
 * Failures that should end, not retry forever (issue 12, item 10), on the time-skipping
 * server with the real activities: a relay that refuses the address for good (a small SMTP
 * server answering 550, since MailDev accepts everything) ends as a recorded "could not be
 * sent" and the case goes on; a relay that hangs never holds up the citizen's hearing answer;
 * a notice without addressee fails at once, non-retryable.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/common';
import { createActivities } from '../../activities';
import { SmtpMailer } from '../../adapters/mail/mailer';
import { caseOpenedUpdate } from '../../workflows/dog-tax/shared';
import { dogRegistrationWorkflow } from '../../workflows/dog-tax/registration';
import { parkingTicketWorkflow } from '../../workflows/parking-ticket/workflow';
import { draftExpiryWorkflow } from '../../workflows/drafts/draft-expiry';
import { DRAFT_LIFETIME_MS, draftWorkflowId } from '../../workflows/drafts/shared';
import { registrationUpdate, type ParkingTicketInput } from '../../workflows/parking-ticket/shared';
import { fineProceedingsWorkflowId, hearingAnswerUpdate, NO_ADDRESSEE } from '../../workflows/fine-proceedings/shared';
import { paymentDeadline } from '../../domain/berlin-time';
import { actionText } from '../../server/use-cases/cases/case-texts';
import { eventually } from '../support/eventually';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import type { ActivityEnv } from '../support/activity-env';

const ts = useTimeSkippingEnv('workflow_permanent_failures');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
let refusing: SmtpTestServer;
let silent: SmtpTestServer;
beforeAll(async () => {
  ({ env, db } = ts);
  refusing = await startSmtpTestServer('refuse-recipient');
  silent = await startSmtpTestServer('silent');
});
afterAll(async () => {
  await refusing?.close();
  await silent?.close();
});

const withMailer = (url: string) => (deps: ActivityEnv['deps']) => createActivities({ ...deps, mailer: new SmtpMailer(url, 'Stadt Hagen <test@hagen.example>') });

describe('a relay that refuses the address for good', () => {
  it('when the relay answers 550 for the holder\'s address, then the dog is registered, each refused mail is recorded once and the status page says so', async () => {
    await ts.withWorker(async (taskQueue) => {
      const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'erika@exampel.org' };
      const handle = await env.client.workflow.start(dogRegistrationWorkflow, { taskQueue, workflowId: `dog-tax-registration-test-${randomUUID()}`, args: [{
        formId: 'dog-tax-registration', formVersion: 1,
        submission: { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-01-15' },
      }] });
      const { caseNumber } = await handle.executeUpdate(caseOpenedUpdate);
      const result = await handle.result();
      expect(result.status).toBe('registered');
      const audit = await db.model.audit.find({ caseNumber }).sort({ at: 1 }).lean();
      const actions = audit.map((a) => a.action);
      expect(actions.filter((a) => a === 'dog-tax.mail-undeliverable')).toHaveLength(2); // the receipt and the tax notice
      expect(actions).not.toContain('dog-tax.receipt-sent');
      expect(actions).not.toContain('dog-tax.tax-notice-sent');
      expect(audit.find((a) => a.action === 'dog-tax.mail-undeliverable')?.details).toMatchObject({ mail: 'dog-tax-receipt', smtp: 550 });
      expect(JSON.stringify(audit)).not.toContain('exampel.org'); // no address in the trail
      expect(actionText('dog-tax.mail-undeliverable').de).toMatch(/nicht zugestellt/);
    }, withMailer(refusing.url));
  });
});

describe('a draft link the relay refuses for good', () => {
  it('when the relay answers 550 for the draft\'s address, then the link is not retried and the draft is still deleted at 7 days', async () => {
    await ts.withWorker(async (taskQueue) => {
      const draftId = randomUUID();
      const expiresAt = new Date((await env.currentTimeMs()) + DRAFT_LIFETIME_MS);
      await db.deps.drafts.create({ draftId, formId: 'dog-tax-registration', formVersion: 1, data: {}, expiresAt });
      const handle = await env.client.workflow.start(draftExpiryWorkflow, { taskQueue, workflowId: draftWorkflowId(draftId), args: [{
        draftId, formId: 'dog-tax-registration', formVersion: 1, email: 'someone@exampel.org', expiresAt: expiresAt.toISOString() }] });
      await env.sleep(DRAFT_LIFETIME_MS + 60_000);
      expect(await handle.result()).toEqual({ outcome: 'expired' });
      expect(await db.deps.drafts.find(draftId)).toBeNull();
      const attempts = (await handle.fetchHistory()).events?.filter((e) => e.activityTaskStartedEventAttributes).map((e) => e.activityTaskStartedEventAttributes!.attempt);
      expect(attempts?.every((a) => a === 1)).toBe(true); // no activity was retried
    }, withMailer(refusing.url));
  });
});

describe('mail is never sent inside an Update', () => {
  it('when the relay hangs, then the hearing answer is still answered within seconds (the confirmation is its own step)', async () => {
    await ts.withWorker(async (taskQueue) => {
      const observedAt = new Date(await env.currentTimeMs());
      const input: ParkingTicketInput = {
        requestFingerprint: 'fp', plate: 'HA-MM 4711', place: 'Friedrich-Ebert-Platz, Hagen', observedAt: observedAt.toISOString(), recordedBy: 'warden-test',
        offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 },
      };
      const handle = await env.client.workflow.start(parkingTicketWorkflow, { taskQueue, workflowId: `parking-ticket-test-${randomUUID()}`, args: [input] });
      await handle.executeUpdate(registrationUpdate, { args: [{ requestFingerprint: 'fp' }] });
      await env.sleep(paymentDeadline(observedAt, 7).getTime() + 60_000 - (await env.currentTimeMs()));
      const proceedings = env.client.workflow.getHandle(fineProceedingsWorkflowId(handle.workflowId));
      await eventually(async () => (await proceedings.describe().catch(() => undefined)) !== undefined, 'the Bußgeldverfahren');
      const started = Date.now();
      const answered = await proceedings.executeUpdate(hearingAnswerUpdate, { args: [{
        person: { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
        facts: 'admits', email: `hearing-${randomUUID()}@example.org`,
      }] });
      expect(answered).toEqual({ status: 'decision_pending' });
      expect(Date.now() - started).toBeLessThan(5_000);
      // The confirmation waits on the relay meanwhile; let it fail (and retry later) so the worker can stop.
      await eventually(async () => silent.sockets.size > 0, 'the mail activity talking to the relay');
      for (const socket of silent.sockets) socket.destroy();
      await handle.terminate('test done');
    }, withMailer(silent.url));
  });
});

describe('a notice without addressee', () => {
  it('when nobody can receive the notice, then issuing it fails at once and for good (no retry)', async () => {
    const activities = createActivities(db.deps);
    // Raw insert, `_id` = the ticket number: only the ticket the activity reads.
    await db.model.tickets.collection.insertOne({ _id: 'VG-2026-999999' as never, workflowId: 'wf-no-addressee', ticketNumber: 'VG-2026-999999', reference: 'RF18VG2026999999', accessCodeHash: 'none',
      status: 'holder_unknown', plate: 'HA-ZZ 999', place: 'Hagen', observedAt: new Date(), paymentDeadline: new Date(),
      offence: { code: '141312', titleDe: 'Parken im absoluten Haltverbot', titleEn: 'Parking in a no-stopping zone', amountCents: 2500 } });
    const error = await new MockActivityEnvironment().run(activities.issueNotice, {
      ticketNumber: 'VG-2026-999999', kind: 'cost_notice' as const, fineCents: 2500, decidedAt: new Date().toISOString(),
      holder: null, answer: null, decidedBy: 'caseworker-1', workflowId: 'wf', runId: 'run',
    }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect((error as ApplicationFailure).type).toBe(NO_ADDRESSEE);
    expect((error as ApplicationFailure).nonRetryable).toBe(true);
  });
});
