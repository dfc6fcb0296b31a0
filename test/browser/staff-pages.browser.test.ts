/**
 * What caseworkers, designers and administrators see (issue 13, items 6–8), in chromium: case
 * data labelled by the forms' own titles in the page language with formatted values, the
 * decision form in that language, a history of sentences (ids only for administrators, no step
 * twice), the designer titled by the form's name, and an accounts table that fits a desktop.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { paymentBookedSignal } from '../../workflows/parking-ticket/shared';
import { eventually } from '../support/eventually';
import { HttpClient, TEST_STAFF, createTestAccount } from '../support/system';
import { letterCodeOf } from '../support/letter-code';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';

const ctx = useBrowserTestSystem('browser_staff_pages');
const SHOTS = process.env.AMTSWEG_SCREENSHOTS; // a folder: pictures to look at (not compared)
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
});

async function signedIn(path: string, lang: 'de' | 'en', user: { id: string; password: string } = TEST_STAFF, width = 1280): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  const page = await context.newPage();
  await page.goto(`${app.baseUrl}${path}`);
  await page.getByLabel(lang === 'de' ? 'Benutzername' : 'User name').fill(user.id);
  await page.getByLabel(lang === 'de' ? 'Passwort' : 'Password', { exact: true }).fill(user.password);
  await page.locator('form button[type=submit]').click();
  await page.getByText(lang === 'de' ? /Angemeldet als/ : /Signed in as/).waitFor();
  return page;
}

/** A ticket whose hearing was answered "I deny": the fine office's decision task. */
async function answeredHearing(): Promise<{ taskId: string; ticketNumber: string }> {
  const staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
  const recorded = (await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '112454', plate: 'HA-MM 4711', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
  }, { 'Idempotency-Key': 'browser-staff-pages-1' })).json;
  await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: recorded.ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });
  const citizen = new HttpClient(app.baseUrl);
  const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: await letterCodeOf(app, recorded.ticketNumber), plate: 'HA-MM 4711' });
  const answered = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', {
    person: { familyName: 'Muster', givenName: 'Max', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' }, facts: 'denies', reasons: 'Ich war verreist.',
  }, { Authorization: `Bearer ${opened.json.portalToken}` });
  expect(answered.status).toBe(200);
  const task = await eventually(async () => (await app.system.model.tasks.findOne({ caseNumber: recorded.ticketNumber, status: 'open' }).lean()) ?? false, 'the decision task');
  return { taskId: String(task._id), ticketNumber: recorded.ticketNumber };
}

