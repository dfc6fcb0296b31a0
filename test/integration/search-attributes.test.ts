/**
 * The typed search attributes (workflows/search-attributes.ts) on the real Temporal dev server
 * of this test run: what operators filter on in the Temporal UI and `temporal workflow list`.
 * Cases of three procedures are opened over HTTP — a parking ticket in its week, a ticket whose
 * week is over (its Bußgeldverfahren child starts at once) and a dog-tax exemption — and listed
 * by visibility queries on AmtswegProcedure, AmtswegStatus and AmtswegCaseNumber; describe()
 * answers the values as typed KEYWORD attributes. Every place that sets them is covered: the
 * start of a ticket (procedure), the ticket's upsert (case number, status), the child's start
 * (procedure, case number, status) and the dog-tax workflow's upserts. The server answers the
 * same for the deprecated untyped forms (`searchAttributes: {…}`, `upsertSearchAttributes({…})`),
 * so a scan of the sources keeps them out.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchAttributeType } from '@temporalio/common';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';
import { CASE_NUMBER, PROCEDURE, STATUS } from '../../workflows/search-attributes';
import { parkingTicketWorkflowId } from '../../workflows/parking-ticket/shared';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';

let app: RunningSystem & { taskQueue: string };
let staff: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('search_attributes');
  staff = new HttpClient(app.baseUrl);
  await staff.signInStaff();
});
afterAll(async () => {
  await app?.stop();
});

const DAY = 86_400_000;

async function recordTicket(plate: string, observedAt: Date): Promise<{ ticketNumber: string; workflowId: string }> {
  const key = `idem-sa-${randomUUID()}`;
  const recorded = await staff.request('POST', '/api/parking-tickets', {
    offenceCode: '141312', plate, place: 'Suchstraße 1, Hagen', observedAt: observedAt.toISOString(),
  }, { 'Idempotency-Key': key });
  expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
  return { ticketNumber: recorded.json.ticketNumber, workflowId: parkingTicketWorkflowId(createHash('sha256').update(key).digest('hex').slice(0, 32)) };
}

/** The IDs of the workflows a visibility query lists, on this system's task queue only (the dev server is shared by the run). */
async function listed(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const info of app.system.temporal.workflow.list({ query: `TaskQueue = '${app.taskQueue}' AND ${query}` })) ids.push(info.workflowId);
  return ids.sort();
}

/** Waits until the query lists exactly these workflows (visibility is written after the history, a moment later). */
async function expectListed(query: string, want: string[]): Promise<void> {
  const expected = [...want].sort();
  let last: string[] = [];
  try {
    await eventually(async () => { last = await listed(query); return JSON.stringify(last) === JSON.stringify(expected); }, query, { tries: 150, everyMs: 200 });
  } catch {
    // Names what came back instead.
    expect(last, query).toEqual(expected);
  }
}

/** The workflow's search attributes as describe() decodes them: name → [type, value]. */
async function typedAttributes(workflowId: string): Promise<Record<string, [string, unknown]>> {
  const { typedSearchAttributes } = await app.system.temporal.workflow.getHandle(workflowId).describe();
  const amtsweg = typedSearchAttributes.getAll().filter((pair) => pair.key.name.startsWith('Amtsweg'));
  return Object.fromEntries(amtsweg.map((pair) => [pair.key.name, [pair.key.type, pair.value]]));
}

const keyword = (key: typeof PROCEDURE, value: string) => ({ [key.name]: [SearchAttributeType.KEYWORD, value] });

