/**
 * Nothing is lost when the process dies mid-procedure: a ticket recorded by one amtsweg
 * process is paid through a second one started afterwards (same database, same Temporal,
 * same payload key in the data folder), and its workflow carries on from where it was.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';

const running: { stop(): Promise<void> }[] = [];
afterAll(async () => {
  for (const r of running) await r.stop();
});

describe('restart mid-procedure', () => {
  it('when the process stops after recording and a new one starts, then the open case continues to paid', async () => {
    const first = await startTestSystem('http_restart');
    running.push(first);
    const warden = new HttpClient(first.baseUrl);
    await warden.signInStaff();
    const recorded = (await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '113300', plate: 'HA-FW 300', place: 'Volmestraße 1, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString(),
    }, { 'Idempotency-Key': 'idem-restart-0001' })).json;
    expect(recorded.status).toBe('open');
    await first.stop();

    const second = await startTestSystem('http_restart', { taskQueue: first.taskQueue, dataDir: first.dataDir, keepData: true });
    running.push(second);
    const citizen = new HttpClient(second.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-FW 300' });
    expect(opened.json.ticket.status).toBe('open');
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'paypal' }, bearer);
    await fetch(`${second.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'paypal', paypalEmail: 'firma@example.org' }),
    });
    await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
    let status = '';
    for (let i = 0; i < 40 && status !== 'paid'; i += 1) {
      status = (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status;
      if (status !== 'paid') await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe('paid');
    // The status is written a moment before its audit event: read the trail once the paid event is there.
    const audit = await eventually(async () => {
      const events = await second.system.model.audit.find({ caseNumber: recorded.ticketNumber }).sort({ at: 1 }).lean();
      return events.some((e) => e.action === 'parking-ticket.paid') && events;
    }, 'the paid audit event');
    expect(audit.map((a) => a.action)).toEqual(['parking-ticket.recorded', 'parking-ticket.payment-booked', 'parking-ticket.paid']);
  });
});
