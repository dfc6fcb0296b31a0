/**
 * The audit trail: append-only where every write passes (the model refuses updates and deletes,
 * no API route writes it), every step of a case and every staff action recorded with who and
 * which workflow run, and the staff case view showing documents and history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { appendAuditEvent } from '../../store/audit';
import { routeTable } from '../../server/app';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';

let app: RunningSystem;
let staff: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_audit_trail');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

describe('the audit trail is append-only', () => {
  it('when code tries to update or delete an audit event, then the model refuses; a repeated key appends nothing', async () => {
    const key = `test:${Date.now()}`;
    const event = { key, actor: 'system', action: 'test.step', caseType: 'test', caseNumber: 'T-1' };
    await appendAuditEvent(app.system.model, event);
    await appendAuditEvent(app.system.model, { ...event, action: 'test.rewritten' });
    expect(await app.system.model.audit.find({ key }).lean()).toEqual([expect.objectContaining({ action: 'test.step' })]);
    await expect(app.system.model.audit.updateOne({ key }, { $set: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(app.system.model.audit.findOneAndUpdate({ key }, { $set: { actor: 'someone' } })).rejects.toThrow(/append-only/);
    await expect(app.system.model.audit.deleteOne({ key })).rejects.toThrow(/append-only/);
    await expect(app.system.model.audit.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(app.system.model.audit.replaceOne({ key }, { ...event, action: 'forged' })).rejects.toThrow(/append-only/);
    expect(await app.system.model.audit.findOne({ key }).lean()).toMatchObject({ action: 'test.step', actor: 'system' });
  });

  it('when the route table is read, then no route writes or deletes audit events or case history', () => {
    const auditRoutes = routeTable.filter((r) => /audit|history|\/api\/staff\/cases/.test(r.path));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect(auditRoutes.filter((r) => r.method !== 'get').map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

describe('the staff case view', () => {
  it('when a ticket is recorded, then its history names the warden, the workflow run and the notice card, and staff can open the document', async () => {
    const recorded = await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-AU 2026', place: 'Rathausstraße 11, Hagen', observedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    }, { 'Idempotency-Key': `audit-${Date.now()}` });
    expect(recorded.status).toBe(201);
    const ticketNumber = recorded.json.ticketNumber as string;
    const view = await eventually(async () => {
      const res = await staff.request('GET', `/api/staff/cases/${ticketNumber}`);
      return res.status === 200 && res.json.documents.length > 0 && res.json;
    }, 'the case view with its notice card');
    expect(view).toMatchObject({ caseNumber: ticketNumber, procedure: 'parking-ticket' });
    const recordedEvent = view.history.find((e: { action: string }) => e.action === 'parking-ticket.recorded');
    expect(recordedEvent).toMatchObject({ workflowId: expect.stringMatching(/^parking-ticket-/), runId: expect.any(String) });
    expect(recordedEvent.actor).not.toBe('system');
    const stored = await app.system.model.tickets.findOne({ ticketNumber }).lean();
    expect(recordedEvent.actor).toBe(stored!.recordedBy);
    const card = view.documents.find((d: { kind: string }) => d.kind === 'notice_card');
    const pdf = await fetch(`${app.baseUrl}${card.url}`, { headers: { Cookie: (staff as unknown as { cookie: string }).cookie } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    // Caseworkers see the cases of their departments; administrators see every case.
    const taxOffice = await createTestAccount(app, { roles: ['caseworker'], departments: ['tax-office'] });
    const taxClient = new HttpClient(app.baseUrl);
    await taxClient.signIn(taxOffice.id, taxOffice.password);
    const refused = await taxClient.request('GET', `/api/staff/cases/${ticketNumber}`);
    expect(refused.status).toBe(403);
    expect((await taxClient.request('GET', `/api/staff/cases/${ticketNumber}/documents/${encodeURIComponent(card.id)}`)).status).toBe(403);
    const admin = await createTestAccount(app, { roles: ['admin'] });
    const adminClient = new HttpClient(app.baseUrl);
    await adminClient.signIn(admin.id, admin.password);
    expect((await adminClient.request('GET', `/api/staff/cases/${ticketNumber}`)).json.history.length).toBe(view.history.length);

    expect((await staff.request('GET', `/api/staff/cases/${ticketNumber}/documents/notice-card-VG-0000-000000`)).status).toBe(404);
    // Another case's document is not reachable through this case.
    const other = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-K 7', place: 'Rathausstraße 11, Hagen', observedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    }, { 'Idempotency-Key': `audit-other-${Date.now()}` })).json;
    const otherCard = `notice-card-${other.ticketNumber}`;
    await eventually(() => app.system.model.documents.findById(otherCard).lean(), 'the other notice card');
    expect((await staff.request('GET', `/api/staff/cases/${other.ticketNumber}/documents/${otherCard}`)).status).toBe(200);
    expect((await staff.request('GET', `/api/staff/cases/${ticketNumber}/documents/${otherCard}`)).status).toBe(404);
    expect((await staff.request('GET', '/api/staff/cases/VG-1999-000001')).status).toBe(404);
    expect((await new HttpClient(app.baseUrl).request('GET', `/api/staff/cases/${ticketNumber}`)).status).toBe(401);
  });

  it('when a designer publishes a form version, then the publication is an audit event naming who published it', async () => {
    const current = (await staff.request('GET', '/api/forms/dog-tax-deregistration')).json;
    const published = await staff.request('POST', '/api/forms/dog-tax-deregistration/versions', {
      schema: current.schema, uiSchema: current.uiSchema, texts: current.texts, note: 'Audit-Test',
    });
    expect(published.status).toBe(201);
    const event = await app.system.model.audit.findOne({ caseType: 'form', caseNumber: 'dog-tax-deregistration', action: 'form.published' }).lean();
    expect(event).toMatchObject({ actor: published.json.publishedBy, details: { version: published.json.version, note: 'Audit-Test' } });
  });
});
