/**
 * Procedure 3 in a real browser: a resident finds the Hundesteuer form in the services
 * overview, fills the multi-step form rendered from its JSON Schema, sends it, and follows the
 * status link until the tax notice is there. axe-core checks WCAG 2.1 AA on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_dog_tax');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('Hundesteuer in the browser', () => {
  it('when a resident registers a dog through the multi-step form, then the status page shows the case and the tax notice', async () => {
    const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await page.goto(`${app.baseUrl}/dienste`);
    await page.getByRole('link', { name: 'Hund zur Hundesteuer anmelden' }).click();
    await page.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    await expectNoWcagViolations(page, 'form: step 1');

    // An empty step is not accepted: the errors are announced and focus goes to the first field.
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('heading', { name: /Schritt 1 von 4/ }).count()).toBe(1);

    await page.getByLabel('Familienname').fill('Beispiel');
    await page.getByLabel('Vorname').fill('Anna');
    await page.getByLabel('Geburtsdatum').fill('1988-11-23');
    await page.getByLabel('Straße und Hausnummer (in Hagen)').fill('Boeler Straße 88');
    await page.getByLabel('Postleitzahl').fill('58097');
    await page.getByLabel('E-Mail-Adresse').fill('anna.beispiel@example.org');
    await page.getByRole('button', { name: 'Weiter' }).click();

    await page.getByRole('heading', { name: 'Schritt 2 von 4: Hund' }).waitFor();
    await page.getByLabel('Name des Hundes').fill('Bello');
    await page.getByLabel('Rasse oder Kreuzung').fill('Labrador-Mischling');
    await page.getByLabel('Rüde').check();
    await page.getByLabel('Ich habe den Hund aufgenommen').check();
    await page.getByLabel('Datum der Aufnahme bzw. des Zuzugs').fill(isoDaysAgo(40));
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.getByRole('heading', { name: /Schritt 3 von 4/ }).waitFor();
    // Evidence is checked by content: a renamed program is refused, a real PDF is taken.
    const upload = page.getByLabel(/^Nachweise/);
    await upload.setInputFiles({ name: 'abmeldung.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this is a program') });
    await page.getByText(/abgelehnt: /).waitFor();
    await upload.setInputFiles({ name: 'abmeldung-alt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n') });
    await page.getByRole('button', { name: 'Entfernen: abmeldung-alt.pdf' }).waitFor();
    await expectNoWcagViolations(page, 'form: evidence upload');
    await page.getByRole('button', { name: 'Weiter' }).click();

    await page.getByRole('heading', { name: /Schritt 4 von 4/ }).waitFor();
    expect(await page.getByText('Bello').count()).toBeGreaterThan(0);
    await expectNoWcagViolations(page, 'form: review');
    await page.getByRole('button', { name: 'Anmeldung absenden' }).click();

    await page.getByRole('heading', { name: /Ihr Antrag ist eingegangen/ }).waitFor();
    const caseNumber = (await page.getByText(/HST-\d{4}-\d{6}/).first().textContent())!.match(/HST-\d{4}-\d{6}/)![0];
    await page.getByRole('link', { name: 'Stand des Vorgangs ansehen' }).click();
    await page.getByRole('heading', { name: `Vorgang ${caseNumber}` }).waitFor();
    // The token is in the link's fragment; documents are fetched with it in a POST body (never in a URL).
    expect(page.url()).toMatch(new RegExp(`/vorgang/${caseNumber}#[A-Za-z0-9_-]{22}$`));
    await page.getByRole('button', { name: /\(PDF\)/ }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /Nachweis: abmeldung-alt\.pdf/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /\(PDF\)/ }).first().click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await expectNoWcagViolations(page, 'status page');

    const stored = await app.system.model.dogTaxCases.findOne({ caseNumber }).lean();
    expect(stored?.status).toBe('registered');
    const mails = await eventually(async () => { const m = await mailsTo('anna.beispiel@example.org'); return m.length >= 2 && m; }, 'receipt and tax notice');
    expect(mails.map((m) => m.subject).join(' | ')).toContain(caseNumber);
  });

  it('when a person saves a half-filled form, then the e-mailed link restores it', async () => {
    const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await page.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
    await page.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    await page.getByLabel('Familienname').fill('Mustermann');
    await page.getByLabel('Vorname').fill('Erika');
    await page.getByRole('button', { name: 'Zwischenspeichern' }).click();
    const email = `entwurf-${Date.now()}@example.org`;
    await page.getByLabel('E-Mail-Adresse').last().fill(email);
    await page.getByRole('button', { name: 'Link senden' }).click();
    await page.getByText(/Wir haben Ihnen einen Link geschickt/).waitFor();
    await expectNoWcagViolations(page, 'form: draft saved');

    const [mail] = await eventually(async () => { const m = await mailsTo(email); return m.length > 0 && m; }, 'the draft link');
    const link = mail!.text.match(/https?:\/\/\S+\/formulare\/dog-tax-registration#entwurf=\S+/)![0];
    const resumed = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await resumed.goto(link);
    await resumed.getByText('Ihr gespeicherter Entwurf wurde geladen').waitFor();
    expect(await resumed.getByLabel('Familienname').inputValue()).toBe('Mustermann');
    expect(await resumed.getByLabel('Vorname').inputValue()).toBe('Erika');
    // The citizen can revoke the link: the draft is deleted, and the link then finds nothing.
    await resumed.getByRole('button', { name: 'Gespeicherten Entwurf löschen' }).click();
    await resumed.getByText(/Der gespeicherte Entwurf wurde gelöscht/).waitFor();
    await expectNoWcagViolations(resumed, 'form: draft discarded');
    const again = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await again.goto(link);
    await again.getByText('Der Entwurf wurde nicht gefunden.', { exact: false }).waitFor();
  });
});
