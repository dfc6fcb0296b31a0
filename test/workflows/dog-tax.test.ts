/**
 * The three Hundesteuer workflows on Temporal's time-skipping test server, with the real
 * activities against the embedded database, the sandbox resident registry over HTTP and MailDev.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { caseOpenedUpdate, decideExemptionUpdate, exemptionStateQuery } from '../../workflows/dog-tax/shared';
import { dogRegistrationWorkflow } from '../../workflows/dog-tax/registration';
import { dogDeregistrationWorkflow } from '../../workflows/dog-tax/deregistration';
import { dogTaxExemptionWorkflow } from '../../workflows/dog-tax/exemption';
import type { RegisterDogSubmission } from '../../forms/dog-tax/register-dog.form';
import { mailsTo, type ActivityEnv } from '../support/activity-env';
import { useTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';

const ts = useTimeSkippingEnv('workflow_dog_tax');
let env: TestWorkflowEnvironment;
let db: ActivityEnv;
beforeAll(() => {
  ({ env, db } = ts);
});

const DAY = 86_400_000;
const HOLDERS = {
  erika: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095' },
  max: { familyName: 'Mustermann', givenName: 'Max', birthDate: '1962-03-01', street: 'Körnerstraße 5', postalCode: '58095' },
  anna: { familyName: 'Beispiel', givenName: 'Anna', birthDate: '1988-11-23', street: 'Boeler Straße 88', postalCode: '58097' },
  leyla: { familyName: 'Probst', givenName: 'Leyla', birthDate: '1991-02-14', street: 'Lange Straße 23', postalCode: '58089' },
  sven: { familyName: 'Muster', givenName: 'Sven', birthDate: '1980-05-05', street: 'Hauptstraße 1', postalCode: '58256' },
};
type Holder = (typeof HOLDERS)[keyof typeof HOLDERS] & { email: string };
const withMail = (h: (typeof HOLDERS)[keyof typeof HOLDERS]): Holder => ({ ...h, email: `${h.givenName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org` });

const withWorker = <T>(fn: (taskQueue: string) => Promise<T>): Promise<T> => ts.withWorker(fn);

async function register(taskQueue: string, holder: Holder, dog: Partial<RegisterDogSubmission['dog']> = {}, keptSince = '2026-01-15') {
  const handle = await env.client.workflow.start(dogRegistrationWorkflow, { taskQueue, workflowId: `dog-tax-registration-test-${randomUUID()}`, args: [{
    formId: 'dog-tax-registration', formVersion: 1,
    submission: { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male', ...dog }, keepingStart: 'acquired', keptSince },
  }] });
  const { caseNumber } = await handle.executeUpdate(caseOpenedUpdate);
  return { handle, caseNumber, result: await handle.result() };
}

describe('Hundesteuer workflows (time skipping)', () => {
  it('when a resident registers a dog, then a tag number is issued, the tax assessed pro rata and the notice e-mailed', async () => {
    await withWorker(async (taskQueue) => {
      const holder = withMail(HOLDERS.erika);
      const { caseNumber, result } = await register(taskQueue, holder);
      expect(caseNumber).toMatch(/^HST-\d{4}-\d{6}$/);
      expect(result.status).toBe('registered');
      expect(result.tagNumber).toMatch(/^HSM-\d{4}-\d{4}$/);
      // Taken in on 15 January → liable from 1 February: 11 of 12 months of 180 €.
      expect(result.assessment).toMatchObject({ annualCents: 18000, category: 'one_dog', liableFrom: '2026-02-01', year: 2026, yearCents: 16500 });
      const record = await db.model.dogTaxCases.findOne({ caseNumber }).lean();
      expect(record).toMatchObject({ status: 'registered', formId: 'dog-tax-registration', formVersion: 1, residentId: 'HA-R-0001', tagNumber: result.tagNumber });
      const mail = await eventually(async () => (await mailsTo(holder.email)).find((m) => m.subject.startsWith('Hundesteuerbescheid')), 'the tax notice e-mail');
      expect(mail.subject).toContain(caseNumber);
      expect(mail.text).toContain(result.tagNumber!);
      expect(mail.text).toContain('165,00 €');
      const doc = await db.model.documents.findById(record!.noticeDocumentId).lean();
      expect(doc?.contentType).toBe('application/pdf');
      const audit = await db.model.audit.find({ caseNumber }).sort({ at: 1 }).lean();
      expect(audit.map((a) => a.action)).toEqual(['dog-tax-registration.received', 'receipt.sent', 'dog.registered', 'tax_notice.sent']);
      // The first step confirmed receipt: case number, status link and the PDF of what was submitted.
      const receipt = (await mailsTo(holder.email)).find((m) => m.subject.startsWith('Eingangsbestätigung'))!;
      expect(receipt.subject).toContain(caseNumber);
      expect(receipt.text).toMatch(new RegExp(`/vorgang/${caseNumber}\\?token=[A-Za-z0-9_-]{22}`));
      expect(receipt.attachments?.map((a) => a.contentType)).toEqual(['application/pdf']);
    });
  });

  it('when the holder is no resident of Hagen, then the registration is rejected by e-mail and no tag is issued', async () => {
    await withWorker(async (taskQueue) => {
      const holder = withMail(HOLDERS.sven);
      const { caseNumber, result } = await register(taskQueue, holder);
      expect(result).toMatchObject({ status: 'rejected_not_resident' });
      expect(result.tagNumber).toBeUndefined();
      expect((await db.model.dogTaxCases.findOne({ caseNumber }).lean())?.tagNumber).toBeUndefined();
      const mail = await eventually(async () => (await mailsTo(holder.email)).find((m) => m.subject.startsWith('Hundesteuer:')), 'the rejection e-mail');
      expect(mail.subject).toContain('nicht möglich');
      expect(mail.text).toContain('keine Steuermarke');
    });
  });

  it('when a resident registers a second dog, then it is taxed at the two-dog rate of 210 €', async () => {
    await withWorker(async (taskQueue) => {
      const holder = withMail(HOLDERS.max);
      const first = await register(taskQueue, holder);
      const second = await register(taskQueue, holder, { name: 'Luna', breed: 'Rottweiler', sex: 'female' }, '2026-06-20');
      expect(first.result.assessment).toMatchObject({ annualCents: 18000, dogsInHousehold: 1 });
      // A listed breed costs no more in Hagen; 6 months (July–December) of 210 €.
      expect(second.result.assessment).toMatchObject({ annualCents: 21000, category: 'two_dogs', dogsInHousehold: 2, yearCents: 10500 });
      expect(second.result.tagNumber).not.toBe(first.result.tagNumber);
    });
  });

  it('when a dog is deregistered, then liability ends at the end of that month, the rest is refunded and a second deregistration is refused', async () => {
    await withWorker(async (taskQueue) => {
      const holder = withMail(HOLDERS.anna);
      const { caseNumber: registrationCase, result } = await register(taskQueue, holder, {}, '2026-03-10');
      const deregister = async (over: Record<string, unknown> = {}) => env.client.workflow.execute(dogDeregistrationWorkflow, {
        taskQueue, workflowId: `dog-tax-deregistration-test-${randomUUID()}`, args: [{ formId: 'dog-tax-deregistration', formVersion: 1,
          submission: { tagNumber: result.tagNumber!, holder, reason: 'died' as const, endedOn: '2026-06-12', ...over } }] });
      expect((await deregister({ holder: { ...holder, birthDate: '1988-11-24' } })).status).toBe('rejected_unknown_tag');
      const done = await deregister();
      expect(done.status).toBe('deregistered');
      // Liable April–June of the 9 months assessed: 45 € owed, 90 € refunded.
      expect(done.settlement).toEqual({ liableUntil: '2026-06-30', year: 2026, owedCents: 4500, assessedCents: 13500, refundCents: 9000 });
      expect(await db.model.dogTaxCases.findOne({ caseNumber: registrationCase }).lean()).toMatchObject({ status: 'deregistered', liableUntil: '2026-06-30' });
      const mail = await eventually(async () => (await mailsTo(holder.email)).find((m) => m.subject.includes('Abmeldung Hundesteuer /')), 'the deregistration notice');
      expect(mail.text).toContain('90,00 €');
      expect((await deregister()).status).toBe('rejected_already_deregistered');
    });
  });

  it('when an exemption is applied for, then it waits for the decision, flags it overdue after 30 days, and refuses a second decision', async () => {
    await withWorker(async (taskQueue) => {
      const holder = withMail(HOLDERS.leyla);
      const { result } = await register(taskQueue, holder);
      const handle = await env.client.workflow.start(dogTaxExemptionWorkflow, { taskQueue, workflowId: `dog-tax-exemption-test-${randomUUID()}`, args: [{
        formId: 'dog-tax-exemption', formVersion: 1, submission: { tagNumber: result.tagNumber!, holder, ground: 'social_benefits', evidenceIds: ['att-1'] } }] });
      const { caseNumber } = await handle.executeUpdate(caseOpenedUpdate);
      await eventually(async () => (await handle.query(exemptionStateQuery)).status === 'awaiting_decision', 'awaiting_decision');
      const refused = await handle.executeUpdate(decideExemptionUpdate, { args: [{ decision: 'maybe' as never, reason: 'x', by: 'finance-1' }] }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((refused as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'InvalidExemptionDecision' });
      await expect(handle.executeUpdate(decideExemptionUpdate, { args: [{ decision: 'granted', reason: '', by: 'finance-1' }] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);

      await env.sleep(30 * DAY - 60_000);
      expect(await db.model.audit.countDocuments({ caseNumber, action: 'exemption.overdue' })).toBe(0);
      await env.sleep(2 * 60_000);
      await eventually(() => db.model.audit.findOne({ caseNumber, action: 'exemption.overdue' }).lean(), 'the overdue audit event');
      expect(await eventually(async () => { const s = await handle.query(exemptionStateQuery); return s.status === 'decision_overdue' && s; }, 'overdue')).toMatchObject({ overdueReminders: 1 });

      const answer = await handle.executeUpdate(decideExemptionUpdate, { args: [{ decision: 'reduced', reason: 'Bescheid über Bürgergeld liegt vor', by: 'finance-1' }] });
      expect(answer).toEqual({ status: 'reduced', caseNumber });
      const second = await handle.executeUpdate(decideExemptionUpdate, { args: [{ decision: 'granted', reason: 'doch befreien', by: 'finance-2' }] }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(Error);
      const final = await handle.result();
      expect(final.decision).toMatchObject({ decision: 'reduced', annualCentsAfter: 9000 });
      expect(await db.model.dogTaxCases.findOne({ tagNumber: result.tagNumber, procedure: 'dog-tax-registration' }).lean()).toMatchObject({ exemption: { decision: 'reduced', annualCentsAfter: 9000 } });
      const mail = await eventually(async () => (await mailsTo(holder.email)).find((m) => m.subject.includes('Entscheidung')), 'the decision notice');
      expect(mail.text).toContain('90,00 €');
      const actions = (await db.model.audit.find({ caseNumber }).sort({ at: 1 }).lean()).map((a) => a.action);
      expect(actions).toEqual(['dog-tax-exemption.received', 'receipt.sent', 'exemption.awaiting_decision', 'exemption.overdue', 'exemption.reduced']);
    });
  });
});
