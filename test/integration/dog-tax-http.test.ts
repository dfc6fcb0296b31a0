/**
 * Procedure 3 (Hundesteuer) over HTTP against the embedded stack, as the portal uses it: a
 * resident registers a dog, follows the case on the status page with its secret token, gets
 * the receipt and the tax notice by e-mail, applies for a reduction that the finance
 * department decides through the API, and deregisters the dog.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { caseOf } from '../../store/dog-tax/case-store';
import { STATUS_LINK_RETENTION_DAYS } from '../../domain/cases/status-link';

let app: RunningSystem;
let staff: HttpClient;
let citizen: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_dog_tax');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  citizen = new HttpClient(app.baseUrl);
});
afterAll(async () => {
  await app?.stop();
});

const email = `erika-${randomUUID().slice(0, 8)}@example.org`;
const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email };
const registration = { holder, dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' };
const submit = (formId: string, body: unknown, key: string, headers: Record<string, string> = {}) =>
  citizen.request('POST', `/api/forms/${formId}/submissions`, body, { 'Idempotency-Key': key, ...headers });
const status = (caseNumber: string, token: string) => citizen.request('POST', `/api/cases/${caseNumber}/status`, { token });
/** Polls the status page until the case has `want` and, if named, the step `action`. */
const statusIs = (caseNumber: string, token: string, want: string, action?: string) => eventually(async () => {
  const { json } = await status(caseNumber, token);
  return json.status === want && (!action || json.steps.some((s: { action: string }) => s.action === action)) && json;
}, `status ${want}`);

let registered: { caseNumber: string; statusToken: string; tagNumber: string };

describe('forms for citizens', () => {
  it('lists the three Hundesteuer forms for the portal (audience citizen), multi-step, and keeps the warden form out', async () => {
    const all = (await citizen.request('GET', '/api/forms')).json.items as { id: string; audience: string }[];
    expect(all.find((f) => f.id === 'record-parking-ticket')?.audience).toBe('staff');
    const citizenForms = (await citizen.request('GET', '/api/forms?audience=citizen')).json.items as { id: string; action: { kind: string } }[];
    // The services overview offers the forms that start a case; the hearing answer belongs to a ticket.
    const portal = citizenForms.filter((f) => f.action.kind === 'start').map((f) => f.id);
    expect(portal.sort()).toEqual(['dog-tax-deregistration', 'dog-tax-exemption', 'dog-tax-registration']);
    expect(citizenForms.find((f) => f.id === 'fine-proceedings-hearing-answer')?.action).toEqual({ kind: 'update', name: 'hearingAnswer' });
    const form = (await citizen.request('GET', '/api/forms/dog-tax-registration')).json;
    expect(form.uiSchema['ui:steps'].map((s: { id: string }) => s.id)).toEqual(['holder', 'dog', 'evidence', 'review']);
    expect(form.texts.en.steps.dog).toBe('Dog');
  });
});

