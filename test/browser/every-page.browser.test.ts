/**
 * Every page of every role in a real browser (Debian chromium, playwright-core), one system:
 * citizen, warden, caseworker (fine office; one of the Bürgeramt, which has no procedure of its
 * own yet — there is no separate "clerk" role in store/accounts), station staff, designer and
 * administrator each go through their main task. On every page on the way axe-core finds no
 * WCAG 2.1 A/AA violation, in German and after the language switch in English (the page's
 * text changes, `<html lang>` follows, no raw text keys). One citizen form is completed with
 * the keyboard alone. At the end every route of web/src/app.tsx must have been visited.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateSync } from 'otplib';
import { HttpClient, createTestAccount } from '../support/system';
import { eventually } from '../support/eventually';
import { mailsTo } from '../support/activity-env';
import { letterCodeOf } from '../support/letter-code';
import { useBrowserTestSystem, wcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_every_page');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});
// SHOTS=<folder>: each test's pages as they were at its end (a failing step is then in the picture).
afterEach(async (test) => {
  if (test.task.result?.state === 'fail' && refused.length > 0) console.info(`[every page] ${test.task.name}: refused API calls: ${[...new Set(refused)].join(', ')}`);
  refused.length = 0;
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, page] of context.pages().entries()) {
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/${test.task.name.split(':')[0]}-${i}-${j}.png`, fullPage: true }).catch(() => undefined);
    }
    await context.close();
  }
});

type Lang = 'de' | 'en';
const DAY = 86_400_000;

/** The routes of the web app, read from its route table; '*' is the not-found page. */
const ROUTES = [...readFileSync('web/src/app.tsx', 'utf8').matchAll(/\bpath: '(\/[^']*)'/g)].map((m) => m[1]!).concat('*');
const matches = (pattern: string, path: string) => {
  const want = pattern.split('/').filter(Boolean);
  const have = path.replace(/\/+$/, '').split('/').filter(Boolean);
  return want.length === have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
};
/** Route → where it was checked. */
const visited = new Map<string, string[]>();
const findings: string[] = [];

async function newPage(lang: Lang = 'de', width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  const page = await context.newPage();
  // Refused API calls behind a page are named when the test fails.
  page.on('pageerror', (error) => refused.push(`page error: ${error.message}`));
  page.on('response', (res) => { if (res.status() >= 400 && res.url().includes('/api/')) refused.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`); });
  return page;
}
const refused: string[] = [];

const mainText = (page: Page) => page.locator('main').innerText();

/**
 * The checks every page gets: no axe violation, the language switch turns the page into the
 * other language (and back) with no violation there either, no raw keys or "undefined".
 */
async function checkPage(page: Page, where: string): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .loading').count(), { timeout: 15_000 }).toBe(0);
  const path = new URL(page.url()).pathname;
  const route = ROUTES.find((r) => r !== '*' && matches(r, path)) ?? '*';
  visited.set(route, [...(visited.get(route) ?? []), where]);

  const from = (await page.locator('html').getAttribute('lang')) as Lang;
  const to: Lang = from === 'de' ? 'en' : 'de';
  for (const lang of [from, to]) {
    if (lang === to) {
      const before = await mainText(page);
      await page.locator('button.language-switch').click();
      await expect.poll(() => page.locator('html').getAttribute('lang'), { message: `${where}: <html lang> after the switch` }).toBe(to);
      await expect.poll(() => mainText(page), { message: `${where}: the page's text after the switch to ${to}` }).not.toBe(before);
    }
    const text = await mainText(page);
    expect(text, `${where} [${lang}]: raw keys or missing values`).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]|\b[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/);
    expect(await page.title(), `${where} [${lang}]: page title`).not.toBe('');
    const violations = await wcagViolations(page);
    for (const v of violations) findings.push(`${where} [${lang}] ${path}: ${v}`);
    expect(violations, `${where} [${lang}]`).toEqual([]);
  }
  await page.locator('button.language-switch').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(from);
}

