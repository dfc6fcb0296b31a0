/**
 * Procedure 1 over HTTP against the embedded stack (Temporal dev server, FerretDB, MailDev):
 * record → open the portal → pay in the sandbox → paid → receipt e-mail in the mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';

let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_parking_ticket');
  warden = new HttpClient(app.baseUrl);
  await warden.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const ticket = (plate: string, extra: Record<string, unknown> = {}) => ({
  offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(), ...extra,
});


describe('recording a ticket', () => {
  it('when a field is misspelled (plateNumber for plate, nte for the optional note), then 422 names each and nothing is stored, not even the key', async () => {
    const { plate: _, ...misspelled } = ticket('ha-mm 4711');
    const refused = await warden.request('POST', '/api/parking-tickets', { ...misspelled, plateNumber: 'HA-MM 4711', nte: 'Gehweg zugeparkt' }, { 'Idempotency-Key': 'idem-http-0001' });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('validation_failed');
    expect([...refused.json.error.fields].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: 'nte', message: 'Unbekanntes Feld – hier nicht vorgesehen.' },
      { field: 'plate', message: 'Pflichtfeld – bitte ausfüllen.' },
      { field: 'plateNumber', message: 'Unbekanntes Feld – hier nicht vorgesehen.' },
    ]);
    const english = await warden.request('POST', '/api/parking-tickets', { ...ticket('ha-mm 4711'), nte: 'x' }, { 'Idempotency-Key': 'idem-http-0001', 'Accept-Language': 'en' });
    expect(english.json.error.fields).toEqual([{ field: 'nte', message: 'Unknown field – not accepted here.' }]);
    expect(await app.system.model.tickets.countDocuments({ plate: 'HA-MM 4711' })).toBe(0);
  });

  it('when a warden records a ticket twice with one Idempotency-Key, then one ticket exists and both answers are equal', async () => {
    // The key the refused requests above carried: they did not use it up.
    const body = ticket('ha-mm 4711');
    const first = await warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': 'idem-http-0001' });
    expect(first.status).toBe(201);
    expect(first.json.ticketNumber).toMatch(/^VG-\d{4}-\d{6}$/);
    expect(first.json.amountCents).toBe(5500);
    expect(first.json.portalUrl).toBe(`${app.baseUrl}/knoellchen/${first.json.accessCode}`);
    const again = await warden.request('POST', '/api/parking-tickets', body, { 'Idempotency-Key': 'idem-http-0001' });
    expect(again.json).toEqual(first.json);
    expect(await app.system.model.tickets.countDocuments({ plate: 'HA-MM 4711' })).toBe(1);
    const stored = await app.system.model.tickets.findOne({ ticketNumber: first.json.ticketNumber }).lean();
    expect(stored).toMatchObject({ formId: 'record-parking-ticket', formVersion: 1 });
    const card = await fetch(`${app.baseUrl}${first.json.noticeCardUrl}`, { headers: { Cookie: (warden as any).cookie } });
    expect(card.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await card.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('when the same key comes with other data, then 409; when the input is bad, then 422 naming each field', async () => {
    const reused = await warden.request('POST', '/api/parking-tickets', ticket('HA-AB 123'), { 'Idempotency-Key': 'idem-http-0001' });
    expect(reused.status).toBe(409);
    expect(reused.json.error.code).toBe('idempotency_key_reused');
    const bad = await warden.request('POST', '/api/parking-tickets', { offenceCode: '000000', plate: 'HAAB123', observedAt: 'gestern' }, { 'Idempotency-Key': 'idem-http-0002' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['observedAt', 'offenceCode', 'place', 'plate']);
    const future = await warden.request('POST', '/api/parking-tickets', ticket('HA-AB 123', { observedAt: new Date(Date.now() + 86_400_000).toISOString() }), { 'Idempotency-Key': 'idem-http-0003' });
    expect(future.json.error.fields).toEqual([{ field: 'observedAt', message: 'Die Tatzeit liegt in der Zukunft.' }]);
    const noKey = await warden.request('POST', '/api/parking-tickets', ticket('HA-AB 123'));
    expect(noKey.json.error.fields[0].field).toBe('Idempotency-Key');
  });
});

describe('the citizen portal and online payment', () => {
  it('when the person opens the ticket and pays in the sandbox, then the ticket is paid, once, and the receipt is mailed', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-XY 42'), { 'Idempotency-Key': 'idem-http-pay-1' })).json;
    const citizen = new HttpClient(app.baseUrl);
    const wrong = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-XY 43' });
    expect(wrong.status).toBe(401);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode.toLowerCase(), plate: 'ha xy42' });
    expect(opened.status).toBe(200);
    const view = opened.json.ticket;
    expect(view).toMatchObject({ ticketNumber: recorded.ticketNumber, status: 'open', amountCents: 5500 });
    expect(view.payment.epcPayload.split('\n')).toEqual(['BCD', '002', '1', 'SCT', '', 'Stadtkasse Hagen', 'DE89370400440532013000', 'EUR55.00', '', recorded.reference]);
    expect(view.payment.epcQrSvg).toContain('<svg');
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };

    const email = `halterin-${Date.now()}@example.org`;
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email, code: recorded.accessCode }, bearer);
    expect(checkout.status).toBe(200);
    const page = await fetch(checkout.json.redirectUrl);
    expect(await page.text()).toContain('Sandbox');
    const paid = await fetch(`${app.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`${app.baseUrl}/knoellchen/${recorded.accessCode}?checkout=${checkout.json.checkoutId}`);
    await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
    await eventually(async () => (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status === 'paid', 'status paid');

    const mail = await eventually(async () => (await mailsTo(email))[0], 'the receipt e-mail');
    expect(mail.subject).toBe(`Zahlungsbestätigung / Payment receipt ${recorded.ticketNumber}`);
    expect(mail.text).toContain('55,00 €');

    // Paying again charges nothing: the portal refuses, the provider keeps one capture, one payment is booked.
    const second = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'paypal' }, bearer);
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('already_paid');
    expect(await app.system.model.payments.countDocuments({ caseNumber: recorded.ticketNumber })).toBe(1);
    const audit = await app.system.model.audit.find({ caseNumber: recorded.ticketNumber }).sort({ at: 1 }).lean();
    expect(audit.map((a) => a.action)).toEqual(['parking-ticket.recorded', 'parking-ticket.payment-booked', 'parking-ticket.paid']);
  });

  it('when someone guesses plates, then the code locks after five failures with 429', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-K 7'), { 'Idempotency-Key': 'idem-http-lock-1' })).json;
    const guesser = new HttpClient(app.baseUrl, 'en');
    for (let i = 0; i < 5; i += 1) {
      expect((await guesser.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: `HA-K ${100 + i}` })).status).toBe(401);
    }
    const locked = await guesser.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-K 7' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    expect(locked.json.error.message).toMatch(/Too many attempts/);
  });
});

describe('withdrawal and roles', () => {
  it('when staff ask for a withdrawal, then the traffic department decides it in the inbox and the ticket is withdrawn', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-LP 2025'), { 'Idempotency-Key': 'idem-http-wd-1' })).json;
    const missingReason = await warden.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`, {});
    expect(missingReason.json.error.fields[0].field).toBe('reason');
    const requested = await warden.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`, { reason: 'Bewohnerparkausweis lag aus' });
    expect(requested.status).toBe(202);
    const again = await warden.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`, { reason: 'nochmal' });
    // One request is being decided: 409 conflict (not ticket_closed — the ticket is still open).
    expect({ status: again.status, code: again.json?.error?.code }).toEqual({ status: 409, code: 'conflict' });
    // The direct withdrawal is gone from the API.
    expect((await warden.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdraw`, { reason: 'direkt' })).status).toBe(404);
    const task = await warden.request('GET', `/api/tasks/${encodeURIComponent(requested.json.taskId)}`);
    expect(task.json).toMatchObject({ type: 'parking-ticket.withdrawal', department: 'traffic' });
    const decided = await warden.request('POST', `/api/tasks/${encodeURIComponent(requested.json.taskId)}/decision`, { decision: { outcome: 'withdraw', reason: 'Ausweis auf dem Foto erkennbar' } });
    expect(decided.status).toBe(200);
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'withdrawn', 'withdrawn');
    const list = await warden.request('GET', '/api/parking-tickets?status=withdrawn');
    expect(list.json.items.map((t: { ticketNumber: string }) => t.ticketNumber)).toContain(recorded.ticketNumber);
    // Withdrawn, the case is closed: a further request is refused as such.
    const afterEnd = await warden.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`, { reason: 'noch einmal' });
    expect({ status: afterEnd.status, code: afterEnd.json?.error?.code }).toEqual({ status: 409, code: 'ticket_closed' });
  });

  it('when nobody or a citizen calls staff routes, then 401 or 403', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    expect((await anonymous.request('GET', '/api/parking-tickets')).status).toBe(401);
    expect((await anonymous.request('GET', '/api/outbox')).status).toBe(401);
    expect((await anonymous.request('POST', '/api/staff/session', { userName: 'test-staff', password: 'wrong-password-123' })).status).toBe(401);
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-EL 88E'), { 'Idempotency-Key': 'idem-http-role-1' })).json;
    const opened = await anonymous.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-EL 88E' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    expect((await anonymous.request('GET', '/api/parking-tickets', undefined, bearer)).status).toBe(403);
    expect((await anonymous.request('POST', `/api/parking-tickets/${recorded.ticketNumber}/withdrawal-requests`, { reason: 'selbst zurückgenommen' }, bearer)).status).toBe(403);
    expect((await anonymous.request('GET', '/api/parking-tickets/current', undefined, { Authorization: 'Bearer forged.token' })).status).toBe(401);
  });

  it('when a ticket runs, then Temporal stores its personal data encrypted', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', ticket('HA-OT 1960H'), { 'Idempotency-Key': 'idem-http-enc-1' })).json;
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    const raw = await app.system.temporal.connection.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } });
    const started = raw.history!.events![0]!.workflowExecutionStartedEventAttributes!;
    const payload = started.input!.payloads![0]!;
    expect(Buffer.from(payload.metadata!.encoding!).toString()).toBe('binary/encrypted');
    expect(Buffer.from(payload.data!).toString('latin1')).not.toContain('HA-OT 1960H');
    expect(workflowId).not.toContain('HA-OT');
  });

  it('reports every dependency in /api/health to an administrator, up/down only to anyone else', async () => {
    const health = await warden.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.json.dependencies).toMatchObject({ temporal: { ok: true }, mongodb: { ok: true }, smtp: { ok: true } });
    expect((await new HttpClient(app.baseUrl).request('GET', '/api/health')).json).toEqual({ status: 'ok' });
  });
});