describe('registering a dog', () => {
  it('when a resident submits the form, then 202 with case number and status link, and the same key answers the same case', async () => {
    // Misspelled at the top and inside the holder group: 422 naming both, nothing stored, the key not used up.
    const registrations = () => app.system.model.dogTaxCases.countDocuments({ procedure: 'dog-tax-registration' });
    const misspelled = await submit('dog-tax-registration', { ...registration, keptSnice: '2026-03-14', holder: { ...holder, emial: email } }, 'dog-reg-erika-0001', { 'Form-Version': '1' });
    expect(misspelled.status).toBe(422);
    expect([...misspelled.json.error.fields].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'holder/emial', message: 'Unbekanntes Feld – hier nicht vorgesehen.' },
      { field: 'keptSnice', message: 'Unbekanntes Feld – hier nicht vorgesehen.' },
    ]);
    expect(await registrations()).toBe(0);
    expect(await mailsTo(email)).toEqual([]);
    const first = await submit('dog-tax-registration', registration, 'dog-reg-erika-0001', { 'Form-Version': '1' });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ formId: 'dog-tax-registration', formVersion: 1 });
    expect(first.json.caseNumber).toMatch(/^HST-\d{4}-\d{6}$/);
    // The token in the fragment: a browser never sends it to a server (no access log, no Referer).
    expect(first.json.statusUrl).toBe(`${app.baseUrl}/vorgang/${first.json.caseNumber}#${first.json.statusToken}`);
    const again = await submit('dog-tax-registration', registration, 'dog-reg-erika-0001');
    expect(again.json).toEqual(first.json);
    const reused = await submit('dog-tax-registration', { ...registration, keptSince: '2026-03-15' }, 'dog-reg-erika-0001');
    expect(reused.status).toBe(409);
    expect(reused.json.error.code).toBe('idempotency_key_reused');
    // Opened through the data layer (sealed at rest): the stored submission is what was sent.
    const stored = await caseOf(app.system.model, first.json.caseNumber);
    expect(stored.submission).toMatchObject(registration);
    expect(await registrations()).toBe(1);

    const view = await statusIs(first.json.caseNumber, first.json.statusToken, 'registered', 'dog-tax.tax-notice-sent');
    expect(view).toMatchObject({ procedure: 'dog-tax', formId: 'dog-tax-registration', formVersion: 1, title: { de: 'Hund zur Hundesteuer anmelden' } });
    expect(view.statusText.de).toContain('angemeldet');
    expect(view.steps.map((s: { action: string }) => s.action)).toEqual(['dog-tax.registration-received', 'dog-tax.receipt-sent', 'dog-tax.registered', 'dog-tax.tax-notice-sent']);
    expect(view.steps[0].text).toEqual({ de: 'Anmeldung eingegangen', en: 'Registration received' });
    const notice = view.documents.find((d: { kind: string }) => d.kind === 'dog_tax_notice');
    expect(view.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(['dog_tax_notice', 'submission_receipt']);
    expect(notice.url).not.toContain('token');
    const pdf = await fetch(`${app.baseUrl}${notice.url}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: first.json.statusToken }) });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const cases = (await staff.request('GET', '/api/dog-tax/cases?procedure=dog-tax-registration')).json.items;
    registered = { caseNumber: first.json.caseNumber, statusToken: first.json.statusToken, tagNumber: cases[0].tagNumber };
    expect(registered.tagNumber).toMatch(/^HSM-\d{4}-\d{4}$/);
  });

  it('then the receipt with a PDF of the submitted fields and the tax notice are in the mailbox', async () => {
    const mails = await eventually(async () => { const m = await mailsTo(email); return m.length >= 2 && m; }, 'receipt and tax notice');
    const receipt = mails.find((m) => m.subject === `Eingangsbestätigung / Confirmation of receipt ${registered.caseNumber}`)!;
    expect(receipt.text).toContain(`${app.baseUrl}/vorgang/${registered.caseNumber}#${registered.statusToken}`);
    expect(receipt.text).toContain('— English —');
    expect(receipt.attachments?.map((a) => [a.filename, a.contentType])).toEqual([[`Eingangsbestaetigung-${registered.caseNumber}.pdf`, 'application/pdf']]);
    const notice = mails.find((m) => m.subject.startsWith('Hundesteuerbescheid'))!;
    expect(notice.text).toContain(registered.tagNumber);
    expect(notice.attachments?.[0]?.contentType).toBe('application/pdf');
  });

  it('when the input is bad, then 422 names each field; unknown forms, staff forms and versions answer 404', async () => {
    const bad = await submit('dog-tax-registration', { ...registration, holder: { ...holder, email: 'keine-mail', postalCode: '5809' }, dog: { name: 'Bello' } }, 'dog-reg-bad-0001');
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dog/breed', 'dog/sex', 'holder/email', 'holder/postalCode']);
    const noKey = await citizen.request('POST', '/api/forms/dog-tax-registration/submissions', registration);
    expect(noKey.json.error.fields).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect((await submit('no-such-form', registration, 'dog-reg-bad-0002')).status).toBe(404);
    expect((await submit('record-parking-ticket', {}, 'dog-reg-bad-0003')).status).toBe(404);
    expect((await submit('dog-tax-registration', registration, 'dog-reg-bad-0004', { 'Form-Version': '99' })).status).toBe(404);
  });

  it('when the token is wrong, then 404 exactly as for a case that does not exist, also for documents', async () => {
    const wrong = await status(registered.caseNumber, 'AAAAAAAAAAAAAAAAAAAAAA');
    const unknown = await status('HST-1999-000999', registered.statusToken);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.json).toEqual(unknown.json);
    const doc = await citizen.request('POST', `/api/cases/${registered.caseNumber}/documents/receipt-${registered.caseNumber}`, { token: 'wrong' });
    expect(doc.status).toBe(404);
    expect((await citizen.request('POST', `/api/cases/${registered.caseNumber}/status`, {})).status).toBe(422);
    // The token never travels in a query string: the old GET routes are gone.
    expect((await citizen.request('GET', `/api/cases/${registered.caseNumber}?token=${registered.statusToken}`)).status).toBe(404);
  });

  it('when the citizen replaces the status link, then the old link stops working and the new one opens the page', async () => {
    const other = new HttpClient(app.baseUrl);
    const replaced = await other.request('POST', `/api/cases/${registered.caseNumber}/status-link`, { token: registered.statusToken });
    expect(replaced.status).toBe(200);
    expect(replaced.json.statusToken).not.toBe(registered.statusToken);
    expect(replaced.json.statusUrl).toBe(`${app.baseUrl}/vorgang/${registered.caseNumber}#${replaced.json.statusToken}`);
    expect((await status(registered.caseNumber, registered.statusToken)).status).toBe(404);
    expect((await status(registered.caseNumber, replaced.json.statusToken)).status).toBe(200);
    // A replaced link cannot replace again.
    expect((await other.request('POST', `/api/cases/${registered.caseNumber}/status-link`, { token: registered.statusToken })).status).toBe(404);
    registered.statusToken = replaced.json.statusToken;
  });
});

