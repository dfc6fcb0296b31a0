/**
 * A lost answer, clicked again (issue 12, item 1), in chromium: the citizen's hearing answer and
 * the caseworker's decision reach the server, but their answer never reaches the page (the
 * connection drops: playwright fetches the request and then aborts it). The person sees "no
 * connection", clicks again — and sees success, not a 409 "already answered" / "task not open":
 * the page sent both attempts with one Idempotency-Key, so the server answers the second as the
 * first. The server holds exactly one answer and one decision. German and English.
 */
import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestAccount, HttpClient } from '../support/system';
import { eventually } from '../support/eventually';
import { letterCodeOf } from '../support/letter-code';
import { useBrowserTestSystem, expectNoWcagViolations, type BrowserTestContext } from '../support/browser';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';

const ctx = useBrowserTestSystem('browser_lost_answer');
const SHOTS = process.env.AMTSWEG_SCREENSHOTS; // a folder: pictures to look at (not compared)
let app: BrowserTestContext['app'];
let browser: BrowserTestContext['browser'];
beforeAll(() => {
  ({ app, browser } = ctx);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

const WORDS = {
  de: {
    plate: 'Kfz-Kennzeichen', answerOpen: 'Anhörung beantworten', givenName: 'Vorname', familyName: 'Familienname', birthDate: 'Geburtsdatum',
    street: 'Straße und Hausnummer', postalCode: 'Postleitzahl', city: 'Ort', admits: 'Ich räume den Verstoß ein.', next: 'Weiter', send: 'Antwort absenden',
    network: 'Keine Verbindung zum Server.', answered: 'Ihre Antwort ist eingegangen.',
    user: 'Benutzername', password: 'Passwort', signedIn: /Angemeldet als/, outcome: 'Bußgeldbescheid erlassen', decide: 'Entscheidung speichern',
    decided: 'Die Entscheidung ist gespeichert; der Vorgang läuft weiter.',
  },
  en: {
    plate: 'Vehicle registration number', answerOpen: 'Answer the hearing', givenName: 'Given name', familyName: 'Family name', birthDate: 'Date of birth',
    street: 'Street and number', postalCode: 'Postcode', city: 'Town', admits: 'I admit the offence.', next: 'Next', send: 'Send answer',
    network: 'No connection to the server.', answered: 'Your answer has been received.',
    user: 'User name', password: 'Password', signedIn: /Signed in as/, outcome: 'Issue a fine notice', decide: 'Save decision',
    decided: 'The decision is saved; the case continues.',
  },
} as const;

async function newPage(lang: 'de' | 'en', width: number): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'de' ? 'de-DE' : 'en-GB', timezoneId: 'Europe/Berlin', viewport: { width, height: 900 } });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('amtsweg.lang', 'en'));
  return context.newPage();
}

/**
 * The first POST to `path` reaches the server, whose answer is then dropped: the page sees a
 * network error. Later ones pass. Says what the server answered and which keys were sent.
 */
async function loseFirstAnswer(page: Page, path: string) {
  const seen = { lostStatus: 0, keys: [] as string[] };
  await page.route((url) => url.pathname === path, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    seen.keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (seen.lostStatus) return route.continue();
    const response = await route.fetch();
    seen.lostStatus = response.status();
    await route.abort('connectionreset');
  });
  return seen;
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** No raw keys, ids or codes on the page: the words of the page language only. */
async function expectNoRawKeys(page: Page, where: string) {
  const text = await page.locator('main').innerText();
  expect(text, where).not.toMatch(/\b(network_error|already_decided|task_not_open|idempotency|conflict|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4})\b/i);
}

