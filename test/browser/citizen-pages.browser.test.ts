/**
 * What a citizen meets on every form and page (issue 13, items 1, 4 and 5), in chromium:
 * every problem of a step at once in an error summary whose links lead to the fields, focus on
 * the new page's heading after a client-side page change, dates with their format, the review's
 * evidence sentence only when nothing was uploaded, and one citizen navigation everywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_citizen_pages');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

async function newPage(lang: 'de' | 'en' = 'de'): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin' });
  // The page's language is the person's choice of the language switch, kept in localStorage.
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  return context.newPage();
}

const summary = (page: Page) => page.locator('.error-summary');
const summaryLinks = async (page: Page) => summary(page).getByRole('link').allTextContents();
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  return { tag: el?.tagName, id: el?.id, text: el?.textContent?.trim() ?? '', summary: Boolean(el?.classList.contains('error-summary')) };
});

describe('error summary (item 1)', () => {
  it('when an empty first step is sent, then every required field is listed as a link, counted, and focus is on the summary', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
    await page.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await summary(page).waitFor();
    expect(await summaryLinks(page)).toEqual([
      'Vorname: Bitte füllen Sie dieses Feld aus.',
      'Familienname: Bitte füllen Sie dieses Feld aus.',
      'Geburtsdatum: Bitte füllen Sie dieses Feld aus.',
      'Straße und Hausnummer (in Hagen): Bitte füllen Sie dieses Feld aus.',
      'Postleitzahl: Bitte füllen Sie dieses Feld aus.',
      'E-Mail-Adresse: Bitte füllen Sie dieses Feld aus.',
    ]);
    await summary(page).getByText('Bitte korrigieren Sie 6 markierte Angaben.').waitFor();
    expect((await focused(page)).summary).toBe(true);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(6);
    await expectNoWcagViolations(page, 'error summary');

    // Each link leads into its field; the summary follows the corrections.
    await summary(page).getByRole('link', { name: /^Familienname/ }).click();
    expect((await focused(page)).id).toBe('root_holder_familyName');
    await page.keyboard.type('Beispiel');
    await summary(page).getByText('Bitte korrigieren Sie 5 markierte Angaben.').waitFor();

    // The next step: its own problems, a choice included, all at once.
    for (const [label, value] of [['Vorname', 'Anna'], ['Geburtsdatum', '23.11.1988'], ['Straße und Hausnummer (in Hagen)', 'Boeler Straße 88'], ['Postleitzahl', '58097'], ['E-Mail-Adresse', 'anna@example.org']]) {
      await page.getByLabel(label!, { exact: true }).fill(value!);
    }
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: 'Schritt 2 von 4: Hund' }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await summary(page).waitFor();
    expect(await summaryLinks(page)).toEqual([
      'Name des Hundes: Bitte füllen Sie dieses Feld aus.',
      'Rasse oder Kreuzung: Bitte füllen Sie dieses Feld aus.',
      'Geschlecht: Bitte wählen Sie einen Eintrag aus der Liste.',
      'Seit wann halten Sie den Hund in Hagen?: Bitte wählen Sie einen Eintrag aus der Liste.',
      'Datum der Aufnahme bzw. des Zuzugs: Bitte füllen Sie dieses Feld aus.',
    ]);
    await summary(page).getByRole('link', { name: /^Geschlecht/ }).click();
    expect((await focused(page)).id).toBe('root_dog_sex-0');
  });

  it('when the first step of each built-in citizen form is sent empty (German and English), then the summary counts exactly the links it lists and has focus', async () => {
    for (const lang of ['de', 'en'] as const) {
      for (const formId of ['dog-tax-registration', 'dog-tax-deregistration', 'dog-tax-exemption']) {
        const page = await newPage(lang);
        await page.goto(`${app.baseUrl}/formulare/${formId}`);
        await page.getByRole('heading', { name: lang === 'de' ? /Schritt 1 von/ : /Step 1 of/ }).waitFor();
        await page.getByRole('button', { name: lang === 'de' ? 'Weiter' : 'Next' }).click();
        await summary(page).waitFor();
        const links = await summaryLinks(page);
        expect(links.length, `${formId} ${lang}`).toBeGreaterThan(1);
        const title = await summary(page).locator('.kern-title').textContent();
        expect(title, `${formId} ${lang}`).toContain(String(links.length));
        expect(await page.locator('[aria-invalid="true"]').count(), `${formId} ${lang}`).toBe(links.length);
        expect((await focused(page)).summary, `${formId} ${lang}`).toBe(true);
        await page.context().close();
      }
    }
  });

  it('when the ticket portal\'s access form is sent empty, then both fields are in the summary and focus is on it', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/knoellchen`);
    await page.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    await summary(page).waitFor();
    expect(await summaryLinks(page)).toEqual(['Ticket-Code oder Zugangscode: Bitte füllen Sie dieses Feld aus.', 'Kfz-Kennzeichen: Bitte füllen Sie dieses Feld aus.']);
    expect((await focused(page)).summary).toBe(true);
    await summary(page).getByRole('link', { name: /^Kfz-Kennzeichen/ }).click();
    expect((await focused(page)).id).toBe('portal-plate');
    await expectNoWcagViolations(page, 'access form summary');
  });
  it('when the warden\'s form is sent empty, then its four required fields are in the summary and focus is on it', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst/erfassen`);
    await page.getByLabel('Benutzername').fill('test-staff');
    await page.getByLabel('Passwort', { exact: true }).fill('test-staff-password-0123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: 'Verwarnung speichern' }).click();
    await summary(page).waitFor();
    const links = await summaryLinks(page);
    expect(links.map((l) => l.split(':')[0])).toEqual(['Tatbestand', 'Kfz-Kennzeichen', 'Tatort', 'Tatzeit']);
    expect((await focused(page)).summary).toBe(true);
    await summary(page).getByRole('link', { name: /^Kfz-Kennzeichen/ }).click();
    expect((await focused(page)).id).toBe('root_plate');
  });
});

describe('keyboard and page changes (item 4)', () => {
  it('when a keyboard user opens a form from /dienste, then focus is on the form\'s heading and the page is announced', async () => {
    for (const lang of ['de', 'en'] as const) {
      const page = await newPage(lang);
      await page.goto(`${app.baseUrl}/dienste`);
      const title = lang === 'de' ? 'Hund zur Hundesteuer anmelden' : 'Register a dog for dog tax';
      await page.getByRole('link', { name: title }).waitFor();
      // Tab to the link, as a keyboard user would, then Enter.
      for (let i = 0; i < 40 && (await focused(page)).text !== title; i += 1) await page.keyboard.press('Tab');
      expect((await focused(page)).text).toBe(title);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: lang === 'de' ? /Schritt 1 von 4/ : /Step 1 of 4/ }).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: title });
      expect(await page.getByTestId('route-announcement').textContent()).toBe(title);
      // Back by the header's navigation: the services page's heading gets focus.
      await page.getByRole('navigation').first().getByRole('link', { name: lang === 'de' ? 'Dienste' : 'Services' }).press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: lang === 'de' ? 'Dienste' : 'Services' });
      await page.context().close();
    }
  });

  it('when a date is asked for, then its format is said (TT.MM.JJJJ / DD.MM.YYYY) and a date typed that way is taken', async () => {
    for (const [lang, hint] of [['de', 'TT.MM.JJJJ'], ['en', 'DD.MM.YYYY']] as const) {
      const page = await newPage(lang);
      await page.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
      const field = page.getByLabel(lang === 'de' ? 'Geburtsdatum' : 'Date of birth', { exact: true });
      await field.waitFor();
      const described = await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      expect(described).toContain(hint);
      await field.fill('31.02.1988x');
      await page.getByRole('button', { name: lang === 'de' ? 'Weiter' : 'Next' }).click();
      await summary(page).getByRole('link', { name: lang === 'de' ? 'Geburtsdatum: Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein.' : 'Date of birth: Please enter a date as DD.MM.YYYY.' }).waitFor();
      await field.fill('23.11.1988');
      await expect.poll(() => summaryLinks(page)).not.toContainEqual(expect.stringMatching(/^(Geburtsdatum|Date of birth)/));
      await page.context().close();
    }
  });

  it('when evidence was uploaded, then the review lists it and does not say it can be sent later; without, it says so', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
    await page.getByLabel('Familienname').fill('Beispiel');
    await page.getByLabel('Vorname').fill('Anna');
    await page.getByLabel('Geburtsdatum').fill('23.11.1988');
    await page.getByLabel('Straße und Hausnummer (in Hagen)').fill('Boeler Straße 88');
    await page.getByLabel('Postleitzahl').fill('58097');
    await page.getByLabel('E-Mail-Adresse').fill('anna.beispiel@example.org');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByLabel('Name des Hundes').fill('Bello');
    await page.getByLabel('Rasse oder Kreuzung').fill('Labrador-Mischling');
    await page.getByLabel('Rüde').check();
    await page.getByLabel('Ich habe den Hund aufgenommen').check();
    await page.getByLabel('Datum der Aufnahme bzw. des Zuzugs').fill('01.11.2026');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: /Schritt 3 von 4/ }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: /Schritt 4 von 4/ }).waitFor();
    await page.getByText('Nachweise können Sie nach dem Absenden nachreichen.').waitFor();

    await page.getByRole('button', { name: 'Ändern: Nachweise' }).click();
    await page.getByLabel(/^Nachweise/).setInputFiles({ name: 'abmeldung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByRole('button', { name: 'Entfernen: abmeldung.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: /Schritt 4 von 4/ }).waitFor();
    await page.getByText('abmeldung.pdf').waitFor();
    expect(await page.getByText('Nachweise können Sie nach dem Absenden nachreichen.').count()).toBe(0);
  });
});

describe('navigation (item 5)', () => {
  const navItems = async (page: Page) => page.getByRole('navigation').first().getByRole('link').allTextContents();

  it('when a citizen moves between citizen pages, then the same navigation is shown on each, and the start page has no staff links', async () => {
    const page = await newPage();
    const seen: string[][] = [];
    for (const path of ['/', '/dienste', '/knoellchen', '/formulare/dog-tax-registration', '/impressum']) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      seen.push(await navItems(page));
    }
    expect(seen).toEqual(Array(seen.length).fill(['Startseite', 'Dienste', 'Knöllchen online bezahlen']));
    await page.goto(`${app.baseUrl}/`);
    await page.locator('h1').waitFor();
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.filter((h) => h.startsWith('/dienst/') || h === '/dienst')).toEqual([]);
  });

  it('when staff open /dienst, then they sign in there and see the tools of their roles', async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/dienst`);
    await page.getByRole('heading', { level: 1, name: 'Bereich für Dienstkräfte' }).waitFor();
    await page.getByLabel('Benutzername').fill('test-staff');
    await page.getByLabel('Passwort', { exact: true }).fill('test-staff-password-0123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('link', { name: 'Aufgaben' }).first().waitFor();
    for (const name of ['Ordnungsamt: Verwarnung erfassen', 'Postausgang und Verwarnungen', 'Formulare gestalten', 'Dienstkonten', 'Passwort ändern']) {
      expect(await page.getByRole('main').getByRole('link', { name }).count(), name).toBe(1);
    }
    await expectNoWcagViolations(page, 'staff start page');
  });
});
