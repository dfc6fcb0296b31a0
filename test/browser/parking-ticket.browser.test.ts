/**
 * A person's path through procedure 1 in a real browser (Debian chromium driven by
 * playwright-core): a warden records a ticket, the person opens the QR link, sees the
 * GiroCode, pays in the sandbox and gets the receipt. axe-core checks WCAG 2.1 AA on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, TEST_STAFF } from '../support/system';
import { mkdirSync } from 'node:fs';
import { mailsTo } from '../support/activity-env';
import { paymentBookedSignal } from '../../workflows/parking-ticket/shared';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_parking_ticket');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

describe('Online-Knöllchen in the browser', () => {
  it('when a warden records a ticket and the person pays it via the QR link, then the portal shows paid and the receipt arrives', async () => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();

    // The warden signs in and records the offence with the form rendered from its JSON Schema.
    await page.goto(`${app.baseUrl}/dienst/erfassen`);
    await page.getByLabel('Benutzername').fill(TEST_STAFF.id);
    await page.getByLabel('Passwort', { exact: true }).fill(TEST_STAFF.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    const offence = page.getByLabel('Tatbestand');
    const pavement = await offence.locator('option', { hasText: '112454' }).textContent();
    await offence.selectOption({ label: pavement! });
    await page.getByLabel('Kfz-Kennzeichen').fill('HA-AB 123');
    await page.getByLabel('Tatort').fill('Elberfelder Straße 12, Hagen');
    // The widget reads Berlin time, whatever the machine's time zone.
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .format(new Date(Date.now() - 15 * 60_000)).replace(' ', 'T');
    await page.getByLabel('Tatzeit').fill(local);
    await page.getByRole('button', { name: 'Verwarnung speichern' }).click();
    const heading = page.getByRole('heading', { name: /^Verwarnung VG-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const ticketNumber = (await heading.textContent())!.replace('Verwarnung ', '').trim();
    const portalUrl = await page.getByRole('link', { name: /\/knoellchen\// }).getAttribute('href');
    expect(portalUrl).toMatch(/\/knoellchen\/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // The person scans the QR code: the portal asks for the plate before it shows anything.
    const citizen = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await citizen.goto(portalUrl!);
    expect(await citizen.getByText('Elberfelder Straße 12').count()).toBe(0);
    await expectNoWcagViolations(citizen, 'portal: plate prompt');
    await citizen.getByLabel('Kfz-Kennzeichen').fill('ha-ab 123');
    await citizen.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    await citizen.getByRole('heading', { name: `Verwarnung ${ticketNumber}` }).waitFor();
    expect(await citizen.getByRole('img', { name: /GiroCode/ }).isVisible()).toBe(true);
    expect(await citizen.getByText('55,00 €').first().isVisible()).toBe(true);
    await expectNoWcagViolations(citizen, 'portal: ticket page');

    // Online payment through the sandbox provider's hosted page.
    await citizen.getByLabel('Kreditkarte').check();
    await citizen.getByLabel(/E-Mail-Adresse für die Zahlungsbestätigung/).fill('erika.mustermann@example.org');
    await citizen.getByRole('button', { name: 'Weiter zur Zahlung' }).click();
    await citizen.waitForURL(/\/sandbox\/payments\/checkout\//);
    await citizen.getByRole('button', { name: /^Bezahlen/ }).click();
    await citizen.waitForURL(/\/knoellchen\/.+/);
    await citizen.getByText(/Vielen Dank/).waitFor();
    await citizen.getByText(/Bezahlt/).first().waitFor({ timeout: 15_000 });
    await expectNoWcagViolations(citizen, 'portal: paid');

    const ticket = await app.system.model.tickets.findOne({ ticketNumber }).lean();
    expect(ticket?.status).toBe('paid');
    for (let i = 0; i < 40 && (await mailsTo('erika.mustermann@example.org')).length === 0; i += 1) await new Promise((r) => setTimeout(r, 250));
    const mails = await mailsTo('erika.mustermann@example.org');
    expect(mails.map((m) => m.subject)).toContain(`Zahlungsbestätigung / Payment receipt ${ticketNumber}`);
  });

  it('when staff ask for a withdrawal in the ticket list, then the dialog opens a task for the traffic department instead of withdrawing', async () => {
    const api = new HttpClient(app.baseUrl);
    await api.signInStaff();
    const recorded = (await api.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-XY 42', place: 'Boeler Straße 88, Hagen', observedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-withdrawal-1' })).json;
    const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await page.goto(`${app.baseUrl}/dienst/postausgang`);
    await page.getByLabel('Benutzername').fill(TEST_STAFF.id);
    await page.getByLabel('Passwort', { exact: true }).fill(TEST_STAFF.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: `Rücknahme beantragen ${recorded.ticketNumber}` }).click();
    const dialog = page.getByRole('dialog', { name: `Rücknahme der Verwarnung ${recorded.ticketNumber} beantragen` });
    await dialog.waitFor();
    await expectNoWcagViolations(page, 'staff: withdrawal request dialog');
    await dialog.getByRole('button', { name: 'Rücknahme beantragen' }).click();
    expect(await dialog.getByText('Bitte füllen Sie dieses Feld aus.').isVisible()).toBe(true);
    await dialog.getByLabel(/Grund der Rücknahme/).fill('Kennzeichen falsch erfasst');
    await dialog.getByRole('button', { name: 'Rücknahme beantragen' }).click();
    await page.getByText(`Die Rücknahme der Verwarnung ${recorded.ticketNumber} wurde beantragt.`).waitFor();
    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    expect(await app.system.model.tasks.findById(`${workflowId}~withdrawal-1`).lean()).toMatchObject({ type: 'parking-ticket.withdrawal', department: 'traffic', status: 'open' });
    expect((await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status).toBe('open');
  });

  it('when the ticket is paid by transfer while the person is at the provider and pays there too, then the portal says the payment is refunded (German on a phone, English on a desktop)', async () => {
    const api = new HttpClient(app.baseUrl);
    await api.signInStaff();
    const shots = process.env.AMTSWEG_SCREENSHOTS; // a folder: pictures to look at (not compared)
    if (shots) mkdirSync(shots, { recursive: true });
    for (const [lang, width, plate] of [['de', 390, 'HA-LP 2025'], ['en', 1280, 'HA-EL 88E']] as const) {
      const recorded = (await api.request('POST', '/api/parking-tickets', {
        offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      }, { 'Idempotency-Key': `browser-late-refund-${lang}` })).json as { ticketNumber: string; portalUrl: string };
      const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
      if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
      const citizen = await context.newPage();
      await citizen.goto(recorded.portalUrl);
      await citizen.getByLabel(lang === 'de' ? 'Kfz-Kennzeichen' : 'Vehicle registration number').fill(plate);
      await citizen.locator('form button[type=submit]').click();
      await citizen.getByLabel(lang === 'de' ? 'Kreditkarte' : 'Credit card').check();
      await citizen.getByRole('button', { name: lang === 'de' ? 'Weiter zur Zahlung' : 'Continue to payment' }).click();
      await citizen.waitForURL(/\/sandbox\/payments\/checkout\//);

      // Meanwhile the bank statement books a transfer: the ticket is paid and its run ends.
      const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
      const run = app.system.temporal.workflow.getHandle(workflowId);
      await run.signal(paymentBookedSignal, { paymentId: `transfer-${recorded.ticketNumber}`, amountCents: 5500, bookedAt: new Date().toISOString(), channel: 'bank_transfer' });
      expect((await run.result()).status).toBe('paid');

      await citizen.getByRole('button', { name: /^Bezahlen/ }).click();
      await citizen.waitForURL(/\/knoellchen\/.+/);
      await citizen.getByText(lang === 'de' ? 'Ihre Zahlung wird erstattet' : 'Your payment is being refunded', { exact: true }).waitFor({ timeout: 15_000 });
      const main = await citizen.locator('main').innerText();
      expect(main, lang).not.toMatch(lang === 'de' ? /Vielen Dank/ : /Thank you/);
      expect(main, lang).toMatch(lang === 'de' ? /auf demselben Weg zurück/ : /full amount back the same way you paid/);
      await expectNoWcagViolations(citizen, `portal: refunded payment ${lang}`);
      if (shots) await citizen.screenshot({ path: `${shots}/portal-refund-${lang}-${width}.png`, fullPage: true });
      await context.close();
    }
  });

  it('has no WCAG 2.1 AA violations on the start page and the portal entry, in German and English', async () => {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    for (const path of ['/', '/knoellchen']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('main').waitFor();
      await expectNoWcagViolations(page, `de ${path}`);
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await expectNoWcagViolations(page, `en ${path}`);
      await page.getByRole('button', { name: 'Deutsch' }).click();
    }
  });
});
