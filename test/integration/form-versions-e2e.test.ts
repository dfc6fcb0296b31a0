/**
 * Issue 3's "done when": a process designer adds a field to the Hundesteuer Anmeldung and
 * publishes it; a citizen fills the new version; the case started with the old version is
 * untouched and keeps its version.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { caseOf } from '../../store/dog-tax/case-store';

let app: Awaited<ReturnType<typeof startTestSystem>>;
let designer: HttpClient;
let citizen: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_form_versions');
  designer = new HttpClient(app.baseUrl);
  await designer.signInStaff();
  citizen = new HttpClient(app.baseUrl);
});
afterAll(async () => {
  await app?.stop();
});

const holder = (email: string) => ({ familyName: 'Beispiel', givenName: 'Anna', birthDate: '1988-11-23', street: 'Boeler Straße 88', postalCode: '58097', email });
const registration = (dogName: string, extra: Record<string, unknown> = {}) => ({
  holder: holder(`anna-${randomUUID().slice(0, 6)}@example.org`), dog: { name: dogName, breed: 'Pudel', sex: 'female', ...extra }, keepingStart: 'acquired', keptSince: '2026-05-02',
});
const submit = (body: unknown, version: number) =>
  citizen.request('POST', '/api/forms/dog-tax-registration/submissions', body, { 'Idempotency-Key': `fv-${randomUUID()}`, 'Form-Version': String(version) });
// Through the data layer: the submission is sealed at rest and opened by caseOf.
const storedSubmission = async (caseNumber: string) => (await caseOf(app.system.model, caseNumber).catch(() => undefined)) as unknown as { formVersion: number; submission: { dog: Record<string, unknown> }; status: string };

describe('a designer changes the Anmeldung while cases run', () => {
  it('when v2 adds the dog insurance policy number, then the portal serves v2, new cases carry it, and the v1 case is untouched', async () => {
    const before = await submit(registration('Luna'), 1);
    expect(before.status).toBe(202);

    // The designer adds an optional field in the dog step, with texts in both languages.
    const current = (await designer.request('GET', '/api/forms/dog-tax-registration')).json;
    const draft = structuredClone({ schema: current.schema, uiSchema: current.uiSchema, texts: current.texts, note: 'Haftpflichtversicherung erfragen' });
    draft.schema.properties.dog.properties.insurancePolicy = { type: 'string', maxLength: 40 };
    draft.texts.de.fields['dog.insurancePolicy'] = { title: 'Nummer der Hundehaftpflichtversicherung' };
    draft.texts.en.fields['dog.insurancePolicy'] = { title: 'Dog liability insurance policy number' };
    const checked = (await designer.request('POST', '/api/forms/dog-tax-registration/check', draft)).json;
    expect(checked.publishable).toBe(true);
    expect(JSON.stringify(checked.diff)).toContain('insurancePolicy');
    const published = await designer.request('POST', '/api/forms/dog-tax-registration/versions', draft);
    expect(published.status).toBe(201);
    expect(published.json.version).toBe(2);
    expect((await citizen.request('GET', '/api/forms/dog-tax-registration')).json.schema.properties.dog.properties).toHaveProperty('insurancePolicy');

    // A citizen fills the new version; the same field sent against v1 is refused (v1 does not know it).
    const after = await submit(registration('Rex', { insurancePolicy: 'HV-123456' }), 2);
    expect(after.json).toMatchObject({ formVersion: 2 });
    const unknown = await submit(registration('Kira', { insurancePolicy: 'HV-999' }), 1);
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields.map((f: { field: string }) => f.field)).toEqual(['dog/insurancePolicy']);
    const old = await submit(registration('Kira'), 1);
    expect(old.json).toMatchObject({ formVersion: 1 });

    const v2Case = await eventually(async () => { const c = await storedSubmission(after.json.caseNumber); return c?.status === 'registered' && c; }, 'v2 case registered');
    expect(v2Case.formVersion).toBe(2);
    expect(v2Case.submission.dog.insurancePolicy).toBe('HV-123456');
    const v1Case = await eventually(async () => { const c = await storedSubmission(before.json.caseNumber); return c?.status === 'registered' && c; }, 'v1 case registered');
    expect(v1Case.formVersion).toBe(1);
    expect(v1Case.submission.dog).not.toHaveProperty('insurancePolicy');
    expect((await storedSubmission(old.json.caseNumber)).submission.dog).not.toHaveProperty('insurancePolicy');
    const page = (await citizen.request('POST', `/api/cases/${before.json.caseNumber}/status`, { token: before.json.statusToken })).json;
    expect(page.formVersion).toBe(1);
  });
});