async function signIn(page: Page, user: { id: string; password: string }): Promise<void> {
  await page.getByLabel('Benutzername').fill(user.id);
  await page.getByLabel('Passwort', { exact: true }).fill(user.password);
  await page.locator('form button[type=submit]').click();
  await page.getByText(/Angemeldet als/).waitFor();
}

async function recordTicket(plate: string, daysAgo: number, key: string) {
  const staff = new HttpClient(app.baseUrl);
  const warden = await createTestAccount(app, { roles: ['warden'], departments: ['traffic'] });
  await staff.signIn(warden.id, warden.password);
  const res = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - daysAgo * DAY - 60_000).toISOString(),
  }, { 'Idempotency-Key': key });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { ticketNumber: string; portalUrl: string; accessCode: string };
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until the element with this id has the focus (a keyboard user's way there). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 80; i += 1) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id} (focus on #${await focused(page)})`);
}
/** Tab to the field labelled so, then type. */
async function typeInto(page: Page, label: string | RegExp, text: string): Promise<void> {
  const id = await page.getByLabel(label, { exact: typeof label === 'string' }).first().getAttribute('id');
  await tabTo(page, id!);
  await page.keyboard.type(text);
}
/** A choice by keyboard: Tab into its radio group, then the arrow keys (or Space on it) until it is checked. */
async function choose(page: Page, label: string): Promise<void> {
  const radio = page.getByLabel(label, { exact: true });
  const name = await radio.getAttribute('name');
  for (let i = 0; i < 80 && !(await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)); i += 1) await page.keyboard.press('Tab');
  for (let i = 0; i < 10 && !(await radio.isChecked()); i += 1) {
    if (await radio.evaluate((el) => el === document.activeElement)) await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowDown');
  }
  expect(await radio.isChecked(), label).toBe(true);
}
/** Tab to the button named so, then Enter. */
async function pressButton(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  for (let i = 0; i < 80; i += 1) {
    if (await button.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the button ${name}`);
}

describe('every page of every role', { timeout: 600_000 }, () => {
  let lateTicket: { ticketNumber: string; portalUrl: string };
  let freshTicket: { ticketNumber: string; portalUrl: string };
  let caseNumber = '';
  beforeAll(async () => {
    // One ticket whose week is over (its hearing is open), one fresh.
    [lateTicket, freshTicket] = await Promise.all([recordTicket('HA-MM 4711', 8, 'every-page-late'), recordTicket('HA-AB 123', 0, 'every-page-fresh')]);
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: lateTicket.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 300 });
  });

  it('citizen: the information pages, the ticket portal (pay, object, answer the hearing), and a Hundesteuer form completed with the keyboard alone', async () => {
    const page = await newPage();
    for (const [path, where] of [['/', 'home'], ['/dienste', 'services'], ['/impressum', 'imprint'], ['/datenschutz', 'privacy'], ['/barrierefreiheit', 'accessibility statement'], ['/gibt-es-nicht', 'not found']] as const) {
      await page.goto(`${app.baseUrl}${path}`);
      await checkPage(page, `citizen: ${where}`);
    }

    // The portal's entry: ticket code and plate.
    await page.goto(`${app.baseUrl}/knoellchen`);
    await checkPage(page, 'citizen: ticket portal entry');
    const code = freshTicket.portalUrl.split('/').pop()!;
    await page.getByLabel('Ticket-Code').fill(code);
    await page.getByLabel('Kfz-Kennzeichen').fill('HA-AB 123');
    await page.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    await page.getByRole('heading', { name: 'Angaben zum Verstoß' }).waitFor();
    await checkPage(page, 'citizen: ticket');
    // Pay by card through the sandbox provider's hosted page.
    await page.getByLabel('Kreditkarte').check();
    await page.getByLabel(/E-Mail-Adresse für die Zahlungsbestätigung/).fill('zahlung@example.org');
    await page.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    await page.waitForURL(/\/sandbox\/payments\/checkout\//);
    await page.getByRole('button', { name: /^Bezahlen/ }).click();
    await page.waitForURL(/\/knoellchen\/.+/);
    await page.getByText(/Bezahlt/).first().waitFor({ timeout: 20_000 });
    await checkPage(page, 'citizen: ticket paid');

    // The older ticket: the card's code shows it; the hearing needs the letter's access code.
    const hearing = await newPage();
    await hearing.goto(lateTicket.portalUrl);
    await checkPage(hearing, 'citizen: ticket link, plate asked');
    await hearing.getByLabel('Kfz-Kennzeichen').fill('HA-MM 4711');
    await hearing.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    await hearing.getByLabel('Zugangscode aus dem Anhörungsschreiben').waitFor();
    await checkPage(hearing, 'citizen: late ticket, letter code asked');
    await hearing.getByLabel('Zugangscode aus dem Anhörungsschreiben').fill(await letterCodeOf(app, lateTicket.ticketNumber));
    await hearing.getByRole('button', { name: 'Zugangscode prüfen' }).click();
    await hearing.getByRole('heading', { name: 'Anhörung: Ihre Antwort' }).waitFor();
    await checkPage(hearing, 'citizen: hearing open');
    const objection = hearing.getByRole('button', { name: 'Einwand senden' });
    if (await objection.count()) {
      await objection.click();
      await hearing.locator('section[aria-labelledby="objection-title"] .error-summary').waitFor();
      await checkPage(hearing, 'citizen: objection refused (empty)');
    }
    await hearing.getByRole('button', { name: 'Anhörung beantworten' }).click();
    await hearing.getByLabel('Vorname').first().fill('Max');
    await hearing.getByLabel('Familienname').first().fill('Mustermann');
    await hearing.getByLabel('Geburtsdatum').first().fill('01.04.1980');
    await hearing.getByLabel('Straße und Hausnummer').first().fill('Körnerstraße 5');
    await hearing.getByLabel('Postleitzahl').first().fill('58095');
    await hearing.getByLabel('Ort', { exact: true }).first().fill('Hagen');
    await hearing.getByLabel('Ich räume den Verstoß ein.').check();
    const answerMail = `antwort-${Date.now()}@example.org`;

    await checkPage(hearing, 'citizen: hearing form');
    // In the hearing section: the pay panel's e-mail field ('E-Mail-Adresse für die Zahlungsbestätigung') comes first on the page.
    const mailField = hearing.locator('section[aria-labelledby="hearing-title"]').getByLabel(/^E-Mail-Adresse/).first();
    for (let i = 0; i < 4; i += 1) {
      if (await mailField.isVisible()) await mailField.fill(answerMail);
      if ((await hearing.getByRole('button', { name: 'Antwort absenden' }).count()) > 0) break;
      await hearing.getByRole('button', { name: 'Weiter', exact: true }).click();
      await checkPage(hearing, `citizen: hearing form, step ${i + 2}`);
    }
    await hearing.getByRole('button', { name: 'Antwort absenden' }).click();
    await hearing.getByText('Ihre Antwort ist eingegangen.').waitFor();
    await checkPage(hearing, 'citizen: hearing answered');
    // The link mailed to whoever answered opens the case without the letter.
    if (ROUTES.includes('/knoellchen/antwort')) {
      // (Not visited when no mail brings the link: the route check below then names the route.)
      const mail = await eventually(async () => (await mailsTo(answerMail)).find((m) => m.text.includes('/knoellchen/antwort')), 'the answer mail with its link', { tries: 150 }).catch(() => undefined);
      if (mail) {
        const answerPage = await newPage();
        await answerPage.goto(mail.text.match(/https?:\/\/\S+\/knoellchen\/antwort\S*/)![0]);
        await checkPage(answerPage, 'citizen: case by the mailed link');
      }
    }

    // The other two Hundesteuer forms' first steps.
    for (const formId of ['dog-tax-deregistration', 'dog-tax-exemption']) {
      await page.goto(`${app.baseUrl}/formulare/${formId}`);
      await page.getByRole('heading', { name: /Schritt 1 von/ }).waitFor();
      await checkPage(page, `citizen: ${formId}, step 1`);
    }

    // The registration with the keyboard alone: Tab to each field, type, Space/arrows for choices, Enter on buttons.
    const form = await newPage();
    await form.goto(`${app.baseUrl}/dienste`);
    await form.getByRole('link', { name: 'Hund zur Hundesteuer anmelden' }).waitFor();
    for (let i = 0; i < 60 && (await form.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Hund zur Hundesteuer anmelden'; i += 1) await form.keyboard.press('Tab');
    await form.keyboard.press('Enter');
    await form.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    await checkPage(form, 'citizen: registration, step 1');
    await typeInto(form, 'Vorname', 'Anna');
    await typeInto(form, 'Familienname', 'Beispiel');
    await typeInto(form, 'Geburtsdatum', '23.11.1988');
    await typeInto(form, 'Straße und Hausnummer (in Hagen)', 'Boeler Straße 88');
    await typeInto(form, 'Postleitzahl', '58097');
    await typeInto(form, 'E-Mail-Adresse', 'anna.tastatur@example.org');
    await pressButton(form, 'Weiter');
    await form.getByRole('heading', { name: 'Schritt 2 von 4: Hund' }).waitFor();
    await checkPage(form, 'citizen: registration, step 2');
    await typeInto(form, 'Name des Hundes', 'Bello');
    await typeInto(form, 'Rasse oder Kreuzung', 'Labrador-Mischling');
    await choose(form, 'Rüde');
    await choose(form, 'Ich habe den Hund aufgenommen');
    const since = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(Date.now() - 40 * DAY));
    await typeInto(form, 'Datum der Aufnahme bzw. des Zuzugs', since);
    await pressButton(form, 'Weiter');
    await form.getByRole('heading', { name: /Schritt 3 von 4/ }).waitFor();
    await checkPage(form, 'citizen: registration, step 3 (evidence)');
    await pressButton(form, 'Weiter');
    await form.getByRole('heading', { name: /Schritt 4 von 4/ }).waitFor();
    await checkPage(form, 'citizen: registration, review');
    // What was typed is what the review shows.
    const review = await mainText(form);
    for (const typed of ['Anna', 'Beispiel', 'Boeler Straße 88', '58097', 'anna.tastatur@example.org', 'Bello', 'Labrador-Mischling', 'Rüde']) expect(review, typed).toContain(typed);
    await pressButton(form, 'Anmeldung absenden');
    await form.getByRole('heading', { name: /Ihr Antrag ist eingegangen/ }).waitFor();
    await checkPage(form, 'citizen: registration received');
    caseNumber = (await form.getByText(/HST-\d{4}-\d{6}/).first().textContent())!.match(/HST-\d{4}-\d{6}/)![0];
    const status = form.getByRole('link', { name: 'Stand des Vorgangs ansehen' });
    for (let i = 0; i < 60 && !(await status.evaluate((el) => el === document.activeElement)); i += 1) await form.keyboard.press('Tab');
    await form.keyboard.press('Enter');
    await form.getByRole('heading', { name: `Vorgang ${caseNumber}` }).waitFor();
    // The tax notice follows within seconds; the page is checked with it when it is there.
    await form.getByRole('link', { name: /\(PDF\)/ }).first().waitFor({ timeout: 60_000 }).catch(() => undefined);
    await checkPage(form, 'citizen: case status');
    expect(await app.system.model.dogTaxCases.countDocuments({ caseNumber })).toBe(1);
  });

  it('warden: signs in and records a ticket; the notice card is shown', async () => {
    const warden = await createTestAccount(app, { id: 'wagner-ep', roles: ['warden'], departments: ['traffic'], displayName: 'Walter Wagner' });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst`);
    await checkPage(page, 'staff: sign-in');
    await signIn(page, warden);
    await checkPage(page, 'warden: staff home');
    await page.goto(`${app.baseUrl}/dienst/erfassen`);
    await page.getByLabel('Tatbestand').waitFor();
    await checkPage(page, 'warden: record a ticket');
    const offence = page.getByLabel('Tatbestand');
    await offence.selectOption({ label: (await offence.locator('option', { hasText: '112454' }).textContent())! });
    await page.getByLabel('Kfz-Kennzeichen').fill('HA-XY 42');
    await page.getByLabel('Tatort').fill('Boeler Straße 88, Hagen');
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .format(new Date(Date.now() - 15 * 60_000)).replace(' ', 'T');
    await page.getByLabel('Tatzeit').fill(local);
    await page.getByRole('button', { name: 'Verwarnung speichern' }).click();
    await page.getByRole('heading', { name: /^Verwarnung VG-\d{4}-\d{6}$/ }).waitFor();
    await checkPage(page, 'warden: ticket recorded');
  });

  it('caseworker (fine office): the inbox, a hearing decided, the outbox with a withdrawal request, the case history', async () => {
    const caseworker = await createTestAccount(app, { id: 'bauer-ep', roles: ['caseworker'], departments: ['fine-office', 'traffic'], displayName: 'Bettina Bauer' });
    const task = await eventually(async () => (await app.system.model.tasks.findOne({ caseNumber: lateTicket.ticketNumber, status: 'open' }).lean()) ?? false, 'the decision task', { tries: 300 });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst/aufgaben`);
    await signIn(page, caseworker);
    await checkPage(page, 'caseworker: inbox');
    await page.getByRole('navigation', { name: 'Warteschlangen' }).getByRole('link', { name: 'Warteschlange Bußgeldstelle' }).click();
    await page.getByRole('row', { name: new RegExp(lateTicket.ticketNumber) }).waitFor();
    await checkPage(page, 'caseworker: fine office queue');
    await page.getByRole('button', { name: new RegExp(`Übernehmen.*${lateTicket.ticketNumber}`) }).click();
    await page.getByRole('row', { name: new RegExp(`${lateTicket.ticketNumber}.*Bettina Bauer`) }).waitFor();
    await page.goto(`${app.baseUrl}/dienst/aufgaben/${encodeURIComponent(String(task._id))}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(lateTicket.ticketNumber) }).waitFor();
    await checkPage(page, 'caseworker: decision task');
    await page.getByLabel('Bußgeldbescheid erlassen').check();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.getByText('Die Entscheidung ist gespeichert; der Vorgang läuft weiter.').waitFor();
    await checkPage(page, 'caseworker: decision saved');

    await page.goto(`${app.baseUrl}/dienst/postausgang`);
    await page.getByRole('button', { name: `Rücknahme beantragen ${freshTicket.ticketNumber}` }).or(page.locator('main table tbody tr').first()).first().waitFor();
    await checkPage(page, 'caseworker: outbox and tickets');
    const withdraw = page.getByRole('button', { name: /^Rücknahme beantragen VG-/ }).first();
    if (await withdraw.count()) {
      await withdraw.click();
      await page.getByRole('dialog').waitFor();
      const violations = await wcagViolations(page);
      expect(violations, 'caseworker: withdrawal dialog').toEqual([]);
      await page.keyboard.press('Escape');
    }

    await page.goto(`${app.baseUrl}/dienst/vorgaenge/${lateTicket.ticketNumber}`);
    await page.locator('main table tbody tr').first().waitFor();
    await checkPage(page, 'caseworker: case history');
  });

  it('caseworker of the Bürgeramt (no procedure of its own yet): an empty inbox', async () => {
    const clerk = await createTestAccount(app, { id: 'klein-ep', roles: ['caseworker'], departments: ['citizens-office'], displayName: 'Clara Klein' });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst/aufgaben`);
    await signIn(page, clerk);
    await checkPage(page, 'caseworker (Bürgeramt): inbox');
  });

  it('designer: the forms, one form in the editor, its check', async () => {
    const designer = await createTestAccount(app, { id: 'demir-ep', roles: ['designer'], displayName: 'Deniz Demir' });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst/formulare`);
    await signIn(page, designer);
    await page.getByRole('link', { name: /Hund zur Hundesteuer anmelden bearbeiten/ }).waitFor();
    await checkPage(page, 'designer: forms');
    await page.getByRole('link', { name: /Hund zur Hundesteuer anmelden bearbeiten/ }).click();
    await page.getByLabel('JSON-Schema (draft-07)').waitFor();
    await checkPage(page, 'designer: form editor');
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByRole('heading', { name: 'Ergebnis der Prüfung' }).waitFor();
    await checkPage(page, 'designer: check result');
  });

  it('station staff: the staff home and a changed password', async () => {
    const station = await createTestAccount(app, { id: 'kaya-ep', roles: ['station'], displayName: 'Kemal Kaya' });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst`);
    await signIn(page, station);
    await checkPage(page, 'station: staff home');
    await page.goto(`${app.baseUrl}/dienst/passwort`);
    await page.getByLabel('Bisheriges Passwort').waitFor();
    await checkPage(page, 'station: password');
    await page.getByLabel('Bisheriges Passwort').fill(station.password);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('ein-neues-langes-passwort-42');
    await page.getByLabel('Neues Passwort wiederholen').fill('ein-neues-langes-passwort-42');
    await page.locator('main form button[type=submit]').click();
    await page.getByRole('status').or(page.getByRole('alert')).filter({ hasText: /Passwort/ }).first().waitFor();
    await checkPage(page, 'station: password changed');
  });

  it('administrator: the accounts and a new account', async () => {
    const admin = await createTestAccount(app, { id: 'verwaltung-ep', roles: ['admin'], displayName: 'Vera Verwaltung' });
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst/konten`);
    await signIn(page, admin);
    // An administrator without a second factor sets one up first (production's rule; the page leads there).
    const begin = page.getByRole('button', { name: 'Einrichtung beginnen' });
    await begin.or(page.getByRole('cell', { name: 'Vera Verwaltung' })).first().waitFor();
    let secret = '';
    if (await begin.isVisible()) {
      await checkPage(page, 'admin: second factor asked for');
      await begin.click();
      await page.getByRole('img', { name: 'QR-Code für die Authenticator-App' }).waitFor();
      await checkPage(page, 'admin: second factor set-up');
      secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
      await page.getByLabel('Code aus der Authenticator-App').fill(generateSync({ secret }));
      await page.getByRole('button', { name: 'Bestätigen' }).click();
    }
    await page.getByRole('cell', { name: 'Vera Verwaltung' }).waitFor();
    await checkPage(page, 'admin: accounts');
    await page.getByRole('button', { name: 'Neues Konto anlegen' }).click();
    await page.getByLabel('Name', { exact: true }).waitFor();
    await checkPage(page, 'admin: new account form');
    await page.getByLabel('Benutzername').fill('schulz-ep');
    await page.getByLabel('Name', { exact: true }).fill('Sina Schulz');
    await page.getByLabel('E-Mail-Adresse').fill('schulz@hagen.example');
    await page.getByLabel('Außendienst (Verwarnungen)').check();
    await page.getByRole('button', { name: 'Neues Konto anlegen' }).click();
    await page.getByText('Das Konto schulz-ep wurde angelegt.').waitFor();
    await checkPage(page, 'admin: account created');
    await page.goto(`${app.baseUrl}/dienst/zweiter-faktor`);
    await checkPage(page, 'admin: own second factor');
    if (secret) {
      // The next sign-in asks for the code after the right password.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByLabel('Benutzername').fill(admin.id);
      await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
      await page.locator('form button[type=submit]').click();
      await page.getByText('Ihr Konto ist mit einem zweiten Faktor geschützt').waitFor();
      await checkPage(page, 'staff: sign-in, code asked');
    }
  });

  it('covers every route of the web app', () => {
    const missing = ROUTES.filter((r) => !visited.has(r));
    console.info(`[every page] ${[...visited.values()].flat().length} page states on ${visited.size} routes, each checked in German and English; axe findings: ${findings.length}`);
    expect(missing).toEqual([]);
  });
});
