/**
 * A payment that reaches a closed case: the ticket was paid by bank transfer (its workflow has
 * ended) while the citizen still had the provider's checkout open, and pays there too. The
 * city must not keep that money: it is recorded as "to be refunded", paid back at the provider,
 * noted in the case's audit trail and the payer is told — once, however often and however
 * concurrently the payment is reported (webhook, return page, reconciliation, repeats).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { sandboxRefundModel } from '../../sandboxes/payments/refunds';
import { bookCheckout } from '../../server/use-cases/parking-ticket/pay-ticket';
import { latePayments } from '../../store/payments/late-payments';
import { PARKING_TICKET_ACTIONS, paymentBookedSignal } from '../../workflows/parking-ticket/shared';
import { paymentReconciliationWorkflowId } from '../../workflows/payments/shared';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_late_payment_refund');
  warden = new HttpClient(app.baseUrl);
  await warden.signInStaff();
});
afterAll(async () => { await app?.stop(); });

describe('a payment that reaches a closed case', () => {
  it('when the ticket was paid by transfer and the open checkout is paid afterwards, then one refund record, one refund at the provider, one audit event and one e-mail — however often it is reported', async () => {
    const recorded = (await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-RF 1', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    }, { 'Idempotency-Key': 'idem-late-refund-1' })).json;
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-RF 1' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const email = `late-refund-${Date.now()}@example.org`;
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', email, code: recorded.accessCode }, bearer);
    expect(checkout.status).toBe(200);
    const { checkoutId } = checkout.json as { checkoutId: string };

    // Meanwhile the bank statement books the transfer: the ticket is paid and its workflow ends.
    const ticketDoc = await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean();
    const ticketRun = app.system.temporal.workflow.getHandle(ticketDoc!.workflowId);
    await ticketRun.signal(paymentBookedSignal, { paymentId: `transfer-${recorded.ticketNumber}`, amountCents: 5500, bookedAt: new Date().toISOString(), channel: 'bank_transfer' });
    expect((await ticketRun.result()).status).toBe('paid');

    // The citizen pays the still open checkout: the provider's webhook reports it, so do the
    // return page and three concurrent calls of bookCheckout.
    const paid = await fetch(`${app.baseUrl}/sandbox/payments/checkout/${checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    const reported = await Promise.all([
      bookCheckout(app.system, checkoutId), bookCheckout(app.system, checkoutId), bookCheckout(app.system, checkoutId),
      citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId }, bearer).then((r) => `${r.status} ${r.json.paymentOutcome}`),
    ]);
    // The return page is told, so the portal says the payment is refunded (not "paid, thank you").
    expect(reported).toEqual(['refunding', 'refunding', 'refunding', '200 refunding']);
    const { paymentId } = (await app.system.paymentProvider.getCheckout(checkoutId))!;

    const record = await eventually(async () => {
      const found = await latePayments(app.system.conn).findById(paymentId).lean();
      return found?.status === 'refunded' && found;
    }, 'the late payment refunded', { tries: 300 });
    expect(record).toMatchObject({ caseNumber: recorded.ticketNumber, amountCents: 5500, checkoutId });
    await eventually(async () => (await mailsTo(email)).length > 0, 'the refund e-mail', { tries: 300 });
    // Once the e-mail is out, the address is forgotten.
    await eventually(async () => !(await latePayments(app.system.conn).findById(paymentId).lean())?.receiptEmail, 'the address forgotten');

    // Reported again after it was handled (the first run has ended: it marks the checkout booked
    // after the e-mail): a new reconciliation run finds the checkout booked and ends.
    expect((await app.system.temporal.workflow.getHandle(paymentReconciliationWorkflowId(checkoutId)).result()).outcome).toBe('refunded');
    expect(await Promise.all([1, 2, 3].map(() => bookCheckout(app.system, checkoutId)))).toEqual(['refunding', 'refunding', 'refunding']);
    expect((await app.system.temporal.workflow.getHandle(paymentReconciliationWorkflowId(checkoutId)).result()).outcome).toBe('booked');

    expect(await latePayments(app.system.conn).countDocuments({ checkoutId })).toBe(1);
    expect(await sandboxRefundModel(app.system.conn).countDocuments({ checkoutId })).toBe(1);
    const refunds = await app.system.model.audit.find({ caseNumber: recorded.ticketNumber, action: PARKING_TICKET_ACTIONS.latePaymentRefunded }).lean();
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.details).toMatchObject({ amountCents: 5500, paymentId });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Erstattung / Refund ${recorded.ticketNumber}`);
    expect(mails[0]!.text).toContain('nachdem das Verfahren bereits abgeschlossen war');
    expect(mails[0]!.text).toContain('55,00 €');
    // The ticket counts only the transfer.
    expect(await app.system.model.payments.countDocuments({ caseNumber: recorded.ticketNumber })).toBe(1);
  });
});
