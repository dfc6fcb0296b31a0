/**
 * The citizen's ticket page (issue 13, item 3), in chromium: the deadline said once, a status
 * that says what applies now, one name for the card on the windscreen, and the ticket number
 * on one line on a phone.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { HttpClient } from '../support/system';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_ticket_page');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

async function record(plate: string, daysAgo: number, key: string) {
  const staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  const res = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - daysAgo * 86_400_000 - 60_000).toISOString(),
  }, { 'Idempotency-Key': key });
  expect(res.status).toBe(201);
  return res.json as { ticketNumber: string; portalUrl: string };
}

async function openTicket(portalUrl: string, plate: string, lang: 'de' | 'en', width: number): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 800 } });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  const page = await context.newPage();
  await page.goto(portalUrl);
  await page.getByLabel(lang === 'de' ? 'Kfz-Kennzeichen' : 'Vehicle registration number').fill(plate);
  await page.locator('form button[type=submit]').click();
  await page.getByRole('heading', { name: lang === 'de' ? 'Angaben zum Verstoß' : 'About the offence' }).waitFor();
  return page;
}

describe('the ticket page', () => {
  it('when a fresh ticket is opened on a phone, then the deadline is said once and the ticket number stays on one line (German and English)', async () => {
    const ticket = await record('HA-TP 101', 0, 'ticket-page-fresh');
    for (const lang of ['de', 'en'] as const) {
      const page = await openTicket(ticket.portalUrl, 'HA-TP 101', lang, 390);
      const text = await page.locator('main').innerText();
      const payable = lang === 'de' ? /Zahlbar bis einschließlich/g : /Payable up to and including/g;
      expect(text.match(payable)?.length, lang).toBe(1);
      expect(text, lang).not.toMatch(/Hinweiszettel/);
      // Each part of the number on the same line: one box for the whole number.
      const boxes = await page.locator('h1 .nowrap').evaluate((el) => el.getClientRects().length);
      expect(boxes, lang).toBe(1);
      expect(await page.locator('h1').innerText()).toContain(ticket.ticketNumber);
      await expectNoWcagViolations(page, `ticket ${lang}`);
      await page.context().close();
    }
  });

  it('when a back-dated ticket is opened while its hearing is open, then the status says so and the letter’s deadline is said once', async () => {
    const ticket = await record('HA-MM 4711', 8, 'ticket-page-late');
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: ticket.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    for (const lang of ['de', 'en'] as const) {
      const page = await openTicket(ticket.portalUrl, 'HA-MM 4711', lang, 1280);
      const status = await page.locator('.kern-badge').first().innerText();
      expect(status, lang).toBe(lang === 'de' ? 'Anhörung läuft – Sie können sich äußern' : 'Hearing open – you can respond');
      const text = await page.locator('main').innerText();
      // The letter's new deadline, said once.
      expect(text.match(lang === 'de' ? /Zahlbar bis einschließlich/g : /Payable up to and including/g)?.length, lang).toBe(1);
      await expectNoWcagViolations(page, `late ticket ${lang}`);
      await page.context().close();
    }
  });

  it('when the portal\'s payment and objection forms are sent with problems, then each problem is a link in a summary that gets the focus', async () => {
    const ticket = await record('HA-TP 202', 0, 'ticket-page-forms');
    const page = await openTicket(ticket.portalUrl, 'HA-TP 202', 'de', 1280);
    const pay = page.locator('section[aria-labelledby="pay-title"]');
    await pay.getByLabel(/E-Mail-Adresse für die Zahlungsbestätigung/).fill('keine-adresse');
    await pay.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    const summary = pay.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Zahlungsart: Bitte wählen Sie eine Zahlungsart.',
      'E-Mail-Adresse für die Zahlungsbestätigung: Bitte geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@beispiel.de.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await summary.getByRole('link', { name: /^Zahlungsart/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pay-method-card');

    await page.getByRole('button', { name: 'Einwand senden' }).click();
    const objection = page.locator('section[aria-labelledby="objection-title"] .error-summary');
    await objection.waitFor();
    expect(await objection.getByRole('link').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await expectNoWcagViolations(page, 'portal forms with errors');
  });
});
