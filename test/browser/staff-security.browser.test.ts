/**
 * What a staff member sees of issue 9 item 7, in chromium (German and English, 390 and 1280 px,
 * axe-core WCAG 2.1 AA): an issued password leads to the change form before anything else; an
 * admin without a second factor is led through enrolment (QR code, key to type, code); the
 * next sign-in asks for the code after the right password.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { createTestAccount, startTestSystem } from '../support/system';
import { expectNoWcagViolations, launchChromium } from '../support/browser';

let app: Awaited<ReturnType<typeof startTestSystem>>;
let browser: Browser;
const SHOTS = process.env.AMTSWEG_SCREENSHOTS; // a folder: screenshots of each page for a person to look at

beforeAll(async () => {
  app = await startTestSystem('browser_staff_security', { adminSecondFactor: 'required' });
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const words = {
  de: { user: 'Benutzername', password: 'Passwort', mustChange: 'Bitte wählen Sie ein eigenes Passwort', current: 'Bisheriges Passwort', next: 'Neues Passwort', repeat: 'Neues Passwort wiederholen',
    change: 'Passwort ändern', enrol: 'Bitte richten Sie zuerst den zweiten Faktor ein', begin: 'Einrichtung beginnen', code: 'Code aus der Authenticator-App', confirm: 'Bestätigen',
    signIn: 'Anmelden', signOut: 'Abmelden', asked: 'Ihr Konto ist mit einem zweiten Faktor geschützt', signedIn: /Angemeldet als/, accounts: 'Alle Konten', qr: 'QR-Code für die Authenticator-App' },
  en: { user: 'User name', password: 'Password', mustChange: 'Please choose your own password', current: 'Current password', next: 'New password', repeat: 'Repeat new password',
    change: 'Change password', enrol: 'Please set up the second factor first', begin: 'Begin set-up', code: 'Code from the authenticator app', confirm: 'Confirm',
    signIn: 'Sign in', signOut: 'Sign out', asked: 'Your account is protected by a second factor', signedIn: /Signed in as/, accounts: 'All accounts', qr: 'QR code for the authenticator app' },
};

async function open(path: string, lang: 'de' | 'en', width: number): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('amtsweg.lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${path}`);
  return page;
}

async function signIn(page: Page, lang: 'de' | 'en', id: string, password: string): Promise<void> {
  const w = words[lang];
  await page.getByLabel(w.user).fill(id);
  await page.getByLabel(w.password, { exact: true }).fill(password);
  await page.locator('form button[type=submit]').click();
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe('staff sign-in security pages', () => {
  for (const lang of ['de', 'en'] as const) {
    for (const width of [390, 1280]) {
      it(`(${lang}, ${width} px) when the password was issued, then the change form comes first; after it the page asked for`, async () => {
        const w = words[lang];
        const id = `issued-${lang}-${width}`;
        const account = await createTestAccount(app, { id, roles: ['warden'], issued: true });
        const page = await open('/dienst/passwort', lang, width);
        await signIn(page, lang, id, account.password);
        await page.getByText(w.mustChange).waitFor();
        await expectNoWcagViolations(page, `${lang} ${width} must change`);
        await shot(page, `must-change-${lang}-${width}`);
        await page.getByLabel(w.current).fill(account.password);
        await page.getByLabel(w.next, { exact: true }).fill('ein eigenes Passwort 42');
        await page.getByLabel(w.repeat).fill('ein eigenes Passwort 42');
        await page.getByRole('button', { name: w.change }).click();
        await page.getByText(w.mustChange).waitFor({ state: 'detached' });
        await page.getByText(w.signedIn).waitFor();
        await page.getByRole('heading', { name: w.change, level: 2 }).waitFor(); // the page asked for: the own-password form
        await page.context().close();
      }, 120_000);

      it(`(${lang}, ${width} px) when an admin has no second factor, then enrolment comes first (QR code, key, code); the next sign-in asks for the code`, async () => {
        const w = words[lang];
        const id = `admin-${lang}-${width}`;
        const account = await createTestAccount(app, { id, roles: ['admin'] });
        const page = await open('/dienst/konten', lang, width);
        await signIn(page, lang, id, account.password);
        await page.getByText(w.enrol).waitFor();
        await page.getByRole('button', { name: w.begin }).click();
        await page.getByRole('img', { name: w.qr }).waitFor();
        await expectNoWcagViolations(page, `${lang} ${width} enrolment`);
        await shot(page, `enrol-${lang}-${width}`);
        const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
        await page.getByLabel(w.code).fill('000000');
        await page.getByRole('button', { name: w.confirm }).click();
        await page.locator('#totp-code-error').waitFor();
        await expectNoWcagViolations(page, `${lang} ${width} wrong code`);
        await page.getByLabel(w.code).fill(generateSync({ secret }));
        await page.getByRole('button', { name: w.confirm }).click();
        await page.getByRole('heading', { name: w.accounts }).waitFor();

        await page.getByRole('button', { name: w.signOut }).click();
        await signIn(page, lang, id, account.password);
        await page.getByText(w.asked).waitFor();
        await expect.poll(() => page.getByLabel(w.code).evaluate((el) => el === document.activeElement)).toBe(true);
        await expectNoWcagViolations(page, `${lang} ${width} code asked`);
        await shot(page, `code-asked-${lang}-${width}`);
        await page.getByLabel(w.code).fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
        await page.locator('form button[type=submit]').click();
        await page.getByRole('heading', { name: w.accounts }).waitFor();
        await shot(page, `accounts-${lang}-${width}`);
        await page.context().close();
      }, 120_000);
    }
  }
});