describe('an answer lost on the way back, clicked again', () => {
  for (const [lang, width, plate] of [['de', 390, 'HA-MM 4711'], ['en', 1280, 'HA-AB 123']] as const) {
    it(`when the hearing answer's and then the decision's answer is lost and the person clicks again, then they see success, not a conflict, and the server holds one answer and one decision (${lang}, ${width} px)`, async () => {
      const w = WORDS[lang];
      const warden = new HttpClient(app.baseUrl);
      await warden.signInStaff();
      const recorded = (await warden.request('POST', '/api/parking-tickets', {
        offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
      }, { 'Idempotency-Key': `browser-lost-answer-${lang}` })).json;
      const ticketNumber = recorded.ticketNumber as string;
      await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber }).lean())?.status === 'letter_sent', 'letter_sent', { tries: 200 });

      // The citizen answers the hearing; the first answer is lost.
      const citizen = await newPage(lang, width);
      await citizen.goto(`${app.baseUrl}/knoellchen/${await letterCodeOf(app, ticketNumber)}`);
      await citizen.getByLabel(w.plate).fill(plate);
      await citizen.locator('form button[type=submit]').click();
      await citizen.getByRole('button', { name: w.answerOpen }).click();
      await citizen.getByLabel(w.givenName).first().fill('Max');
      await citizen.getByLabel(w.familyName).first().fill('Mustermann');
      await citizen.getByLabel(w.birthDate).first().fill('1980-04-01');
      await citizen.getByLabel(w.street).first().fill('Körnerstraße 5');
      await citizen.getByLabel(w.postalCode).first().fill('58095');
      await citizen.getByLabel(w.city, { exact: true }).first().fill('Hagen');
      await citizen.getByLabel(w.admits).check();
      for (let i = 0; i < 4 && (await citizen.getByRole('button', { name: w.send }).count()) === 0; i += 1) {
        await citizen.getByRole('button', { name: w.next, exact: true }).click();
      }
      const answer = await loseFirstAnswer(citizen, '/api/fine-proceedings/current/hearing-answer');
      await citizen.getByRole('button', { name: w.send }).click();
      await citizen.getByText(w.network).waitFor();
      expect(answer.lostStatus, 'the lost answer was the server taking it').toBe(200);
      await shot(citizen, `lost-answer-hearing-lost-${lang}-${width}`);
      await expectNoRawKeys(citizen, `${lang} hearing, answer lost`);
      await citizen.getByRole('button', { name: w.send }).click();
      await citizen.getByText(w.answered).waitFor();
      await shot(citizen, `lost-answer-hearing-retried-${lang}-${width}`);
      await expectNoRawKeys(citizen, `${lang} hearing, answered`);
      await expectNoWcagViolations(citizen, `${lang} hearing answered after a lost answer`);
      expect(answer.keys).toHaveLength(2);
      expect(answer.keys[0]).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
      expect(answer.keys[1]).toBe(answer.keys[0]);
      expect(await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'fine-proceedings.hearing-answered' })).toBe(1);
      await citizen.context().close();

      // The caseworker decides; the first answer is lost.
      const { workflowId } = (await app.system.model.tickets.findOne({ ticketNumber }).lean())!;
      const taskId = taskIdOf(fineProceedingsWorkflowId(workflowId), 'hearing-decision');
      await eventually(async () => (await app.system.model.tasks.findById(taskId).lean())?.status === 'open', 'the decision task');
      const caseworker = await createTestAccount(app, { id: `lost-answer-${lang}`, roles: ['caseworker'], departments: ['fine-office'], displayName: 'Bettina Bauer' });
      const staff = await newPage(lang, width);
      await staff.goto(`${app.baseUrl}/dienst/aufgaben/${encodeURIComponent(taskId)}`);
      await staff.getByLabel(w.user).fill(caseworker.id);
      await staff.getByLabel(w.password, { exact: true }).fill(caseworker.password);
      await staff.locator('form button[type=submit]').click();
      await staff.getByText(w.signedIn).waitFor();
      await staff.getByLabel(w.outcome).check();
      const decision = await loseFirstAnswer(staff, `/api/tasks/${encodeURIComponent(taskId)}/decision`);
      await staff.getByRole('button', { name: w.decide }).click();
      await staff.getByText(w.network).waitFor();
      expect(decision.lostStatus, 'the lost answer was the server taking it').toBe(200);
      await shot(staff, `lost-answer-decision-lost-${lang}-${width}`);
      await expectNoRawKeys(staff, `${lang} decision, answer lost`);
      await staff.getByRole('button', { name: w.decide }).click();
      await staff.getByText(w.decided).waitFor();
      await shot(staff, `lost-answer-decision-retried-${lang}-${width}`);
      await expectNoRawKeys(staff, `${lang} decision saved`);
      await expectNoWcagViolations(staff, `${lang} decision saved after a lost answer`);
      expect(decision.keys).toHaveLength(2);
      expect(decision.keys[1]).toBe(decision.keys[0]);
      expect(await app.system.model.tasks.findById(taskId).lean()).toMatchObject({ status: 'completed', decidedBy: caseworker.id, decision: { outcome: 'fine_notice' } });
      expect(await app.system.model.audit.countDocuments({ caseNumber: ticketNumber, action: 'task.completed' })).toBe(1);
      await staff.context().close();
    });
  }
});
