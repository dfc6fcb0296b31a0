/**
 * Staff accounts in a real browser: an admin signs in, sees only the admin navigation, is
 * stopped by the error summary on an empty form, creates a caseworker whose one-time password
 * is shown once; the caseworker then signs in with it and sees the caseworker navigation.
 * axe-core checks WCAG 2.1 AA on the sign-in form and the accounts page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestAccount, startTestSystem } from '../support/system';
import { launchChromium, expectNoWcagViolations } from '../support/browser';

let app: Awaited<ReturnType<typeof startTestSystem>>;
let browser: Browser;
let admin: { id: string; password: string };

beforeAll(async () => {
  app = await startTestSystem('browser_accounts');
  admin = await createTestAccount(app, { id: 'verwaltung', roles: ['admin'], displayName: 'Vera Verwaltung' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const staffNav = (page: Page) => page.getByRole('navigation', { name: /Dienst/ }).getByRole('link').allTextContents();

describe('staff accounts in the browser', () => {
  it('when an admin creates a caseworker, then the password is shown once and the caseworker signs in with it and sees their navigation', async () => {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await page.goto(`${app.baseUrl}/dienst/konten`);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // Empty form: the summary names both fields and links to them.
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Eingaben' }).or(page.locator('.kern-alert', { hasText: 'Bitte prüfen Sie Ihre Eingaben' }));
    await expect.poll(() => summary.first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'Bitte geben Sie Ihr Passwort ein.' }).count()).toBe(1);
    await expectNoWcagViolations(page);

    await page.getByLabel('Benutzername').fill(admin.id);
    await page.getByLabel('Passwort', { exact: true }).fill('wrong-password-123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Benutzername oder Passwort ist falsch.').waitFor();
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Angemeldet als Vera Verwaltung').waitFor();
    expect(await staffNav(page)).toEqual(['Startseite', 'Dienstkonten', 'Passwort ändern']);
    await page.getByRole('cell', { name: 'Vera Verwaltung' }).waitFor();
    await expectNoWcagViolations(page);

    await page.getByRole('button', { name: 'Neues Konto anlegen' }).click();
    await page.getByLabel('Benutzername').fill('krause');
    await page.getByLabel('Name', { exact: true }).fill('Karin Krause');
    await page.getByLabel('E-Mail-Adresse').fill('krause@hagen.example');
    await page.getByLabel('Sachbearbeitung').check();
    await page.getByRole('button', { name: 'Neues Konto anlegen' }).click();
    // The server's rule comes back in the summary: a caseworker needs a department.
    await page.getByRole('link', { name: 'Sachbearbeitung braucht mindestens ein Amt.' }).waitFor();
    await page.getByRole('group', { name: /^Ämter/ }).getByLabel('Bußgeldstelle').check();
    await page.getByRole('group', { name: /^Leitung/ }).getByLabel('Bußgeldstelle').check();
    await expectNoWcagViolations(page);
    await page.getByRole('button', { name: 'Neues Konto anlegen' }).click();
    await page.getByText('Das Konto krause wurde angelegt.').waitFor();
    const password = (await page.getByTestId('one-time-password').textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('row', { name: /krause/ }).waitFor();
    await expectNoWcagViolations(page);

    const other = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await other.goto(`${app.baseUrl}/dienst/postausgang`);
    await other.getByLabel('Benutzername').fill('krause');
    await other.getByLabel('Passwort', { exact: true }).fill(password);
    await other.getByRole('button', { name: 'Anmelden' }).click();
    await other.getByText('Angemeldet als Karin Krause').waitFor();
    // The password was issued by the admin: Karin chooses her own before anything else.
    await other.getByText('Bitte wählen Sie ein eigenes Passwort').waitFor();
    await other.getByLabel('Bisheriges Passwort').fill(password);
    await other.getByLabel('Neues Passwort', { exact: true }).fill('Karins eigenes Passwort');
    await other.getByLabel('Neues Passwort wiederholen').fill('Karins eigenes Passwort');
    await other.getByRole('button', { name: 'Passwort ändern' }).click();
    await other.getByText('Bitte wählen Sie ein eigenes Passwort').waitFor({ state: 'detached' });
    await other.getByText('Angemeldet als Karin Krause').waitFor();
    expect(await staffNav(other)).toEqual(['Startseite', 'Aufgaben', 'Postausgang und Verwarnungen', 'Passwort ändern']);
    // An admin page is refused in the page too (and by the server).
    await other.goto(`${app.baseUrl}/dienst/konten`);
    await other.getByText('Keine Berechtigung', { exact: true }).waitFor();
    await other.getByRole('button', { name: 'Abmelden' }).click();
    await other.getByLabel('Benutzername').waitFor();
  });
});
