/**
 * Guard: FerretDB v1 answers only `_id` equality without decoding every stored document, so a
 * per-request query that filters a collection growing with cases by anything else gets slower
 * with every case. This test watches every command the driver sends (command monitoring)
 * during one end-to-end flow over HTTP — record, portal look-up, status page, payment booking,
 * task decision — and fails on a scan of a case-growing collection that is not in KNOWN_SCANS.
 * KNOWN_SCANS is what the data layer still has to move to `_id` or an index document: a
 * scan that is gone must leave the list too (the test fails on a stale entry), so it only shrinks.
 */
import type { CommandStartedEvent } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';

/**
 * Collections that do not grow with cases: configuration, staff accounts, the sandbox registries'
 * data and the sandbox's undelivered webhooks (its checkouts, outcomes and deliveries grow with
 * payments and are watched). Staff sessions grow with every sign-in: they are watched (sign-in sweeps and
 * looks them up by `_id`, server/security/sessions.ts).
 */
const NOT_CASE_GROWING = /^(sandbox_(vehicle_holders|residents|payment_webhook_outbox)$|forms?$|form_versions$|staff_accounts$|sign_in|attempt|vehicle_holders|residents|counters|system\.)/;

/** `collection step: filter keys`, as this test prints them. Remove an entry when its scan is gone. */
const KNOWN_SCANS: string[] = [];

let app: RunningSystem;
beforeAll(async () => { app = await startTestSystem('http_per_request_scans'); });
afterAll(async () => { await app?.stop(); });

function filtersOf(e: CommandStartedEvent): { collection: string; filter: Record<string, unknown> }[] {
  const c = e.command as Record<string, any>;
  const collection = String(c[e.commandName] ?? '');
  switch (e.commandName) {
    case 'find': case 'count': case 'distinct': return [{ collection, filter: c.filter ?? c.query ?? {} }];
    case 'findAndModify': return [{ collection, filter: c.query ?? {} }];
    case 'update': return (c.updates ?? []).map((u: any) => ({ collection, filter: u.q ?? {} }));
    case 'delete': return (c.deletes ?? []).map((d: any) => ({ collection, filter: d.q ?? {} }));
    case 'aggregate': return [{ collection, filter: c.pipeline?.[0]?.$match ?? { '(no $match)': 1 } }];
    default: return [];
  }
}

/** `_id` equality (alone or with further conditions on that one document): what FerretDB v1 pushes down to SQLite. */
const byId = (filter: Record<string, unknown>) => {
  const id = filter._id;
  return '_id' in filter && (typeof id !== 'object' || id === null || id instanceof Date || (id as { _bsontype?: string })._bsontype === 'ObjectId');
};

describe('per-request queries', () => {
  it('when a ticket goes through recording, portal, a citizen form submission, its status page, payment and a task decision, then no query scans a case-growing collection beyond the known list', async () => {
    const seen = new Set<string>();
    const excluded = new Set<string>();
    const commands = new Map<string, number>();
    let step = 'setup';
    const client = app.system.conn.getClient();
    const watch = (e: CommandStartedEvent) => {
      commands.set(step, (commands.get(step) ?? 0) + 1);
      for (const { collection, filter } of filtersOf(e)) {
        if (!collection || byId(filter)) continue;
        if (NOT_CASE_GROWING.test(collection)) { excluded.add(`${collection}: ${Object.keys(filter).sort().join(',')}`); continue; }
        seen.add(`${collection} ${step}: ${Object.keys(filter).sort().join(',') || '(all)'}`);
      }
    };
    client.on('commandStarted', watch);
    try {
      // The control: the guard sees a scan when there is one.
      step = 'control';
      await app.system.model.tickets.countDocuments({ plate: 'HA-SC 1' });
      const warden = new HttpClient(app.baseUrl);
      await warden.signInStaff();
      step = 'record';
      const recorded = (await warden.request('POST', '/api/parking-tickets', {
        offenceCode: '112454', plate: 'HA-SC 1', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      }, { 'Idempotency-Key': 'scan-guard-1' })).json;
      expect(recorded.ticketNumber).toBeTruthy();
      step = 'portal';
      const citizen = new HttpClient(app.baseUrl);
      const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-SC 1' });
      const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
      expect((await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).status).toBe(200);
      step = 'submit';
      const submitted = await citizen.request('POST', '/api/forms/dog-tax-registration/submissions', {
        holder: { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'scan-guard@example.org' },
        dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14',
      }, { 'Idempotency-Key': 'scan-guard-dog-1' });
      step = 'status-page';
      const status = await citizen.request('POST', `/api/cases/${submitted.json.caseNumber}/status`, { token: submitted.json.statusToken });
      step = 'payment';
      const checkout = await citizen.request('POST', '/api/parking-tickets/current/checkout', { method: 'card', code: recorded.accessCode }, bearer);
      await fetch(`${app.baseUrl}/sandbox/payments/checkout/${checkout.json.checkoutId}/pay`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ method: 'card', cardNumber: '4242 4242 4242 4242' }) });
      await citizen.request('POST', '/api/parking-tickets/current/confirm-payment', { checkoutId: checkout.json.checkoutId }, bearer);
      await eventually(async () => (await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.status === 'paid', 'paid');
      step = 'task-decision';
      const other = (await warden.request('POST', '/api/parking-tickets', {
        offenceCode: '112454', plate: 'HA-SC 2', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      }, { 'Idempotency-Key': 'scan-guard-2' })).json;
      const requested = await warden.request('POST', `/api/parking-tickets/${other.ticketNumber}/withdrawal-requests`, { reason: 'Ausweis lag aus' });
      await warden.request('GET', '/api/tasks');
      const decided = await warden.request('POST', `/api/tasks/${encodeURIComponent(requested.json.taskId)}/decision`, { decision: { outcome: 'withdraw', reason: 'Ausweis erkennbar' } });
      expect({ status: status.status, decided: decided.status }).toEqual({ status: 200, decided: 200 });
      await eventually(async () => (await warden.request('GET', `/api/parking-tickets/${other.ticketNumber}`)).json?.status === 'withdrawn', 'withdrawn');
      step = 'staff-lists';
      for (const path of ['/api/parking-tickets', '/api/parking-tickets?status=paid&limit=1', '/api/outbox', '/api/dog-tax/cases?status=registered']) {
        expect((await warden.request('GET', path)).status, path).toBe(200);
      }
    } finally {
      client.off('commandStarted', watch);
    }
    expect([...seen]).toContain('parking_tickets control: plate');
    seen.delete('parking_tickets control: plate');
    for (const s of ['record', 'portal', 'submit', 'status-page', 'payment', 'task-decision', 'staff-lists']) expect(commands.get(s), `commands seen while ${s}`).toBeGreaterThan(0);
    const found = [...seen].sort();
    console.info(`[per-request scans] ${found.length} scans of case-growing collections:\n${found.join('\n')}\nnot counted (not case-growing): ${[...excluded].sort().join('; ')}\ncommands per step: ${JSON.stringify(Object.fromEntries(commands))}`);
    expect(found.filter((s) => !KNOWN_SCANS.includes(s)), 'new scans on a per-request path').toEqual([]);
    expect(KNOWN_SCANS.filter((s) => !found.includes(s)), 'known scans that are gone: remove them from KNOWN_SCANS').toEqual([]);
  }, 120_000);
});
