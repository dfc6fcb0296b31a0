/**
 * The caseworker inbox in a real browser: the department queue with its overdue badge, a claim
 * that lost a race (409 → clear message, list reloaded), the task page with case data beside
 * the decision form, client and server validation, the decision, and axe (WCAG 2.1 AA) on both
 * pages. Tasks come from the fixture case workflow run by a worker beside the system.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { WorkflowHandle } from '@temporalio/client';
import { taskIdOf } from '../../workflows/tasks/shared';
import { finishSignal, humanTaskFixtureWorkflow } from '../workflows/fixtures/human-task-workflow';
import { createTestAccount, HttpClient, startTestSystem } from '../support/system';
import { startHumanTaskFixtureWorker } from '../support/fixture-worker';
import { eventually } from '../support/eventually';
import { launchChromium, expectNoWcagViolations } from '../support/browser';

const DAY = 86_400_000;
let app: Awaited<ReturnType<typeof startTestSystem>>;
let browser: Browser;
let fixtureWorker: { stop(): Promise<void> } | undefined;
const taskQueue = `inbox-browser-${randomUUID().slice(0, 8)}`;
const handles: WorkflowHandle[] = [];
let karin: { id: string; password: string };
let other: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('browser_inbox');
  fixtureWorker = await startHumanTaskFixtureWorker(app, taskQueue);
  karin = await createTestAccount(app, { id: 'krause', roles: ['caseworker'], departments: ['fine-office'], displayName: 'Karin Krause' });
  const olaf = await createTestAccount(app, { id: 'olsen', roles: ['caseworker'], departments: ['fine-office'], displayName: 'Olaf Olsen' });
  other = new HttpClient(app.baseUrl);
  await other.signIn(olaf.id, olaf.password);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(handles.map((h) => h.signal(finishSignal).catch(() => undefined)));
  await fixtureWorker?.stop();
  await app?.stop();
});

async function openTask(caseNumber: string, dueInMs: number): Promise<string> {
  const workflowId = `inbox-browser-${randomUUID()}`;
  handles.push(await app.system.temporal.workflow.start(humanTaskFixtureWorkflow, { taskQueue, workflowId, args: [{ dueInMs, spec: {
    key: 'decision', type: 'parking-ticket.decision', department: 'fine-office', procedure: 'parking-ticket', caseNumber,
    title: { de: `Einspruch ${caseNumber} prüfen`, en: `Review objection ${caseNumber}` },
    decisionSchema: {
      type: 'object', required: ['outcome', 'reason'],
      properties: { outcome: { type: 'string', enum: ['uphold', 'drop'], title: 'Entscheidung' }, reason: { type: 'string', minLength: 3, title: 'Begründung' } },
    },
    decisionUiSchema: { outcome: { 'ui:widget': 'radio' }, reason: { 'ui:widget': 'textarea' } },
    outcomes: { uphold: { required: ['reason'], label: { de: 'Aufrechterhalten', en: 'Uphold' } }, drop: { required: ['reason'], label: { de: 'Einstellen', en: 'Drop' } } },
    caseData: { plate: 'HA-KK 77', place: 'Elberfelder Straße 3', wardenNote: 'Foto vorhanden' },
  } }] }));
  const taskId = taskIdOf(workflowId, 'decision');
  await eventually(() => app.system.model.audit.findOne({ caseNumber, action: 'task.opened' }).lean(), 'the opened task');
  return taskId;
}


describe('inbox in the browser', () => {
  it('lists the department queue, reports a lost claim, and decides a task with validation', async () => {
    const late = await openTask('VG-2026-000901', 5 * DAY);
    const soon = await openTask('VG-2026-000902', 1 * DAY);
    // Overdue: the fixture's due date is already past, so the escalation runs at once.
    const overdue = await openTask('VG-2026-000903', 1);
    await eventually(async () => (await app.system.model.tasks.findById(overdue).lean())?.overdue === true, 'overdue');

    const page = await (await browser.newContext({ locale: 'de-DE' })).newPage();
    await page.goto(`${app.baseUrl}/dienst/aufgaben`);
    await page.getByLabel('Benutzername').fill(karin.id);
    await page.getByLabel('Passwort', { exact: true }).fill(karin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Keine Aufgaben für diese Auswahl.').waitFor();
    await expectNoWcagViolations(page);

    await page.getByRole('navigation', { name: 'Warteschlangen' }).getByRole('link', { name: 'Warteschlange Bußgeldstelle' }).click();
    await page.getByText('3 Aufgaben · Seite 1').waitFor();
    const rows = page.getByRole('table', { name: 'Warteschlange Bußgeldstelle, Seite 1' }).getByRole('row');
    expect((await rows.allTextContents()).slice(1).map((r) => /VG-2026-\d+/.exec(r)?.[0])).toEqual(['VG-2026-000903', 'VG-2026-000902', 'VG-2026-000901']);
    expect(await rows.nth(1).getByText('Überfällig').count()).toBe(1);
    await expectNoWcagViolations(page);

    // Olaf claims "soon" first; Karin's claim then loses and says so.
    expect((await other.request('POST', `/api/tasks/${encodeURIComponent(soon)}/claim`)).status).toBe(200);
    await page.getByRole('button', { name: /Übernehmen.*VG-2026-000902/ }).click();
    await page.getByRole('status').getByText('Diese Aufgabe bearbeitet bereits Olaf Olsen. Die Anzeige wurde aktualisiert.').waitFor();
    await page.getByRole('row', { name: /VG-2026-000902.*Olaf Olsen/ }).waitFor();

    // Filter: overdue only.
    await page.getByLabel('Fälligkeit').selectOption('true');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await page.getByText('1 Aufgabe · Seite 1').waitFor();

    // The task page: case data beside the decision form.
    await page.goto(`${app.baseUrl}/dienst/aufgaben/${encodeURIComponent(late)}`);
    await page.getByRole('heading', { level: 1, name: 'Einspruch VG-2026-000901 prüfen' }).waitFor();
    await page.getByText('HA-KK 77').waitFor();
    await page.getByRole('heading', { name: 'Unterlagen und Verlauf des Vorgangs' }).waitFor();
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    // Client-side validation first: focus goes to the first invalid field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await expectNoWcagViolations(page);
    await page.getByLabel('Einstellen').check();
    await page.getByLabel('Begründung').fill('Das Foto zeigt ein anderes Kennzeichen.');
    await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await page.getByText('Die Entscheidung ist gespeichert; der Vorgang läuft weiter.').waitFor();
    await page.getByText('Entschieden von Karin Krause').waitFor();
    expect(await app.system.model.tasks.findById(late).lean()).toMatchObject({ status: 'completed', decidedBy: 'krause', decision: { outcome: 'drop' } });
    await expectNoWcagViolations(page);
  });
});