describe('staff pages', () => {
  let task: { taskId: string; ticketNumber: string };
  beforeAll(async () => { task = await answeredHearing(); });

  it('when a caseworker opens the decision task (German and English), then the case data and the decision form speak the page language with formatted values', async () => {
    const words = {
      de: { labels: ['Tatbestand', 'Kfz-Kennzeichen', 'Tatzeit', 'Schriftliche Verwarnung versandt', 'Halterin oder Halter bekannt', 'Angaben zur Sache'], answer: 'Ich bestreite den Verstoß.', decision: ['Entscheidung', 'Begründung'], foreign: ['Offence', 'Plate', 'Observed at', 'Letter sent', 'Holder known', 'Facts', 'Decision'] },
      en: { labels: ['Offence', 'Licence plate', 'Time of the offence', 'Written warning sent', 'Vehicle holder known', 'On the matter'], answer: 'I deny the offence.', decision: ['Decision', 'Reason'], foreign: ['Tatbestand', 'Entscheidung', 'Begründung', 'Geldbuße', 'Vermerk'] },
    };
    for (const lang of ['de', 'en'] as const) {
      const page = await signedIn(`/dienst/aufgaben/${encodeURIComponent(task.taskId)}`, lang);
      const caseData = page.locator('section[aria-labelledby="task-case-data"]');
      await caseData.locator('dt').first().waitFor();
      const labels = await caseData.locator('dt').allInnerTexts();
      for (const label of words[lang].labels) expect(labels, `${lang}: ${label}`).toContain(label);
      for (const foreign of words[lang].foreign) expect(labels, `${lang}: no ${foreign}`).not.toContain(foreign);
      const values = (await caseData.locator('dd').allInnerTexts()).join('\n');
      expect(values, lang).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(values, lang).toContain(words[lang].answer);
      expect(values, lang).toMatch(lang === 'de' ? /55,00\s€/ : /€55\.00/);
      const decision = page.locator('section[aria-labelledby="task-decision"]');
      const decisionLabels = (await decision.locator('label, legend').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').replace(/ – optional$/, '').trim());
      for (const label of words[lang].decision) expect(decisionLabels, `${lang}: ${label}`).toContain(label);
      for (const foreign of words[lang].foreign) expect(decisionLabels, `${lang}: no ${foreign}`).not.toContain(foreign);
      await expectNoWcagViolations(page, `task page ${lang}`);
      await page.context().close();
    }
  });

  it('when the history is shown, then each step is one sentence without technical keys, ids only in an administrators\' disclosure', async () => {
    const caseworker = await createTestAccount(app, { roles: ['caseworker'], departments: ['fine-office'] });
    for (const [user, admin] of [[TEST_STAFF, true], [caseworker, false]] as const) {
      const page = await signedIn(`/dienst/aufgaben/${encodeURIComponent(task.taskId)}`, 'de', user);
      const history = page.locator('table', { has: page.locator('caption', { hasText: 'Verlauf des Vorgangs' }) });
      await history.locator('tbody tr').first().waitFor();
      const rows = await history.locator('tbody tr').allInnerTexts();
      const text = rows.join('\n');
      expect(text).not.toMatch(/amountCents|letterDeadline|T\d{2}:\d{2}:\d{2}|taskId|: \{/);
      expect(text).toMatch(/Tatbestand 112454, Verwarnungsgeld 55,00\s€\./);
      expect(text).toContain('Die Person bestreitet den Verstoß');
      expect(text).not.toContain('Entscheidung angefordert');
      expect(rows.filter((r) => r.includes('Aufgabe angelegt'))).toHaveLength(1);
      expect(await history.getByText('Technische Angaben').count() > 0, user.id).toBe(admin);
      if (admin) {
        await history.getByText('Technische Angaben').last().click();
        await history.getByText(/hearing-decision/).first().waitFor();
      } else {
        expect(text).not.toMatch(/fine-proceedings-[0-9a-f]{8}/);
      }
      await page.context().close();
    }
  });

  it('when a transfer pays more than the ticket costs, then the case history names the bank transfer as who booked it and the amount to be paid back, in German and English, at phone and desktop width', async () => {
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const { ticketNumber } = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-UE 55', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-staff-pages-overpaid' })).json;
    const ticket = await app.system.model.tickets.findOne({ ticketNumber }).lean();
    // The bank statement's booking, as the statement import reports it: 60 € for a 55 € Verwarnungsgeld.
    await app.system.temporal.workflow.getHandle(ticket!.workflowId!).signal(paymentBookedSignal, {
      paymentId: `stmt-${ticketNumber}`, amountCents: 6000, bookedAt: new Date().toISOString(), channel: 'bank_transfer',
    });
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.status === 'paid', 'paid', { tries: 200 });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const words = { de: { who: 'Überweisung', paid: /Insgesamt überzahlt: 5,00\s€, zurückzuzahlen\./ }, en: { who: 'Bank transfer', paid: /Over-paid in total: €5\.00, to be paid back\./ } };
    for (const lang of ['de', 'en'] as const) {
      for (const width of [390, 1280]) {
        const page = await signedIn(`/dienst/vorgaenge/${ticketNumber}`, lang, TEST_STAFF, width);
        const rows = page.locator('table tbody tr');
        await rows.first().waitFor();
        const booked = (await rows.allInnerTexts()).find((r) => words[lang].paid.test(r));
        expect(booked, `${lang} ${width}: ${(await rows.allInnerTexts()).join(' | ')}`).toContain(words[lang].who);
        expect(await rows.allInnerTexts(), `${lang} ${width}`).not.toContainEqual(expect.stringMatching(/payment:|bank_transfer|late:|notice:/));
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/case-history-overpaid-${lang}-${width}.png`, fullPage: true });
        if (width === 1280) await expectNoWcagViolations(page, `case history ${lang}`);
        await page.context().close();
      }
    }
  });

  it('when a part-paid ticket is withdrawn, then the case history says the amount is to be paid back, in German and English, at phone and desktop width', async () => {
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const { ticketNumber } = (await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: 'HA-RZ 10', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 3_600_000).toISOString(),
    }, { 'Idempotency-Key': 'browser-staff-pages-refund-due' })).json;
    const ticket = await app.system.model.tickets.findOne({ ticketNumber }).lean();
    await app.system.temporal.workflow.getHandle(ticket!.workflowId!).signal(paymentBookedSignal, {
      paymentId: `stmt-${ticketNumber}`, amountCents: 1000, bookedAt: new Date().toISOString(), channel: 'bank_transfer',
    });
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.paidCents === 1000, 'the part payment', { tries: 200 });
    const requested = await staff.request('POST', `/api/parking-tickets/${ticketNumber}/withdrawal-requests`, { reason: 'Bewohnerparkausweis lag aus' });
    expect(requested.status).toBe(202);
    const decided = await staff.request('POST', `/api/tasks/${encodeURIComponent(requested.json.taskId)}/decision`, { decision: { outcome: 'withdraw', reason: 'Ausweis auf dem Foto erkennbar' } });
    expect(decided.status).toBe(200);
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.overpaidCents === 1000, 'refund due', { tries: 200 });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const words = {
      de: { title: 'Rückzahlung fällig', sentence: /Bereits bezahlt: 10,00\s€\. Geschuldet ist nichts mehr, der Betrag ist zurückzuzahlen\./ },
      en: { title: 'Refund due', sentence: /Already paid: €10\.00\. Nothing is owed any more; the amount is to be paid back\./ },
    };
    for (const lang of ['de', 'en'] as const) {
      for (const width of [390, 1280]) {
        const page = await signedIn(`/dienst/vorgaenge/${ticketNumber}`, lang, TEST_STAFF, width);
        const rows = page.locator('table tbody tr');
        await rows.first().waitFor();
        const texts = await rows.allInnerTexts();
        const refund = texts.filter((r) => words[lang].sentence.test(r));
        expect(refund, `${lang} ${width}: ${texts.join(' | ')}`).toHaveLength(1);
        expect(refund[0]).toContain(words[lang].title);
        expect(texts, `${lang} ${width}`).not.toContainEqual(expect.stringMatching(/refund-due|overpaidCents|payment:|bank_transfer/));
        if (SHOTS) await page.screenshot({ path: `${SHOTS}/case-history-refund-due-${lang}-${width}.png`, fullPage: true });
        if (width === 1280) await expectNoWcagViolations(page, `case history refund due ${lang}`);
        await page.context().close();
      }
    }
  });

  it('when a designer opens a form, then the page is titled by the form\'s name and the versions table has no untranslated "built-in"', async () => {
    const page = await signedIn('/dienst/formulare/dog-tax-registration', 'de');
    await page.getByRole('heading', { level: 1, name: 'Formular bearbeiten: Hund zur Hundesteuer anmelden' }).waitFor();
    const versions = page.locator('table', { has: page.locator('caption', { hasText: /Versionen/ }) });
    await versions.locator('tbody tr').first().waitFor();
    expect(await versions.innerText()).not.toMatch(/built-in/);
    await page.context().close();
  });

  it('when an administrator opens the accounts at desktop width, then the table fits without scrolling and its headers stay on one line', async () => {
    const page = await signedIn('/dienst/konten', 'de');
    const region = page.locator('section[aria-labelledby="accounts-title"] [role=region]');
    await region.locator('tbody tr').first().waitFor();
    const fit = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    const heights = await region.locator('thead th').evaluateAll((ths) => ths.map((th) => (th as HTMLElement).getBoundingClientRect().height));
    const lineHeight = await region.locator('thead th').first().evaluate((th) => parseFloat(getComputedStyle(th).lineHeight) || 24);
    for (const h of heights) expect(h).toBeLessThan(lineHeight * 2 + 24);
    await expectNoWcagViolations(page, 'accounts');
  });
});
