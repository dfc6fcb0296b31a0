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
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';

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

/** The access code printed only in the hearing letter (the test derives it like the letter activity). */
async function letterCodeOf(ticketNumber: string): Promise<string> {
  const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber }).lean())!;
  return deriveLetterCode(app.system.secrets.accessCode, workflowId);
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
      // Opened with the card's code: the hearing needs the letter's code, and the page says so.
      expect(await page.getByRole('button', { name: lang === 'de' ? 'Anhörung beantworten' : /Answer the hearing/ }).count(), lang).toBe(0);
      const unlock = page.locator('section[aria-labelledby="letter-code-title"]');
      expect(await unlock.innerText(), lang).toMatch(lang === 'de' ? /Zugangscode aus dem Anhörungsschreiben/ : /access code from the hearing letter/);
      await expectNoWcagViolations(page, `late ticket ${lang}`);
      await page.context().close();
    }
  });

  it("when the card's session is given the letter's access code, then the hearing and the objection open; a wrong code is one linked problem in a summary", async () => {
    const ticket = await record('HA-MM 4711', 8, 'ticket-page-letter-code');
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: ticket.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    for (const [lang, width] of [['de', 390], ['en', 1280]] as const) {
      const page = await openTicket(ticket.portalUrl, 'HA-MM 4711', lang, width);
      const unlock = page.locator('section[aria-labelledby="letter-code-title"]');
      const label = lang === 'de' ? 'Zugangscode aus dem Anhörungsschreiben' : 'Access code from the hearing letter';
      await unlock.getByLabel(label).fill('AAAA-BBBB-CCCC');
      await unlock.getByRole('button', { name: lang === 'de' ? 'Zugangscode prüfen' : 'Check access code' }).click();
      const summary = unlock.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('link').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/letter-code-wrong-${lang}-${width}.png`, fullPage: true });
      await unlock.getByLabel(label).fill((await letterCodeOf(ticket.ticketNumber)).toLowerCase());
      await unlock.getByRole('button', { name: lang === 'de' ? 'Zugangscode prüfen' : 'Check access code' }).click();
      await page.getByRole('button', { name: lang === 'de' ? 'Anhörung beantworten' : /Answer the hearing/ }).waitFor();
      expect(await page.locator('section[aria-labelledby="objection-title"]').count()).toBe(1);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/letter-code-open-${lang}-${width}.png`, fullPage: true });
      await expectNoWcagViolations(page, `letter code ${lang}`);
      await page.context().close();
    }
  });

  it('when the portal\'s payment and objection forms are sent with problems, then each problem is a link in a summary that gets the focus', async () => {
    // Opened from the hearing letter's QR code (its access code): paying and objecting.
    const ticket = await record('HA-AB 123', 8, 'ticket-page-forms');
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: ticket.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    const page = await openTicket(`${app.baseUrl}/knoellchen/${await letterCodeOf(ticket.ticketNumber)}`, 'HA-AB 123', 'de', 1280);
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
