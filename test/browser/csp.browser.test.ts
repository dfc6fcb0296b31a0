/**
 * The strict Content-Security-Policy (issue 9, item 6) in chromium: no 'unsafe-inline', no
 * 'unsafe-eval', and every main page — citizen portal, a form with its in-browser validation,
 * the ticket portal with its GiroCode and the payment round trip, the staff pages including the
 * record form and the designer — works under it without a single CSP violation or console error.
 * Before the fix the policy allowed 'unsafe-eval' because rjsf's ajv compiled each schema with
 * `new Function`; without it the forms' validation threw (EvalError) in the browser.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createTestAccount } from '../support/system';
import { useBrowserTestSystem, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_csp');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

/** Every CSP violation (the DOM event) and every console error or uncaught exception, with the page it happened on. */
async function watched(lang: 'de' | 'en' = 'de'): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin' });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  const problems: string[] = [];
  await context.exposeBinding('reportCspViolation', ({ page }, text: string) => { problems.push(`${page.url()}: ${text}`); });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`CSP ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`${page.url()}: console: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught: ${error.message}`));
  return { context, page, problems };
}

describe('strict Content-Security-Policy', () => {
  it('when the app is served, then its policy allows no inline script or style and no eval, and frames nothing', async () => {
    for (const path of ['/', '/dienst/erfassen', '/api/health']) {
      const csp = (await fetch(`${app.baseUrl}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toMatch(/style-src 'self'(;|$)/);
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
  });

  it('when a person uses the citizen pages and a form (its checks run in the browser), then nothing is blocked and nothing fails', async () => {
    const { page, problems } = await watched();
    for (const path of ['/', '/dienste', '/knoellchen', '/impressum', '/datenschutz', '/barrierefreiheit']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main h1').first().waitFor();
    }
    await page.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
    await page.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    // The browser-side validation (web/src/rjsf/validator.ts) ran: every required field is listed.
    await page.locator('.error-summary').getByText('Bitte korrigieren Sie 6 markierte Angaben.').waitFor();
    await page.getByLabel('Postleitzahl').fill('1234');
    await page.getByLabel('Geburtsdatum').fill('31.02.1990');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('.error-summary').getByRole('link', { name: /^Postleitzahl: (?!Bitte füllen)/ }).waitFor();
    expect(problems).toEqual([]);
  });

  it('when a warden records a ticket and the person pays it online (German and English), then nothing is blocked and nothing fails', async () => {
    // Every staff tool but the accounts page (an administrator's sign-in needs a second factor first).
    const user = await createTestAccount(app, { roles: ['warden', 'caseworker', 'designer'], departments: ['traffic', 'fine-office'] });
    const staff = await watched();
    await staff.page.goto(`${app.baseUrl}/dienst/erfassen`);
    await staff.page.getByLabel('Benutzername').fill(user.id);
    await staff.page.getByLabel('Passwort', { exact: true }).fill(user.password);
    await staff.page.getByRole('button', { name: 'Anmelden' }).click();
    await staff.page.getByRole('button', { name: 'Verwarnung speichern' }).waitFor();
    // Before signing in, the page asked for a session and got the expected 401.
    expect(staff.problems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    staff.problems.length = 0;
    await staff.page.getByRole('button', { name: 'Verwarnung speichern' }).click();
    await staff.page.locator('.error-summary').waitFor();
    const offence = staff.page.getByLabel('Tatbestand');
    await offence.selectOption({ label: (await offence.locator('option', { hasText: '112454' }).textContent())! });
    await staff.page.getByLabel('Kfz-Kennzeichen').fill('HA-CS 77');
    await staff.page.getByLabel('Tatort').fill('Elberfelder Straße 12, Hagen');
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .format(new Date(Date.now() - 15 * 60_000)).replace(' ', 'T');
    await staff.page.getByLabel('Tatzeit').fill(local);
    await staff.page.getByRole('button', { name: 'Verwarnung speichern' }).click();
    const heading = staff.page.getByRole('heading', { name: /^Verwarnung VG-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const ticketNumber = (await heading.textContent())!.replace('Verwarnung ', '').trim();
    const portalUrl = (await staff.page.getByRole('link', { name: /\/knoellchen\// }).getAttribute('href'))!;
    for (const path of ['/dienst', '/dienst/postausgang', '/dienst/aufgaben', '/dienst/passwort', '/dienst/formulare', '/dienst/formulare/dog-tax-registration', `/dienst/vorgaenge/${ticketNumber}`]) {
      await staff.page.goto(`${app.baseUrl}${path}`);
      await staff.page.locator('main h1').first().waitFor();
      await staff.page.waitForLoadState('networkidle');
    }
    expect(staff.problems).toEqual([]);

    for (const lang of ['en', 'de'] as const) {
      const citizen = await watched(lang);
      await citizen.page.goto(portalUrl);
      await citizen.page.getByLabel(lang === 'de' ? 'Kfz-Kennzeichen' : 'Vehicle registration number').fill('ha-cs 77');
      await citizen.page.locator('main form button[type=submit]').first().click();
      await citizen.page.getByRole('img', { name: /GiroCode/ }).waitFor();
      if (lang === 'de') {
        await citizen.page.getByLabel('Kreditkarte').check();
        await citizen.page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
        await citizen.page.waitForURL(/\/sandbox\/payments\/checkout\//);
        // The hosted page has its own policy; leaving it and coming back must work too.
        await citizen.page.getByRole('button', { name: /^Abbrechen/ }).click();
        await citizen.page.waitForURL(/\/knoellchen\/.+/);
        await citizen.page.getByText('Die Zahlung wurde abgebrochen').waitFor();
        await citizen.page.getByLabel('Kreditkarte').check();
        await citizen.page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
        await citizen.page.waitForURL(/\/sandbox\/payments\/checkout\//);
        await citizen.page.getByRole('button', { name: /^Bezahlen/ }).click();
        await citizen.page.waitForURL(/\/knoellchen\/.+/);
        await citizen.page.getByText(/Bezahlt/).first().waitFor({ timeout: 15_000 });
      }
      expect(citizen.problems, lang).toEqual([]);
    }
  });
});
