/**
 * The hearing form (issue 13, item 2), in chromium: a section appears only for the answer it
 * belongs to, a field is optional or required for the choice made and says so once, and the
 * API refuses what the portal hides (the same JSON Schema).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually } from '../support/eventually';
import { HttpClient } from '../support/system';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';

const ctx = useBrowserTestSystem('browser_hearing_form');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

const DRIVER = { de: 'Person, die das Fahrzeug geführt hat', en: 'Person who was driving' };
const REASONS = { de: 'Begründung', en: 'Reasons' };
const CHOICES = {
  de: { admits: 'Ich räume den Verstoß ein.', denies: 'Ich bestreite den Verstoß.', other: 'Eine andere Person hat das Fahrzeug geführt.', none: 'Ich mache keine Angaben zur Sache.' },
  en: { admits: 'I admit the offence.', denies: 'I deny the offence.', other: 'Another person was driving the vehicle.', none: 'I make no statement on the matter.' },
};

async function openHearing(portalUrl: string, lang: 'de' | 'en', width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  const page = await context.newPage();
  await page.goto(portalUrl);
  await page.getByLabel(lang === 'de' ? 'Kfz-Kennzeichen' : 'Vehicle registration number').fill('HA-MM 4711');
  await page.locator('form button[type=submit]').click();
  await page.getByRole('button', { name: lang === 'de' ? 'Anhörung beantworten' : /Answer the hearing/ }).click();
  await page.getByLabel(CHOICES[lang].denies).waitFor();
  return page;
}

/** The hearing opens with the access code printed only in the letter (its QR code links to /knoellchen/<code>). */
async function letterCodeOf(ticketNumber: string): Promise<string> {
  const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber }).lean())!;
  return deriveLetterCode(app.system.secrets.accessCode, workflowId);
}

const legends = (page: Page) => page.locator('main legend, main label').allInnerTexts();

describe('the hearing form', () => {
  it('when an answer on the matter is chosen, then only its sections show, each field says once whether it is optional (German and English)', async () => {
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const recorded = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-MM 4711', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-hearing-form-1' })).json;
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });

    for (const lang of ['de', 'en'] as const) {
      const page = await openHearing(`${app.baseUrl}/knoellchen/${await letterCodeOf(recorded.ticketNumber)}`, lang);
      const c = CHOICES[lang];
      // Nothing chosen yet: neither reasons nor driver.
      expect(await page.getByText(DRIVER[lang], { exact: true }).count()).toBe(0);
      expect(await page.getByLabel(new RegExp(`^${REASONS[lang]}`)).count()).toBe(0);

      await page.getByLabel(c.denies).check();
      expect(await page.getByText(DRIVER[lang], { exact: true }).count(), `${lang} denies`).toBe(0);
      // Required for a denial: no "optional" beside it.
      expect((await page.locator('label', { hasText: REASONS[lang] }).innerText()).trim(), `${lang} denies`).toBe(REASONS[lang]);
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/hearing-denies-${lang}.png`, fullPage: true });
      await expectNoWcagViolations(page, `hearing ${lang} denies`);

      await page.getByLabel(c.other).check();
      await page.getByText(DRIVER[lang], { exact: true }).waitFor();
      expect((await page.locator('label', { hasText: REASONS[lang] }).innerText()).replace(/\s+/g, ' ').trim(), `${lang} other`).toBe(`${REASONS[lang]} – optional`);

      await page.getByLabel(c.none).check();
      expect(await page.getByText(DRIVER[lang], { exact: true }).count(), `${lang} none`).toBe(0);
      expect(await page.getByLabel(new RegExp(`^${REASONS[lang]}`)).count(), `${lang} none`).toBe(0);

      // "optional" at most once per label, and never beside a word that says the same.
      for (const text of await legends(page)) {
        expect(text.match(/optional|freiwillig|Pflicht|required/gi)?.length ?? 0, text).toBeLessThanOrEqual(1);
      }
      if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/hearing-none-${lang}-390.png`, fullPage: true });
      await page.context().close();
    }
  });

  it('when the API gets a driver with "I deny", or reasons with "no statement", then it refuses them (422 naming the field) as the portal hides them', async () => {
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const recorded = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-MM 4711', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-hearing-form-2' })).json;
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(recorded.ticketNumber), plate: 'HA-MM 4711' });
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const person = { familyName: 'Muster', givenName: 'Max', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };
    const driver = { name: 'Erika Muster', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };
    const denyWithDriver = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'denies', reasons: 'verreist', driver }, bearer);
    expect(denyWithDriver.status).toBe(422);
    expect(denyWithDriver.json.error.fields.map((f: { field: string }) => f.field)).toContain('driver');
    const silentWithReasons = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'no_statement', reasons: 'doch etwas' }, bearer);
    expect(silentWithReasons.status).toBe(422);
    expect(silentWithReasons.json.error.fields.map((f: { field: string }) => f.field)).toContain('reasons');
    // Nothing was taken: the hearing is still open.
    expect((await citizen.request('GET', '/api/parking-tickets/current', undefined, bearer)).json.hearing).toMatchObject({ open: true, answered: false });
  });
});
