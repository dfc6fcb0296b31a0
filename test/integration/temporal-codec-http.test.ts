/**
 * The codec endpoint for operators (issue 12), against the embedded stack: the encrypted input
 * of a real ticket workflow, as the Temporal UI or CLI sends it (proto3 JSON, bytes base64),
 * comes back readable for an administrator; anyone else is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { temporalUiOrigin } from '../../server/http/codec-cors';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';

let app: RunningSystem;
let admin: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_temporal_codec');
  admin = new HttpClient(app.baseUrl);
  await admin.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const b64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('base64');

describe('POST /api/temporal-codec/decode', () => {
  it('when an administrator sends the encrypted input of a ticket workflow, then it comes back as readable JSON; others are refused', async () => {
    const recorded = await admin.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-CO 42', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString(),
    }, { 'Idempotency-Key': 'idem-codec-0001' });
    expect(recorded.status).toBe(201);
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.json.ticketNumber }).lean())!;
    const history = await app.system.temporal.workflow.getHandle(workflowId).fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const sent = { payloads: [{ metadata: Object.fromEntries(Object.entries(input.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(input.data) }] };
    expect(Buffer.from(sent.payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sent.payloads[0]!.data, 'base64').toString()).not.toContain('HA-CO 42');

    const decoded = await admin.request('POST', '/api/temporal-codec/decode', sent, { 'X-Namespace': 'default' });
    expect(decoded.status).toBe(200);
    const [payload] = decoded.json.payloads;
    expect(Buffer.from(payload.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(payload.data, 'base64').toString())).toMatchObject({ plate: 'HA-CO 42', offence: { code: '112454' } });

    // Payloads not encrypted by amtsweg come back unchanged; another key's payload is 422.
    const plain = { metadata: { encoding: b64(Buffer.from('json/plain')) }, data: b64(Buffer.from('"x"')) };
    expect((await admin.request('POST', '/api/temporal-codec/decode', { payloads: [plain] })).json).toEqual({ payloads: [plain] });
    const foreign = { metadata: { ...sent.payloads[0]!.metadata, 'encryption-key-id': b64(Buffer.from('another-key')) }, data: sent.payloads[0]!.data };
    expect((await admin.request('POST', '/api/temporal-codec/decode', { payloads: [foreign] })).status).toBe(422);

    const caseworker = new HttpClient(app.baseUrl);
    const account = await createTestAccount(app, { roles: ['caseworker'], departments: ['traffic'] });
    await caseworker.signIn(account.id, account.password);
    expect((await caseworker.request('POST', '/api/temporal-codec/decode', sent)).status).toBe(403);
    expect((await new HttpClient(app.baseUrl).request('POST', '/api/temporal-codec/decode', sent)).status).toBe(401);
  });

  it('when the Temporal Web UI calls it from its own origin with the staff cookie and no CSRF token, then the preflight and the decode answer with CORS for that origin only; a caseworker is refused', async () => {
    const uiOrigin = temporalUiOrigin(app.system.config)!;
    expect(uiOrigin).toBe(`http://127.0.0.1:${app.system.config.ports.temporalUi}`);
    const preflight = (origin: string) => admin.request('OPTIONS', '/api/temporal-codec/decode', undefined, {
      Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-namespace',
    });
    // What the browser asks before the UI's fetch (JSON and X-Namespace are not "simple", credentials included).
    const allowed = await preflight(uiOrigin);
    expect(allowed.status).toBe(204);
    expect(Object.fromEntries(['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'vary'].map((h) => [h, allowed.headers.get(h)])))
      .toEqual({ 'access-control-allow-origin': uiOrigin, 'access-control-allow-credentials': 'true', 'access-control-allow-methods': 'POST', vary: expect.stringMatching(/Origin/) });
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['content-type', 'x-namespace']));
    for (const other of ['http://127.0.0.1:9', 'https://evil.example', 'null']) {
      const refused = await preflight(other);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-credentials')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
    }

    // The decode itself, as the UI sends it: cookie, Origin, X-Namespace, no CSRF token.
    const plain = { payloads: [{ metadata: { encoding: b64(Buffer.from('json/plain')) }, data: b64(Buffer.from('"x"')) }] };
    const ui = Object.assign(Object.create(Object.getPrototypeOf(admin)), admin, { csrfToken: '' }) as HttpClient;
    const decoded = await ui.request('POST', '/api/temporal-codec/decode', plain, { Origin: uiOrigin, 'X-Namespace': 'default' });
    expect(decoded.status).toBe(200);
    expect(decoded.json).toEqual(plain);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    expect(decoded.headers.get('access-control-allow-credentials')).toBe('true');
    // From another origin the server may answer, but the browser gets no permission to read it.
    const elsewhere = await ui.request('POST', '/api/temporal-codec/decode', plain, { Origin: 'https://evil.example', 'X-Namespace': 'default' });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    // The exemption is this route's alone: another staff change without the token is still refused.
    expect((await ui.request('POST', '/api/staff/password', { currentPassword: 'x', newPassword: 'y' }, { Origin: uiOrigin })).json?.error?.code).toBe('csrf_failed');

    // Another staff role, through the UI's origin: 403 (with CORS headers, so the UI can show why).
    const caseworker = new HttpClient(app.baseUrl);
    const account = await createTestAccount(app, { roles: ['caseworker'], departments: ['traffic'] });
    await caseworker.signIn(account.id, account.password);
    caseworker.csrfToken = '';
    const forbidden = await caseworker.request('POST', '/api/temporal-codec/decode', plain, { Origin: uiOrigin, 'X-Namespace': 'default' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('access-control-allow-origin')).toBe(uiOrigin);
    // Without the cookie (the UI's default: credentials not included): 401.
    expect((await new HttpClient(app.baseUrl).request('POST', '/api/temporal-codec/decode', plain, { Origin: uiOrigin })).status).toBe(401);
  });
});
