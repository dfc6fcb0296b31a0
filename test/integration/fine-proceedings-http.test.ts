/**
 * Procedure 2 over HTTP against the embedded stack: a ticket observed eight days ago (the real
 * 7-day window is over, so the workflow writes the hearing letter at once) → the citizen opens
 * the portal and answers the hearing → the fine office decides in the inbox → the notice with
 * its own amount and reference is shown, downloaded and paid in the payment sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';

let app: RunningSystem;
let staff: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_hearing');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;
const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };

/** The access code printed in the hearing letter (only there): derived like the letter activity does. */
async function letterCodeOf(ticketNumber: string): Promise<string> {
  const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber }).lean())!;
  return deriveLetterCode(app.system.secrets.accessCode, workflowId);
}

/** Records a ticket observed 8 days ago and opens it in the portal with the letter's code once the letter is out. */
async function ticketInHearing(plate: string, key: string) {
  const recorded = (await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * DAY).toISOString(),
  }, { 'Idempotency-Key': key })).json;
  await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
  const citizen = new HttpClient(app.baseUrl);
  const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(recorded.ticketNumber), plate });
  expect(opened.status).toBe(200);
  expect(opened.json.ticket.access).toBe('case');
  return { recorded, citizen, view: opened.json.ticket, bearer: { Authorization: `Bearer ${opened.json.portalToken}` } };
}

describe('which code opens what', () => {
  it("when someone opens the ticket with the card's code and plate, then they can pay but not answer, object or read notices until they type the letter's code", async () => {
    const { recorded } = await ticketInHearing('HA-AB 123', 'idem-hearing-codes');
    const passerBy = new HttpClient(app.baseUrl, 'en');
    const opened = await passerBy.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-AB 123' });
    expect(opened.status).toBe(200);
    expect(opened.json.ticket).toMatchObject({ access: 'pay', hearing: { open: true } });
    const card = { Authorization: `Bearer ${opened.json.portalToken}` };
    const answer = await passerBy.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' }, card);
    expect(answer.status).toBe(403);
    expect(answer.json.error).toMatchObject({ code: 'letter_code_required', message: expect.stringContaining('hearing letter') });
    expect((await passerBy.request('POST', '/api/parking-tickets/current/objection', { reason: 'Ich war es nicht.' }, card)).status).toBe(403);
    expect((await passerBy.request('GET', '/api/fine-proceedings/current/notice.pdf', undefined, card)).status).toBe(403);
    // Paying stays open to card + plate.
    expect((await passerBy.request('POST', '/api/parking-tickets/current/checkout', { method: 'card' }, card)).status).toBe(200);
    // The card's code is not the letter's; a wrong letter code is refused (and counted per ticket and client).
    const wrong = await passerBy.request('POST', '/api/parking-tickets/current/letter-code', { code: recorded.accessCode }, card);
    expect(wrong.status).toBe(401);
    const raised = await passerBy.request('POST', '/api/parking-tickets/current/letter-code', { code: (await letterCodeOf(recorded.ticketNumber)).toLowerCase() }, card);
    expect(raised.status).toBe(200);
    expect(raised.json.ticket.access).toBe('case');
    const now = await passerBy.request('GET', '/api/parking-tickets/current', undefined, { Authorization: `Bearer ${raised.json.portalToken}` });
    expect(now.json.access).toBe('case');
  });

  it("when someone guesses the letter's code, then it locks for the ticket after five failures (429 with Retry-After), also for the right code", async () => {
    const { recorded } = await ticketInHearing('HA-FW 300', 'idem-hearing-codes-2');
    const passerBy = new HttpClient(app.baseUrl);
    const opened = await passerBy.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-FW 300' });
    const card = { Authorization: `Bearer ${opened.json.portalToken}` };
    for (let i = 0; i < 5; i += 1) {
      expect((await passerBy.request('POST', '/api/parking-tickets/current/letter-code', { code: `AAAA-BBBB-CC${10 + i}` }, card)).status).toBe(401);
    }
    const locked = await passerBy.request('POST', '/api/parking-tickets/current/letter-code', { code: await letterCodeOf(recorded.ticketNumber) }, card);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('when someone guesses codes with a known plate on the open form, then the plate locks after five failures — also for the right letter code, from a fresh client', async () => {
    const { recorded } = await ticketInHearing('DO-RT 555', 'idem-hearing-codes-3');
    for (let i = 0; i < 5; i += 1) {
      // A new client each time: only the lock on what is guessed can stop this.
      expect((await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: `AAAA-BBBB-CC${20 + i}`, plate: 'DO-RT 555' })).status).toBe(401);
    }
    const locked = await new HttpClient(app.baseUrl).request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(recorded.ticketNumber), plate: 'do-rt 555' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });
});

