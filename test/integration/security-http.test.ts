/**
 * Issue 9, items 1 and 6, against the running app (web server + worker on this run's stack):
 * the sandboxes answer only the sandbox key or an administrator's session (changes with the
 * CSRF token), a production-mode app serves no sandbox at all, HSTS and the `__Host-` cookie
 * come with TLS (directly or from a trusted proxy), /api/health tells anyone up/down only, and
 * a health check every few milliseconds does not open an SMTP connection each time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { SMTP_CHECK_TTL_MS } from '../../server/use-cases/check-health';
import type { System } from '../../system/system';
import { HttpClient, createTestAccount, startTestSystem } from '../support/system';

let app: Awaited<ReturnType<typeof startTestSystem>>;
let admin: HttpClient;
beforeAll(async () => {
  app = await startTestSystem('http_security');
  admin = new HttpClient(app.baseUrl);
  await admin.signInStaff();
}, 120_000);
afterAll(async () => { await app?.stop(); });

/** Another app on the same system (a second web process with other configuration), on a free port. */
async function serveVariant(system: System): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(createApp(system));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

const victim = { holderKind: 'person', name: 'Mallory Opfer', street: 'Elberfelder Straße 1', postalCode: '58095', city: 'Hagen' };

describe('the embedded sandboxes in the running app', () => {
  it('when someone without key or admin session calls a sandbox API, then 401 — anonymous, a warden, and an admin without the CSRF token on a change', async () => {
    const anonymous = new HttpClient(app.baseUrl);
    const warden = new HttpClient(app.baseUrl);
    const account = await createTestAccount(app, { roles: ['warden'], departments: ['traffic'] });
    await warden.signIn(account.id, account.password);
    for (const client of [anonymous, warden]) {
      expect((await client.request('GET', '/sandbox/vehicle-registry/api/holders')).status).toBe(401);
      expect((await client.request('PUT', '/sandbox/vehicle-registry/api/holders/HA-AB%20123', victim)).status).toBe(401);
      expect((await client.request('GET', '/sandbox/resident-registry/api/residents')).status).toBe(401);
      expect((await client.request('GET', '/sandbox/payments/api/checkouts')).status).toBe(401);
    }
    const noCsrf = await admin.request('PUT', '/sandbox/vehicle-registry/api/holders/HA-AB%20123', victim, { 'X-CSRF-Token': 'wrong' });
    expect(noCsrf.status).toBe(401);
    const holder = await admin.request('GET', '/sandbox/vehicle-registry/api/holders/HA-AB%20123', undefined, { Authorization: `Bearer ${app.system.secrets.sandboxKey}` });
    expect(holder.json.name).toBe('Erika Mustermann');
  });

  it('when an administrator (session + CSRF) or the sandbox key holder calls, then the sandbox answers', async () => {
    expect((await admin.request('GET', '/sandbox/resident-registry/api/residents')).status).toBe(200);
    const put = await admin.request('PUT', '/sandbox/vehicle-registry/api/holders/HA-SX%2042', { ...victim, name: 'Berta Beispiel' });
    expect([200, 201]).toContain(put.status);
    const keyed = await fetch(`${app.baseUrl}/sandbox/payments/api/checkouts`, { headers: { Authorization: `Bearer ${app.system.secrets.sandboxKey}` } });
    expect(keyed.status).toBe(200);
  });

  it('when the app runs in production mode, then no /sandbox route exists and the API document lists none', async () => {
    const production = await serveVariant({ ...app.system, config: { ...app.system.config, mode: 'production' }, secrets: { ...app.system.secrets, sandboxKey: undefined } });
    try {
      for (const path of ['/sandbox/payments/checkout/chk_x', '/sandbox/vehicle-registry/api/holders', '/sandbox/resident-registry/api/residents']) {
        const res = await fetch(`${production.url}${path}`, { headers: { Authorization: `Bearer ${app.system.secrets.sandboxKey}` } });
        expect(res.status, path).toBe(404);
      }
      const doc = await (await fetch(`${production.url}/api/openapi.json`)).json() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/sandbox/'))).toEqual([]);
      expect(Object.keys(doc.paths)).toContain('/api/health');
    } finally {
      await production.close();
    }
  });
});

describe('TLS headers and health', () => {
  it('when a request comes over plain HTTP, then no HSTS and the staff cookie has no __Host- prefix; over TLS from a trusted proxy, then both', async () => {
    const plain = await fetch(`${app.baseUrl}/`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const viaProxy = { 'X-Forwarded-Proto': 'https' };
    expect((await fetch(`${app.baseUrl}/`, { headers: viaProxy })).headers.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
    const signIn = (headers: Record<string, string>) => fetch(`${app.baseUrl}/api/staff/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ userName: 'nobody-here', password: 'x' }),
    });
    // The cookie's name and flags, from a successful sign-in.
    const account = await createTestAccount(app, { roles: ['warden'], departments: ['traffic'] });
    const tls = await fetch(`${app.baseUrl}/api/staff/session`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...viaProxy }, body: JSON.stringify({ userName: account.id, password: account.password }),
    });
    expect(tls.headers.get('set-cookie')).toMatch(/^__Host-amtsweg_staff=[^;]+;.*Path=\/;.*HttpOnly;.*Secure;.*SameSite=Strict/i);
    expect(tls.headers.get('set-cookie')).not.toMatch(/Domain=/i);
    expect((await signIn({})).headers.get('strict-transport-security')).toBeNull();
    // A proxy the app does not trust cannot claim TLS.
    const untrusting = await serveVariant({ ...app.system, config: { ...app.system.config, trustProxy: 'false' } });
    try {
      expect((await fetch(`${untrusting.url}/`, { headers: viaProxy })).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await untrusting.close();
    }
  });

  it('when anyone asks /api/health, then up or down only; an administrator gets each dependency', async () => {
    const anonymous = await new HttpClient(app.baseUrl).request('GET', '/api/health');
    expect(anonymous.json).toEqual({ status: 'ok' });
    expect(JSON.stringify(anonymous.json)).not.toMatch(/127\.0\.0\.1|address|namespace/);
    const detailed = await admin.request('GET', '/api/health');
    expect(detailed.json.dependencies.temporal).toMatchObject({ ok: true, address: expect.any(String) });
  });

  it(`when /api/health is called 30 times in a row, then the SMTP relay is asked at most once per ${SMTP_CHECK_TTL_MS / 1000} s`, async () => {
    const mailer = app.system.mailer;
    const verify = mailer.verify.bind(mailer);
    let opened = 0;
    mailer.verify = () => { opened += 1; return verify(); };
    try {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(`${app.baseUrl}/api/health`).then((r) => r.status)));
      for (let i = 0; i < 20; i += 1) answers.push((await fetch(`${app.baseUrl}/api/health`)).status);
      expect(answers.every((s) => s === 200)).toBe(true);
      expect(opened).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / SMTP_CHECK_TTL_MS) + 1);
      expect(opened).toBeLessThanOrEqual(2);
    } finally {
      mailer.verify = verify;
    }
  });
});
