/**
 * The three Hundesteuer workflows on Temporal's time-skipping test server, with the real
 * activities against the embedded database, the sandbox resident registry over HTTP and MailDev.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { caseOpenedUpdate, exemptionStateQuery } from '../../workflows/dog-tax/shared';
import { completeTaskUpdate, TASK_ERRORS, taskIdOf } from '../../workflows/tasks/shared';
import { staffAccountModel } from '../../store/accounts/staff-accounts';
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
      expect(audit.map((a) => a.action)).toEqual(['dog-tax.registration-received', 'dog-tax.receipt-sent', 'dog-tax.registered', 'dog-tax.tax-notice-sent']);
      // The first step confirmed receipt: case number, status link and the PDF of what was submitted.
      const receipt = (await mailsTo(holder.email)).find((m) => m.subject.startsWith('Eingangsbestätigung'))!;
      expect(receipt.subject).toContain(caseNumber);
      expect(receipt.text).toMatch(new RegExp(`/vorgang/${caseNumber}#[A-Za-z0-9_-]{22}`));
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

  it('when an exemption is applied for, then the tax office gets an inbox task that escalates after 30 days, and the decision is booked once', async () => {
    await withWorker(async (taskQueue) => {
      const lead = { id: `lead-${randomUUID().slice(0, 6)}`, email: `steueramt-${randomUUID().slice(0, 8)}@hagen.example` };
      await staffAccountModel(db.conn).create({ _id: lead.id, displayName: 'Karin Becker', email: lead.email, roles: ['caseworker'],
        departments: ['tax-office'], leadOf: ['tax-office'], passwordHash: 'not-used' });
      const holder = withMail(HOLDERS.leyla);
      const { result } = await register(taskQueue, holder);
      const handle = await env.client.workflow.start(dogTaxExemptionWorkflow, { taskQueue, workflowId: `dog-tax-exemption-test-${randomUUID()}`, args: [{
        formId: 'dog-tax-exemption', formVersion: 1, submission: { tagNumber: result.tagNumber!, holder, ground: 'social_benefits', evidenceIds: ['att-1'] } }] });
      const { caseNumber } = await handle.executeUpdate(caseOpenedUpdate);
      await eventually(async () => (await handle.query(exemptionStateQuery)).status === 'awaiting_decision', 'awaiting_decision');
      const taskId = taskIdOf(handle.workflowId, 'exemption-decision');
      const task = await eventually(() => db.model.tasks.findById(taskId).lean(), 'the inbox task');
      expect(task).toMatchObject({ department: 'tax-office', procedure: 'dog-tax', caseNumber, status: 'open', type: 'dog-tax.exemption-decision',
        caseData: { tagNumber: result.tagNumber, ground: 'social_benefits', registered: true, evidenceCount: 1 } });
      // Due in 30 days of workflow time (the test server's clock, skipped ahead by earlier tests).
      const dueInDays = (new Date(task!.dueAt).getTime() - (await env.currentTimeMs())) / DAY;
      expect(Math.round(dueInDays)).toBe(30);

      const complete = (decision: Record<string, unknown>, by = 'k.becker') =>
        handle.executeUpdate(completeTaskUpdate, { args: [{ taskId, decision: decision as never, by }] }).catch((e: unknown) => e);
      expect(((await complete({ outcome: 'maybe', reason: 'x' })) as WorkflowUpdateFailedError).cause).toMatchObject({ type: TASK_ERRORS.invalidDecision });
      expect(((await complete({ outcome: 'granted' })) as WorkflowUpdateFailedError).cause).toMatchObject({ type: TASK_ERRORS.invalidDecision });

      await env.sleep(30 * DAY - 60_000);
      expect(await db.model.audit.countDocuments({ caseNumber, action: 'task.escalated' })).toBe(0);
      expect((await db.model.tasks.findById(taskId).lean())?.overdue).toBe(false);
      await env.sleep(2 * 60_000);
      await eventually(async () => (await db.model.tasks.findById(taskId).lean())?.overdue === true, 'the task marked overdue');
      const overdueMail = await eventually(async () => (await mailsTo(lead.email)).find((m) => m.text.includes(caseNumber) || m.subject.includes(caseNumber)), 'the lead e-mail');
      expect(overdueMail.text).toContain('/dienst/aufgaben/');

      expect(await complete({ outcome: 'reduced', reason: 'Bescheid über Bürgergeld liegt vor' })).toEqual({ taskId, status: 'completed' });
      expect(((await complete({ outcome: 'granted', reason: 'doch befreien' }, 'someone-else')) as WorkflowUpdateFailedError).cause).toMatchObject({ type: TASK_ERRORS.taskNotOpen });
      const final = await handle.result();
      expect(final.decision).toMatchObject({ decision: 'reduced', by: 'k.becker', annualCentsAfter: 9000 });
      expect(await db.model.tasks.findById(taskId).lean()).toMatchObject({ status: 'completed', decidedBy: 'k.becker', decision: { outcome: 'reduced' } });
      expect(await db.model.dogTaxCases.findOne({ tagNumber: result.tagNumber, procedure: 'dog-tax-registration' }).lean()).toMatchObject({ exemption: { decision: 'reduced', annualCentsAfter: 9000 } });
      const mail = await eventually(async () => (await mailsTo(holder.email)).find((m) => m.subject.includes('Entscheidung')), 'the decision notice');
      expect(mail.text).toContain('90,00 €');
      const audit = await db.model.audit.find({ caseNumber }).sort({ at: 1 }).lean();
      expect(audit.map((a) => a.action)).toEqual(['dog-tax.exemption-received', 'dog-tax.receipt-sent', 'dog-tax.exemption-awaiting-decision', 'task.opened', 'task.escalated', 'task.completed', 'dog-tax.exemption-reduced']);
      expect(audit.find((a) => a.action === 'task.completed')?.actor).toBe('k.becker');
      expect(audit.find((a) => a.action === 'dog-tax.exemption-reduced')?.actor).toBe('k.becker');
    });
  });
});
