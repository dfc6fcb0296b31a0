/**
 * The process designer in a real browser: edit the Anmeldung's JSON Schema, see a syntax error
 * named with its line, check (problems and diff), preview, publish — and the portal then
 * renders the new field. axe-core checks WCAG 2.1 AA on the designer page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_STAFF } from '../support/system';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_designer');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

describe('form designer in the browser', () => {
  it('when a designer adds a field to the Anmeldung and publishes it, then the portal serves version 2', async () => {
    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await page.goto(`${app.baseUrl}/dienst/formulare`);
    await page.getByLabel('Benutzername').fill(TEST_STAFF.id);
    await page.getByLabel('Passwort', { exact: true }).fill(TEST_STAFF.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('link', { name: /Hund zur Hundesteuer anmelden bearbeiten/ }).click();
    const schemaEditor = page.getByLabel('JSON-Schema (draft-07)');
    await schemaEditor.waitFor();

    await schemaEditor.fill('{ "type": "object",\n  "properties": { ,\n}');
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByText(/JSON-Fehler in Zeile 2/).waitFor();

    const schema = structuredClone((await app.system.forms.latest('dog-tax-registration'))!.schema) as { properties: { dog: { properties: Record<string, unknown> } } };
    schema.properties.dog.properties.insurancePolicy = { type: 'string', maxLength: 40, title: 'Nummer der Hundehaftpflichtversicherung' };
    await schemaEditor.fill(JSON.stringify(schema, null, 2));
    const textsEditor = page.getByLabel('Texte (JSON, de und en)');
    const texts = JSON.parse(await textsEditor.inputValue());
    texts.de.fields['dog.insurancePolicy'] = { title: 'Nummer der Hundehaftpflichtversicherung' };
    texts.en.fields['dog.insurancePolicy'] = { title: 'Dog liability insurance policy number' };
    await textsEditor.fill(JSON.stringify(texts, null, 2));
    await page.getByLabel('Notiz zur Version').fill('Haftpflichtversicherung erfragen');
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByRole('heading', { name: 'Ergebnis der Prüfung' }).waitFor();
    await page.getByText(/insurancePolicy/).first().waitFor();
    await expectNoWcagViolations(page);

    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByText('Version 2 wurde veröffentlicht.').waitFor();
    expect((await app.system.forms.latest('dog-tax-registration'))!.version).toBe(2);

    const citizen = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await citizen.goto(`${app.baseUrl}/formulare/dog-tax-registration`);
    await citizen.getByRole('heading', { name: /Schritt 1 von 4/ }).waitFor();
    const form = await (await fetch(`${app.baseUrl}/api/forms/dog-tax-registration`)).json() as { version: number };
    expect(form.version).toBe(2);
  });
});