describe('exemption and deregistration', () => {
  it('when a reduction is applied for, then the tax office decides it in the inbox, once', async () => {
    // The evidence is uploaded first; the form names it by the id the upload answered.
    const evidence = await fetch(`${app.baseUrl}/api/attachments`, { method: 'POST', body: '%PDF-1.4\n%%EOF\n', headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'bescheid.pdf' } });
    expect(evidence.status).toBe(201);
    const { id: evidenceId } = await evidence.json() as { id: string };
    const applied = await submit('dog-tax-exemption', { tagNumber: registered.tagNumber, holder, ground: 'social_benefits', evidenceIds: [evidenceId] }, 'dog-exm-erika-0001');
    expect(applied.status).toBe(202);
    const { caseNumber, statusToken } = applied.json;
    await statusIs(caseNumber, statusToken, 'awaiting_decision');
    expect((await citizen.request('GET', '/api/dog-tax/cases?status=awaiting_decision')).status).toBe(401);
    const waiting = (await staff.request('GET', '/api/dog-tax/cases?status=awaiting_decision')).json.items;
    expect(waiting.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([caseNumber]);
    expect(waiting[0].submission.ground).toBe('social_benefits');

    // The tax office decides in its inbox: the task carries the application beside the decision form.
    const queue = await eventually(async () => {
      const res = await staff.request('GET', '/api/tasks?queue=department&department=tax-office');
      return res.json.items?.some((t: { caseNumber: string }) => t.caseNumber === caseNumber) && res.json.items;
    }, 'the inbox task');
    const { taskId } = queue.find((t: { caseNumber: string }) => t.caseNumber === caseNumber);
    const task = (await staff.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`)).json;
    expect(task).toMatchObject({ type: 'dog-tax.exemption-decision', department: 'tax-office', caseData: { ground: 'social_benefits', evidenceCount: 1 } });
    const decide = (decision: unknown) => staff.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { decision });
    expect((await citizen.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { decision: { outcome: 'reduced', reason: 'Bürgergeld' } })).status).toBe(401);
    const invalid = await decide({ outcome: 'maybe', reason: 'Bürgergeld' });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.fields[0].field).toBe('decision/outcome');
    // Decisions go through the inbox only: there is no direct decision route.
    const direct = await staff.request('POST', `/api/dog-tax/cases/${caseNumber}/exemption-decision`, { decision: 'reduced', reason: 'Bescheid über Bürgergeld liegt vor' });
    expect(direct.status).toBe(404);
    const decided = await decide({ outcome: 'reduced', reason: 'Bescheid über Bürgergeld liegt vor' });
    expect(decided.status).toBe(200);
    expect(decided.json).toEqual({ taskId, status: 'completed' });
    const second = await decide({ outcome: 'granted', reason: 'doch ganz befreien' });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('task_not_open');

    // Receipt, decision notice and the attached evidence.
    const view = await eventually(async () => { const s = (await status(caseNumber, statusToken)).json; return s.documents.length === 3 && s; }, 'the decision notice');
    expect(view.status).toBe('reduced');
    expect(view.steps.map((s: { action: string }) => s.action)).toEqual(['dog-tax.exemption-received', 'dog-tax.receipt-sent', 'dog-tax.exemption-awaiting-decision', 'dog-tax.exemption-reduced']);
  });

  it('when the dog is deregistered, then the case ends deregistered with its notice', async () => {
    const done = await submit('dog-tax-deregistration', { tagNumber: registered.tagNumber, holder, reason: 'died', endedOn: '2026-06-12' }, 'dog-der-erika-0001');
    expect(done.status).toBe(202);
    const view = await statusIs(done.json.caseNumber, done.json.statusToken, 'deregistered', 'dog-tax.deregistered');
    expect(view.steps.map((s: { action: string }) => s.action)).toEqual(['dog-tax.deregistration-received', 'dog-tax.receipt-sent', 'dog-tax.deregistered']);
    await eventually(async () => (await mailsTo(email)).find((m) => m.subject.startsWith('Abmeldung Hundesteuer /')), 'the deregistration notice');
    const registrationView = await status(registered.caseNumber, registered.statusToken);
    expect(registrationView.json.status).toBe('deregistered');
  });
});

describe('status link expiry', () => {
  it('when the case last changed three years ago less a minute, then its link opens the page; a minute more and it answers 404 like a wrong link, documents too', async () => {
    const cases = app.system.model.dogTaxCases.collection;
    const before = await cases.findOne({ _id: registered.caseNumber as never }, { projection: { updatedAt: 1 } });
    const lastChanged = (ago: number) => cases.updateOne({ _id: registered.caseNumber as never }, { $set: { updatedAt: new Date(Date.now() - ago) } });
    const retention = STATUS_LINK_RETENTION_DAYS * 24 * 60 * 60_000;
    // A client of its own: the earlier tests' wrong tokens count against theirs.
    const reader = new HttpClient(app.baseUrl);
    const status = (caseNumber: string, token: string) => reader.request('POST', `/api/cases/${caseNumber}/status`, { token });
    try {
      await lastChanged(retention - 60_000);
      expect((await status(registered.caseNumber, registered.statusToken)).status).toBe(200);
      await lastChanged(retention + 60_000);
      const expired = await status(registered.caseNumber, registered.statusToken);
      expect(expired.status).toBe(404);
      expect(expired.json).toEqual((await status('HST-1999-000999', registered.statusToken)).json);
      const receipt = await reader.request('POST', `/api/cases/${registered.caseNumber}/documents/receipt-${registered.caseNumber}`, { token: registered.statusToken });
      expect(receipt.status).toBe(404);
    } finally {
      await cases.updateOne({ _id: registered.caseNumber as never }, { $set: { updatedAt: before!.updatedAt } });
    }
  });
});
