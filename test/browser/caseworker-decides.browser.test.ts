/**
 * Issue #4's "done when", end to end in a real browser against the whole system: a citizen has
 * answered the hearing of an unpaid ticket; a caseworker of the fine office signs in, sees the
 * department's tasks, claims the hearing decision, decides it with the case (answer, documents,
 * history) beside the form — and the citizen's portal page and e-mail show the outcome: a
 * Bußgeldbescheid with its amounts. axe-core checks WCAG 2.1 AA on every staff page on the way.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, HttpClient } from '../support/system';
import { mailsTo } from '../support/activity-env';
import { eventually } from '../support/eventually';
import { letterCodeOf } from '../support/letter-code';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const DAY = 86_400_000;
const ctx = useBrowserTestSystem('browser_caseworker_decides');
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});


describe('a caseworker decides a hearing in the inbox', () => {
  it('when the fine office issues a fine notice from the inbox, then the citizen sees it on the portal and gets it by e-mail', async () => {
    // An unpaid ticket observed 8 days ago: the real one-week window is over, the hearing letter is out.
    const warden = new HttpClient(app.baseUrl);
    await warden.signInStaff();
    const plate = 'HA-XY 42';
    const recorded = (await warden.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * DAY).toISOString(),
    }, { 'Idempotency-Key': 'browser-caseworker-decides-1' })).json;
    const ticketNumber = recorded.ticketNumber as string;
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });

    // The citizen answers the hearing (the portal page itself is covered by hearing.browser.test.ts).
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(app, ticketNumber), plate });
    const email = `hearing-e2e-${Date.now()}@example.org`;
    const answered = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', {
      person: { givenName: 'Lena', familyName: 'Schmitz', birthDate: '1985-09-30', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' },
      facts: 'admits', email,
    }, { Authorization: `Bearer ${opened.json.portalToken}` });
    expect(answered.status).toBe(200);

    const caseworker = await createTestAccount(app, { id: 'bauer', roles: ['caseworker'], departments: ['fine-office'], displayName: 'Bettina Bauer' });
    const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await page.goto(`${app.baseUrl}/dienst/aufgaben`);
    await page.getByLabel('Benutzername').fill(caseworker.id);
    await page.getByLabel('Passwort', { exact: true }).fill(caseworker.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();

    // The department's queue lists the hearing decision.
    await page.getByRole('navigation', { name: 'Warteschlangen' }).getByRole('link', { name: 'Warteschlange Bußgeldstelle' }).click();
    const row = page.getByRole('row', { name: new RegExp(ticketNumber) });
    await row.waitFor();
    await expectNoWcagViolations(page);
    await page.getByRole('button', { name: new RegExp(`Übernehmen.*${ticketNumber}`) }).click();
    await page.getByRole('row', { name: new RegExp(`${ticketNumber}.*Bettina Bauer`) }).waitFor();

    // The task page: the case beside the decision form.
    await page.getByRole('link', { name: new RegExp(`Anhörung beantwortet: ${ticketNumber}`) }).click();
    await page.getByRole('heading', { level: 1, name: `Anhörung beantwortet: ${ticketNumber}` }).waitFor();
    await page.getByText(plate).first().waitFor();
    await page.getByText('Schmitz').first().waitFor();
    // Amounts in the case data read as money: the Verwarnungsgeld and the notice it would become.
    await page.getByText('55,00 €').first().waitFor();
    await page.getByText('83,50 €').first().waitFor();
    await page.getByRole('cell', { name: 'Anhörung beantwortet', exact: true }).or(page.getByRole('rowheader', { name: 'Anhörung beantwortet', exact: true })).first().waitFor();
    await page.getByRole('link', { name: /Anhörungsbrief/ }).first().waitFor();
    await expectNoWcagViolations(page);

    await page.getByLabel('Bußgeldbescheid erlassen').check();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.getByText('Die Entscheidung ist gespeichert; der Vorgang läuft weiter.').waitFor();
    await expectNoWcagViolations(page);

    // The case went on: the workflow issued the notice, the audit trail names the caseworker.
    const ticket = await eventually(async () => {
      const t = await app.system.model.tickets.findOne({ ticketNumber }).lean();
      return t?.status === 'fine_notice_sent' && t;
    }, 'fine_notice_sent');
    expect(ticket.status).toBe('fine_notice_sent');
    const decided = await app.system.model.audit.findOne({ caseNumber: ticketNumber, action: 'task.completed' }).lean();
    expect(decided).toMatchObject({ actor: 'bauer', details: expect.objectContaining({ decision: expect.objectContaining({ outcome: 'fine_notice' }) }) });

    // The citizen's portal page shows the outcome with its amounts: 55 € fine, 25 € fee, 3.50 € postage.
    const portal = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
    await portal.goto(recorded.portalUrl);
    await portal.getByLabel('Kfz-Kennzeichen').fill(plate);
    await portal.getByRole('button', { name: 'Verwarnung anzeigen' }).click();
    await portal.getByText('Bußgeldbescheid erlassen').first().waitFor();
    await portal.getByText('83,50 €').first().waitFor();
    await expectNoWcagViolations(portal);

    // … and the e-mail brings the notice.
    const mail = await eventually(async () => (await mailsTo(email)).find((m) => m.subject.startsWith('Bußgeldbescheid')), 'the fine notice e-mail');
    expect(mail.subject).toContain(ticketNumber);
    expect(mail.attachments?.some((a) => a.contentType === 'application/pdf')).toBe(true);
  });
});
