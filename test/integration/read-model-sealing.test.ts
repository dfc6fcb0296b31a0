/**
 * Personal data in the read model is sealed at rest like the drafts (issue 9): a dog-tax
 * submission (name, birth date, address, IBAN) and a hearing answer are stored as AES-GCM ciphertext bound to its case;
 * the store opens it for the workflow's activities and the staff, and a copy moved into another
 * case does not open. Cases stored before sealing still read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { caseOf, findCaseOfWorkflow, openCase, recordRegistrationTag, registrationFor } from '../../store/dog-tax/case-store';
import { startTestSystem } from '../support/system';
import { createActivities } from '../../activities';
import { activityDepsOf } from '../../workers/activity-deps';
import { answerOf, fineCases } from '../../store/fine-proceedings/fine-case';

let app: RunningSystem;

beforeAll(async () => {
  app = await startTestSystem('read_model_sealing');
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

const submission = {
  holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1970-01-02', street: 'Elberfelder Straße 1', postalCode: '58095', city: 'Hagen', iban: 'DE02120300000000202051' },
  dog: { name: 'Bello' },
};

describe('dog-tax submissions at rest', () => {
  it('when a case is opened, then the stored submission is ciphertext; the store reads it back; a copy in another case does not open', async () => {
    const { caseNumber } = await openCase(app.system.model, { workflowId: 'dog-tax-sealing-1', runId: 'r1', procedure: 'dog-tax-registration', input: { formId: 'register-dog', formVersion: 1, submission } });
    const raw = await app.system.conn.collection('dog_tax_cases').findOne({ _id: caseNumber } as never);
    const stored = JSON.stringify(raw);
    for (const plain of ['Mustermann', 'Erika', '1970-01-02', 'Elberfelder', 'DE02120300000000202051', 'Bello']) expect(stored).not.toContain(plain);
    expect(raw!.submission).toMatchObject({ v: 1, k: expect.any(String) });

    expect((await caseOf(app.system.model, caseNumber)).submission).toEqual(submission);
    expect((await findCaseOfWorkflow(app.system.model, 'dog-tax-sealing-1'))!.submission).toEqual(submission);

    // Moved into another case's document, the ciphertext does not open (bound to its case number).
    const { caseNumber: other } = await openCase(app.system.model, { workflowId: 'dog-tax-sealing-2', runId: 'r2', procedure: 'dog-tax-registration', input: { formId: 'register-dog', formVersion: 1, submission: { holder: { familyName: 'X' } } } });
    await app.system.conn.collection('dog_tax_cases').updateOne({ _id: other } as never, { $set: { submission: raw!.submission } });
    await expect(caseOf(app.system.model, other)).rejects.toThrow();
  });

  it('a registration is still found by tag, name and birth date; a case stored in clear before sealing still reads', async () => {
    const { caseNumber } = await openCase(app.system.model, { workflowId: 'dog-tax-sealing-3', runId: 'r3', procedure: 'dog-tax-registration', input: { formId: 'register-dog', formVersion: 1, submission } });
    await recordRegistrationTag(app.system.model, caseNumber, { tagNumber: 'HA-SEAL-1' });
    expect((await registrationFor(app.system.model, { tagNumber: 'HA-SEAL-1', holder: { familyName: 'mustermann', birthDate: '1970-01-02' } }))?._id).toBe(caseNumber);
    expect(await registrationFor(app.system.model, { tagNumber: 'HA-SEAL-1', holder: { familyName: 'Muster', birthDate: '1970-01-02' } })).toBeNull();

    await app.system.conn.collection('dog_tax_cases').updateOne({ _id: caseNumber } as never, { $set: { submission } });
    expect((await caseOf(app.system.model, caseNumber)).submission).toEqual(submission);
  });
});

describe('hearing answers at rest', () => {
  it('when the hearing answer is recorded, then the stored answer is ciphertext bound to the ticket; the store opens it (the answerer link reads its e-mail address)', async () => {
    const activities = createActivities(activityDepsOf(app.system));
    const answer = { person: { familyName: 'Muster', givenName: 'Max', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
      facts: 'denies', reasons: 'Ich war verreist.', email: 'max.muster@example.org' };
    await activities.recordHearingAnswer({ workflowId: 'fine-proceedings-SEAL-1', runId: 'r1', ticketNumber: 'SEAL-1', answer: answer as never });
    const raw = JSON.stringify(await app.system.conn.collection('fine_cases').findOne({ _id: 'SEAL-1' } as never));
    for (const plain of ['Muster', '1980-04-01', 'Körnerstraße', 'verreist', 'max.muster@example.org']) expect(raw).not.toContain(plain);
    const stored = await fineCases(app.system.conn).findById('SEAL-1').lean();
    expect(answerOf(app.system.conn, 'SEAL-1', stored!.answer)).toEqual(answer);
    expect(() => answerOf(app.system.conn, 'SEAL-2', stored!.answer)).toThrow();
  });
});