describe('the hearing online', () => {
  it('when the citizen answers and the fine office issues a fine notice, then the portal shows and takes payment of the new amount under its own reference', async () => {
    const { recorded, citizen, view, bearer } = await ticketInHearing('HA-MM 4711', 'idem-hearing-1');
    expect(view).toMatchObject({ status: 'letter_sent', hearing: { open: true, answered: false }, accusation: { evidence: { de: expect.stringContaining('Verkehrsüberwachung') } } });

    // Not signed in to the portal: 401. Bad answers: 422 naming each field.
    expect((await new HttpClient(app.baseUrl).request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' })).status).toBe(401);
    const bad = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person: { ...person, birthDate: 'gestern' }, facts: 'denies' }, bearer);
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['person/birthDate', 'reasons']);
    const otherDriver = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'other_driver' }, bearer);
    expect(otherDriver.json.error.fields.map((f: { field: string }) => f.field)).toContain('driver');

    const email = `hearing-http-${Date.now()}@example.org`;
    // Unknown fields, at the top and inside the person group, are refused by name; the hearing stays open.
    const unknown = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer',
      { person: { ...person, nickname: 'refused-field-value' }, facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.', email, accessCode: 'refused-field-value' }, bearer);
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['accessCode', 'person/nickname']);
    const answered = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer',
      { person, facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.', email }, bearer);
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ status: 'decision_pending', hearing: { open: false, answered: true } });
    const twice = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' }, bearer);
    expect({ status: twice.status, code: twice.json?.error?.code }).toEqual({ status: 409, code: 'already_decided' });
    const received = await eventually(async () => (await mailsTo(email))[0], 'the answer received mail');
    // The mail carries a link that opens the case for whoever answered (token in the fragment).
    const link = /\/knoellchen\/antwort#([^.\s]+)\.(\S+)/.exec(received.text)!;
    expect(decodeURIComponent(link[1]!)).toBe(recorded.ticketNumber);
    const answerer = new HttpClient(app.baseUrl);
    expect((await answerer.request('POST', '/api/parking-tickets/answer-link', { ticketNumber: recorded.ticketNumber, token: `${link[2]!.slice(0, -2)}xx` })).status).toBe(401);
    const byLink = await answerer.request('POST', '/api/parking-tickets/answer-link', { ticketNumber: decodeURIComponent(link[1]!), token: link[2] });
    expect(byLink.status).toBe(200);
    expect(byLink.json.ticket).toMatchObject({ access: 'case', hearing: { answered: true } });

    // The inbox: the fine office sees the answer, never the access code or the refused fields.
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    // The decision task belongs to the ticket's Bußgeldverfahren (its child workflow).
    const taskId = taskIdOf(fineProceedingsWorkflowId(workflowId), 'hearing-decision');
    const task = await staff.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`);
    expect(task.json).toMatchObject({ type: 'fine-proceedings.decision', department: 'fine-office', caseData: { answer: { facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.' } } });
    expect(JSON.stringify(task.json)).not.toContain(recorded.accessCode);
    expect(JSON.stringify(task.json)).not.toContain('refused-field-value');
    const refused = await staff.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { decision: { outcome: 'drop' } });
    expect(refused.status).toBe(422);
    expect((await staff.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/decision`, { decision: { outcome: 'fine_notice', fineEuros: 55 } })).status).toBe(200);

    const notified = await eventually(async () => {
      const v = (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json;
      return v.status === 'fine_notice_sent' && v;
    }, 'fine_notice_sent');
    // 55 € fine + 25 € fee (5 % would be 2.75 €) + 3.50 € postage.
    expect(notified.notice).toMatchObject({ kind: 'fine_notice', fineCents: 5500, feeCents: 2500, postageCents: 350, totalCents: 8350 });
    expect(notified.outstandingCents).toBe(8350);
    expect(notified.payment.reference).not.toBe(view.payment.reference);
    expect(notified.payment.epcPayload.split('\n')[7]).toBe('EUR83.50');
    const pdf = await fetch(`${app.baseUrl}${notified.notice.documentUrl}`, { headers: bearer });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.system.model.outbox.findOne({ caseNumber: recorded.ticketNumber, kind: 'fine_notice' }).lean())?.status).toBe('queued');
    const noticeMail = await eventually(async () => (await mailsTo(email)).find((m) => m.subject.startsWith('Bußgeldbescheid')), 'the notice mail');
    expect(noticeMail.attachments?.[0]?.contentType).toBe('application/pdf');

    // Payment online of the new amount, matched to the case.
    const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card' }, bearer);
    expect(checkout.status).toBe(200);
    const paid = await fetch(`${app.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }),
    });
    expect(paid.status).toBe(303);
    await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
    await eventually(async () => (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status === 'paid', 'paid');
    const payments = await app.system.model.payments.find({ caseNumber: recorded.ticketNumber }).lean();
    expect(payments.map((p) => p.amountCents)).toEqual([8350]);

    // The status is written a moment before its audit event (one activity, two writes): read the trail once it has the payment's end.
    const audit = await eventually(async () => {
      const actions = (await app.system.model.audit.find({ caseNumber: recorded.ticketNumber }).sort({ at: 1 }).lean()).map((a) => `${a.action}:${a.actor}`);
      return actions.includes('parking-ticket.paid:system') && actions;
    }, 'the paid audit event');
    expect(audit).toEqual(expect.arrayContaining(['parking-ticket.letter-queued:system', 'fine-proceedings.hearing-answered:citizen', 'fine-proceedings.decision-requested:system', 'task.completed:test-staff',
      'fine-proceedings.fine-notice-issued:test-staff', 'parking-ticket.payment-booked:payment:card', 'parking-ticket.paid:system']));
    expect(audit.indexOf('fine-proceedings.hearing-answered:citizen')).toBeLessThan(audit.indexOf('fine-proceedings.decision-requested:system'));
  });

  it('when the citizen objects on the portal, then the traffic department gets a withdrawal task; a second objection meanwhile is 409', async () => {
    const { recorded, citizen, bearer } = await ticketInHearing('HA-K 7', 'idem-hearing-2');
    expect((await citizen.request('POST', '/api/parking-tickets/current/objection', { reason: 'x' }, bearer)).status).toBe(422);
    expect((await citizen.request('POST', '/api/parking-tickets/current/objection', { reason: 'Mein Bewohnerparkausweis lag aus.' }, bearer)).status).toBe(202);
    // Refused as "already being decided" (conflict), not as a closed ticket.
    const second = await citizen.request('POST', '/api/parking-tickets/current/objection', { reason: 'Noch einmal.' }, bearer);
    expect({ status: second.status, code: second.json?.error?.code }).toEqual({ status: 409, code: 'conflict' });
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    const task = await staff.request('GET', `/api/tasks/${encodeURIComponent(`${workflowId}~withdrawal-1`)}`);
    expect(task.json).toMatchObject({ type: 'parking-ticket.withdrawal', department: 'traffic', caseData: { request: { source: 'citizen', by: 'citizen' } } });
    expect((await staff.request('POST', `/api/tasks/${encodeURIComponent(`${workflowId}~withdrawal-1`)}/decision`, { decision: { outcome: 'keep', reason: 'Kein Ausweis auf dem Foto' } })).status).toBe(200);
    const audit = await app.system.model.audit.find({ caseNumber: recorded.ticketNumber }).lean();
    expect(audit.find((a) => a.action === 'parking-ticket.withdrawal-requested')?.actor).toBe('citizen');
    // Kept: the hearing is still open.
    expect((await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json).toMatchObject({ status: 'letter_sent', hearing: { open: true } });
  });
});
