/**
 * The Temporal Web UI that `npm start` runs shows a ticket's input decoded (issue 12, codec
 * endpoint): the embedded stack with its UI, an administrator signed in to amtsweg in the same
 * browser, the UI's codec setting "include cross-origin credentials" switched on (as
 * docs/operations.md tells an operator) — the workflow page shows the plate, which Temporal
 * stores only encrypted. Without the cookie (not signed in) it stays encrypted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import { runSystem, type RunningSystem } from '../../scripts/lib/run-system';
import { freePort } from '../../scripts/lib/stack';
import { launchChromium } from '../support/browser';
import { createTestAccount, HttpClient } from '../support/system';

let app: RunningSystem | undefined;
let browser: Browser | undefined;
let uiUrl: string;
let workflowId: string;
const admin = { id: 'codec-admin', password: 'codec-admin-password-0123' };

beforeAll(async () => {
  const env: Record<string, string> = { AMTSWEG_DATA_DIR: mkdtempSync(join(tmpdir(), 'amtsweg-ui-codec-')), AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
  for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
  app = await runSystem(loadConfig(env));
  uiUrl = app.stack!.temporalUiUrl!;
  await createTestAccount(app, { ...admin, roles: ['admin', 'warden'], departments: ['traffic'] });
  const warden = new HttpClient(app.baseUrl);
  await warden.signIn(admin.id, admin.password);
  const recorded = await warden.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: 'HA-UI 42', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 60_000).toISOString(),
  }, { 'Idempotency-Key': 'idem-ui-codec-1' });
  expect({ status: recorded.status, body: recorded.status === 201 ? undefined : recorded.json }).toEqual({ status: 201, body: undefined });
  workflowId = (await app.system.model.tickets.findOne({ ticketNumber: recorded.json.ticketNumber }).lean())!.workflowId;
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

/** The UI's own codec setting, per browser: the endpoint npm start configured, with the browser's cookies. */
async function includeCredentials(page: Page): Promise<void> {
  await page.goto(`${uiUrl}/namespaces/default/workflows`);
  await page.evaluate((endpoint) => {
    localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
    localStorage.setItem('includeCredentials', 'true');
    // The UI's own keys (its codec settings dialog writes them): the browser's endpoint counts only with the override on.
    localStorage.setItem('endpoint', JSON.stringify(endpoint));
  }, `${app!.baseUrl}/api/temporal-codec`);
}

describe('the Temporal Web UI of npm start', () => {
  it('when an administrator signed in to amtsweg opens a ticket workflow with cross-origin credentials on, then its input shows decoded; not signed in, it stays encrypted', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    try {
      await includeCredentials(page);
      const workflowPage = `${uiUrl}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`;
      // Not signed in: the codec endpoint answers 401, the UI shows the payload as it is stored.
      await page.goto(workflowPage);
      await expect.poll(async () => (await page.content()).includes('parkingTicketWorkflow'), { timeout: 30_000, interval: 500 }).toBe(true);
      await page.waitForTimeout(3000);
      expect(await page.content()).not.toContain('HA-UI 42');

      // Signed in to amtsweg (its origin, same site): the UI's decode requests carry the staff cookie.
      await page.goto(`${app!.baseUrl}/api/health`);
      const signedIn = await page.evaluate(async (body) => (await fetch('/api/staff/session', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status, { userName: admin.id, password: admin.password });
      expect(signedIn).toBe(200);
      const decodes: number[] = [];
      const seen: string[] = [];
      page.on('requestfinished', (r) => { if (r.url().includes('temporal-codec')) void Promise.all([r.response(), r.allHeaders()]).then(([res, h]) => seen.push(`${r.method()} ${res?.status()} cookie=${h.cookie ?? '-'} origin=${h.origin}`)); });
      page.on('requestfailed', (r) => { if (r.url().includes('temporal-codec')) seen.push(`${r.method()} ${r.url()} failed ${r.failure()?.errorText}`); });
      page.on('console', (m) => { if (/codec|CORS|decode/i.test(m.text())) seen.push(`console: ${m.text()}`); });
      page.on('response', (r) => { if (r.url().endsWith('/api/temporal-codec/decode') && r.request().method() === 'POST') decodes.push(r.status()); });
      await page.goto(workflowPage);
      await expect.poll(async () => (await page.content()).includes('HA-UI 42'), { timeout: 45_000, interval: 500 }).toBe(true)
        .catch(async (error: unknown) => {
          await page.screenshot({ path: join(tmpdir(), 'amtsweg-ui-codec-failed.png'), fullPage: true });
          console.info('[ui-codec] codec requests', JSON.stringify(seen), 'localStorage', await page.evaluate(() => JSON.stringify({ ...localStorage })));
          throw error;
        });
      expect(decodes.length).toBeGreaterThan(0);
      expect(decodes.every((s) => s === 200)).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);
});
