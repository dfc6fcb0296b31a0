/**
 * The form registry over HTTP: a designer publishes version 2 of the warden's ticket form, the
 * portal serves it, and each submission is validated against the version it names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { ticketDraft, withVehicleMake } from '../forms/support';

const FORM = '/api/forms/record-parking-ticket';
let app: RunningSystem;
let staff: HttpClient;
let recorded: { accessCode: string };

beforeAll(async () => {
  app = await startTestSystem('http_forms');
  staff = new HttpClient(app.baseUrl, 'en');
  await staff.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const ticket = (extra: Record<string, unknown> = {}) => ({
  offenceCode: '112454', plate: 'HA-AB 123', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString(), ...extra,
});

describe('forms over HTTP', () => {
  it('when nothing was published yet, then the portal gets the built-in file as version 1', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const form = await anonymous.request('GET', FORM);
    expect(form.status).toBe(200);
    expect(form.json).toMatchObject({ id: 'record-parking-ticket', version: 1, procedure: 'parking-ticket' });
    expect(form.json).not.toHaveProperty('publishedBy');
    const list = await anonymous.request('GET', '/api/forms');
    expect(list.json.items).toContainEqual(expect.objectContaining({ id: 'record-parking-ticket', version: 1, versionCount: 1, audience: 'staff' }));
  });

  it('when a designer checks and publishes a new optional field, then the portal serves v2 and each submission is validated by its version', async () => {
    const draft = { ...ticketDraft(withVehicleMake), note: 'Fahrzeugmarke erfassen' };
    const check = await staff.request('POST', `${FORM}/check`, draft);
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ publishable: true, problems: [], against: 1 });
    expect(check.json.diff).toContainEqual(expect.objectContaining({ path: 'schema/properties/vehicleMake', kind: 'added' }));
    expect((await staff.request('GET', FORM)).json.version).toBe(1); // a check publishes nothing

    const published = await staff.request('POST', `${FORM}/versions`, draft);
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({ version: 2, publishedBy: 'test-staff', note: 'Fahrzeugmarke erfassen', source: 'designer' });
    const served = (await new HttpClient(app.baseUrl).request('GET', FORM)).json;
    expect(served.version).toBe(2);
    expect(served.schema.properties.vehicleMake).toEqual({ type: 'string', title: 'Fahrzeugmarke', maxLength: 40 });
    expect((await staff.request('GET', `${FORM}/versions/1`)).json.schema.properties).not.toHaveProperty('vehicleMake');

    // Rendered from v1: the field v1 does not know is refused as unknown (its value is not looked at).
    const bad = ticket({ vehicleMake: 42 });
    const fromV1 = await staff.request('POST', '/api/parking-tickets', bad, { 'Idempotency-Key': 'forms-http-v1', 'Form-Version': '1' });
    expect(fromV1.status).toBe(422);
    expect(fromV1.json.error.fields).toEqual([{ field: 'vehicleMake', message: 'Unknown field – not accepted here.' }]);
    const v1 = await staff.request('POST', '/api/parking-tickets', ticket(), { 'Idempotency-Key': 'forms-http-v1b', 'Form-Version': '1' });
    expect(v1.status).toBe(201);
    expect(v1.headers.get('form-version')).toBe('1');
    // Rendered from v2: the same value reaches validation and is refused for that field only.
    const fromV2 = await staff.request('POST', '/api/parking-tickets', bad, { 'Idempotency-Key': 'forms-http-v2', 'Form-Version': '2' });
    expect(fromV2.status).toBe(422);
    expect(fromV2.json.error.fields).toEqual([{ field: 'vehicleMake', message: 'Expected: string.' }]);
    // Without the header (API clients, today's web app): the newest version.
    const newest = await staff.request('POST', '/api/parking-tickets', bad, { 'Idempotency-Key': 'forms-http-v0' });
    expect(newest.json.error.fields).toEqual([{ field: 'vehicleMake', message: 'Expected: string.' }]);
    const good = await staff.request('POST', '/api/parking-tickets', ticket({ plate: 'HA-K 7', vehicleMake: 'VW' }), { 'Idempotency-Key': 'forms-http-v2b' });
    expect(good.status).toBe(201);
    recorded = good.json;
    expect(good.headers.get('form-version')).toBe('2');

    expect((await staff.request('POST', '/api/parking-tickets', ticket(), { 'Idempotency-Key': 'forms-http-v9', 'Form-Version': '9' })).status).toBe(404);
    expect((await staff.request('POST', '/api/parking-tickets', ticket(), { 'Idempotency-Key': 'forms-http-vx', 'Form-Version': 'zwei' })).json.error.fields[0].field).toBe('Form-Version');
  });

  it('when a draft removes a contract field, then check names the problem and publishing answers 422', async () => {
    const draft = ticketDraft((d) => { delete d.schema.properties.place; d.schema.required = d.schema.required.filter((f: string) => f !== 'place'); });
    const check = await staff.request('POST', `${FORM}/check`, draft);
    expect(check.json.publishable).toBe(false);
    const refused = await staff.request('POST', `${FORM}/versions`, draft);
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toContainEqual({ field: 'schema/properties/place', message: 'The procedure needs the field "place" (string).' });
    expect((await staff.request('GET', FORM)).json.version).toBe(2);
  });

  it('when a designer restores v1, then v3 is served with v1\'s content and the history shows where it came from', async () => {
    const restored = await staff.request('POST', `${FORM}/versions/1/restore`, {});
    expect(restored.status).toBe(201);
    expect(restored.json).toMatchObject({ version: 3, restoredFrom: 1 });
    const v1 = (await staff.request('GET', `${FORM}/versions/1`)).json;
    const served = (await staff.request('GET', FORM)).json;
    expect({ ...served, version: 1, publishedAt: v1.publishedAt }).toEqual(v1);
    const history = await staff.request('GET', `${FORM}/versions`);
    expect(history.json.items.map((v: { version: number; restoredFrom?: number }) => [v.version, v.restoredFrom ?? null])).toEqual([[3, 1], [2, null], [1, null]]);
    expect((await staff.request('POST', `${FORM}/versions/7/restore`, {})).status).toBe(404);
  });

  it('when an anonymous caller tries to publish, then 401, and a citizen 403; unknown forms and versions are 404', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    expect((await anonymous.request('POST', `${FORM}/versions`, ticketDraft())).status).toBe(401);
    expect((await anonymous.request('POST', `${FORM}/versions/1/restore`, {})).status).toBe(401);
    expect((await anonymous.request('GET', `${FORM}/versions`)).status).toBe(401);
    const opened = await anonymous.request('POST', '/api/parking-tickets/access', { code: recorded.accessCode, plate: 'HA-K 7' });
    const citizen = { Authorization: `Bearer ${opened.json.portalToken}` };
    expect((await anonymous.request('POST', `${FORM}/versions`, ticketDraft(), citizen)).status).toBe(403);
    expect((await anonymous.request('POST', `${FORM}/check`, ticketDraft(), citizen)).status).toBe(403);
    expect((await anonymous.request('GET', '/api/forms/no-such-form')).status).toBe(404);
    expect((await anonymous.request('GET', `${FORM}/versions/abc`)).status).toBe(404);
    expect((await staff.request('GET', FORM)).json.version).toBe(3);
  });
});