describe('typed search attributes', () => {
  it('when cases of three procedures are open, then visibility queries on AmtswegProcedure, AmtswegStatus and AmtswegCaseNumber list exactly their workflows, and describe() answers typed KEYWORD values', async () => {
    // A ticket in its week: started with its procedure, then its case number and status upserted.
    const open = await recordTicket('HA-AB 123', new Date(Date.now() - 60_000));
    // A ticket observed 8 days ago: the letter goes out at once and the Bußgeldverfahren starts
    // as its child, with procedure, case number (the ticket's) and first status set at its start.
    const overdue = await recordTicket('HA-FW 300', new Date(Date.now() - 8 * DAY));
    const child = fineProceedingsWorkflowId(overdue.workflowId);
    await eventually(async () => (await app.system.model.tickets.findOne({ ticketNumber: overdue.ticketNumber }).lean())?.status === 'letter_sent', 'the hearing letter', { tries: 300 });
    // A dog-tax exemption: its procedure, case number and statuses upserted by the workflow.
    const upload = await fetch(`${app.baseUrl}/api/attachments`, { method: 'POST', body: '%PDF-1.4\n%%EOF\n', headers: { 'Content-Type': 'application/pdf', 'X-Filename': 'nachweis.pdf' } });
    expect(upload.status).toBe(201);
    const { id: evidenceId } = await upload.json() as { id: string };
    const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'erika-sa@example.org' };
    const applied = await new HttpClient(app.baseUrl).request('POST', '/api/forms/dog-tax-exemption/submissions',
      { tagNumber: 'HSM-2026-0042', holder, ground: 'social_benefits', evidenceIds: [evidenceId] }, { 'Idempotency-Key': `sa-exm-${randomUUID()}` });
    expect(applied.status, JSON.stringify(applied.json)).toBe(202);
    const exemption = await eventually(async () => {
      const found = await app.system.model.dogTaxCases.findOne({ caseNumber: applied.json.caseNumber }).lean();
      return found?.status === 'awaiting_decision' && found;
    }, 'the exemption awaiting its decision', { tries: 300 });

    await expectListed(`AmtswegProcedure = 'parking-ticket'`, [open.workflowId, overdue.workflowId]);
    await expectListed(`AmtswegProcedure = 'fine-proceedings'`, [child]);
    await expectListed(`AmtswegProcedure = 'dog-tax-exemption'`, [exemption.workflowId]);
    await expectListed(`AmtswegStatus = 'open'`, [open.workflowId]);
    await expectListed(`AmtswegStatus = 'letter_sent'`, [overdue.workflowId]);
    await expectListed(`AmtswegStatus = 'hearing'`, [child]);
    await expectListed(`AmtswegStatus = 'awaiting_decision'`, [exemption.workflowId]);
    // The ticket and its proceedings carry the same case number: one query finds the whole case.
    await expectListed(`AmtswegCaseNumber = '${overdue.ticketNumber}'`, [overdue.workflowId, child]);
    await expectListed(`AmtswegCaseNumber = '${exemption.caseNumber}'`, [exemption.workflowId]);
    await expectListed(`AmtswegProcedure = 'parking-ticket' AND AmtswegStatus = 'open' AND AmtswegCaseNumber = '${open.ticketNumber}'`, [open.workflowId]);

    // Typed: describe() decodes each as a KEYWORD (from the type the payload carries), with its value.
    expect(await typedAttributes(open.workflowId)).toEqual({ ...keyword(PROCEDURE, 'parking-ticket'), ...keyword(CASE_NUMBER, open.ticketNumber), ...keyword(STATUS, 'open') });
    expect(await typedAttributes(overdue.workflowId)).toEqual({ ...keyword(PROCEDURE, 'parking-ticket'), ...keyword(CASE_NUMBER, overdue.ticketNumber), ...keyword(STATUS, 'letter_sent') });
    expect(await typedAttributes(child)).toEqual({ ...keyword(PROCEDURE, 'fine-proceedings'), ...keyword(CASE_NUMBER, overdue.ticketNumber), ...keyword(STATUS, 'hearing') });
    expect(await typedAttributes(exemption.workflowId)).toEqual({ ...keyword(PROCEDURE, 'dog-tax-exemption'), ...keyword(CASE_NUMBER, exemption.caseNumber), ...keyword(STATUS, 'awaiting_decision') });
    // The typed keys read them back as such.
    const { typedSearchAttributes } = await app.system.temporal.workflow.getHandle(exemption.workflowId).describe();
    expect(typedSearchAttributes.get(PROCEDURE)).toBe('dog-tax-exemption');
    expect(typedSearchAttributes.get(STATUS)).toBe('awaiting_decision');
  });

  it('when the sources set search attributes, then only through the typed keys: no deprecated untyped searchAttributes option or upsert', () => {
    const root = join(import.meta.dirname, '..', '..');
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.isDirectory()) return ['node_modules', 'dist', 'test'].includes(e.name) || e.name.startsWith('.') ? [] : sources(join(dir, e.name));
      return /\.(ts|tsx|mts)$/.test(e.name) ? [join(dir, e.name)] : [];
    });
    const untyped: string[] = [];
    for (const file of sources(root)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        // Registering them (operatorService.addSearchAttributes) names their types: not a use.
        if (/\bsearchAttributes\s*:|upsertSearchAttributes\(\s*\{/.test(line) && !/addSearchAttributes\(/.test(line)) untyped.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(untyped).toEqual([]);
    // The scan sees the typed uses (so it reads the right files).
    expect(sources(root).filter((f) => /typedSearchAttributes: caseAttributes|upsertSearchAttributes\(caseUpdate/.test(readFileSync(f, 'utf8'))).length).toBeGreaterThanOrEqual(5);
  });
});
