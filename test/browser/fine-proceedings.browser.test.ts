/**
 * The hearing answered online in a real browser: a ticket observed eight days ago (the letter is
 * out), the person opens it with code + plate, reads the accusation and the Belehrung, answers
 * with the registry form, and sees the answer received. axe-core checks WCAG 2.1 AA.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../support/system';
import { eventually } from '../support/eventually';
import { letterCodeOf } from '../support/letter-code';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';

const ctx = useBrowserTestSystem('browser_hearing');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

describe('the hearing online in the browser', () => {
  it('when the person answers the hearing on the portal, then the answer is received and the fine office has the task', async () => {
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const recorded = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-MM 4711', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-hearing-1' })).json;
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });

    const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await page.goto(recorded.portalUrl);
    await page.getByLabel('Kfz-Kennzeichen').fill('HA-MM 4711');
    await page.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    // The card's code opened the ticket for paying; the hearing needs the letter's access code.
    await page.getByLabel('Zugangscode aus dem Anhörungsschreiben').fill(await letterCodeOf(app, recorded.ticketNumber));
    await page.getByRole('button', { name: 'Zugangscode prüfen' }).click();
    await page.getByRole('heading', { name: 'Anhörung: Ihre Antwort' }).waitFor();
    expect(await page.getByText('Pflicht sind nur die Angaben zu Ihrer Person (§ 111 OWiG)').isVisible()).toBe(true);
    expect(await page.getByText('Feststellung durch die Verkehrsüberwachung der Stadt Hagen').isVisible()).toBe(true);
    await expectNoWcagViolations(page, 'portal: hearing open');

    await page.getByRole('button', { name: 'Anhörung beantworten' }).click();
    await page.getByLabel('Vorname').first().waitFor();
    await page.getByLabel('Vorname').first().fill('Max');
    await page.getByLabel('Familienname').first().fill('Mustermann');
    await page.getByLabel('Geburtsdatum').first().fill('1980-04-01');
    await page.getByLabel('Straße und Hausnummer').first().fill('Körnerstraße 5');
    await page.getByLabel('Postleitzahl').first().fill('58095');
    await page.getByLabel('Ort', { exact: true }).first().fill('Hagen');
    await page.getByLabel('Ich bestreite den Verstoß.').check();
    await expectNoWcagViolations(page, 'portal: hearing form');
    // A denial without reasons is refused next to the field before anything is sent.
    const next = page.getByRole('button', { name: /^(Weiter|Antwort absenden)$/ }).first();
    await next.click();
    await page.getByText(/Begründung/).first().waitFor();
    await page.getByLabel(/^Begründung/).fill('Ich war zur Tatzeit verreist.');
    for (let i = 0; i < 3 && (await page.getByRole('button', { name: 'Antwort absenden' }).count()) === 0; i += 1) {
      await page.getByRole('button', { name: 'Weiter', exact: true }).click();
    }
    await page.getByRole('button', { name: 'Antwort absenden' }).click();
    await page.getByText('Ihre Antwort ist eingegangen.').waitFor();
    await expectNoWcagViolations(page, 'portal: hearing answered');

    const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())!;
    const task = await eventually(() => app.system.model.tasks.findById(taskIdOf(fineProceedingsWorkflowId(workflowId), 'hearing-decision')).lean(), 'the decision task');
    expect(task.caseData).toMatchObject({ answer: { facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.', person: { familyName: 'Mustermann' } } });
  });
});
