/**
 * Proof: no personal data in logs. amtsweg runs as `npm start` runs it (scripts/start.ts, its own
 * embedded stack in its own data folder) in a process of its own, stdout and stderr written to a
 * log file. A full end-to-end run over HTTP: a parking ticket for a plate whose holder is a
 * seeded demo citizen, its hearing letter, the hearing answered with a name and address, a dog
 * registered and deregistered with a refund IBAN. Then every log — amtsweg's own and the stack's
 * service logs (Temporal, FerretDB, MailDev in <data>/logs) — is searched for the names, plates,
 * streets, birth dates, e-mail addresses and the IBAN of this run. The flow must have reached
 * its states first (and the values must be in the database), or the search proves nothing.
 */
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { format } from 'node:util';
import express from 'express';
import { MongoServerError } from 'mongodb';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { errorHandler } from '../../server/http/error-handler';
import { loadConfig } from '../../config/config';
import { freePort } from '../../scripts/lib/stack';
import { connectSystem, type System } from '../../system/system';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { DEPARTMENT_IDS } from '../../domain/departments';
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';
import { fineProceedingsWorkflowId } from '../../workflows/fine-proceedings/shared';
import { taskIdOf } from '../../workflows/tasks/shared';
import { createTestAccount, HttpClient, TEST_STAFF } from '../support/system';
import { eventually } from '../support/eventually';

const DAY = 86_400_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c().catch(() => undefined); }, 120_000);

/** The seeded holder of HA-MM 4711 (sandboxes/vehicle-registry/demo-vehicle-holders.json). */
const demoHolders = JSON.parse(readFileSync(new URL('../../sandboxes/vehicle-registry/demo-vehicle-holders.json', import.meta.url), 'utf8')) as { plate: string; name: string; street: string }[];
const PLATE = 'HA-MM 4711';
const seeded = demoHolders.find((h) => h.plate === PLATE)!;

const run = randomUUID().slice(0, 6);
const answerEmail = `hoerung-${run}@example.org`;
const dogEmail = `hund-${run}@example.org`;
const person = { givenName: 'Max', familyName: 'Mustermann', birthDate: '1980-04-01', street: 'Körnerstraße 5', postalCode: '58095', city: 'Hagen' };
/** A seeded resident (sandboxes/resident-registry/demo-residents.json): the registration needs one. */
const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Straße 12', postalCode: '58095', email: dogEmail };
const IBAN = 'DE89 3704 0044 0532 0130 00';

/** Every value of this run a log must not contain, with the spellings a logger might produce. */
function needles(): string[] {
  const streetName = (s: string) => s.replace(/\s*\d+\w*$/, '');
  const plates = [PLATE, PLATE.replace(/\s/g, ''), PLATE.replace(/[\s-]/g, '')];
  const values = [
    // Whole names and family names ("Max" alone would match max-age).
    seeded.name, seeded.name.split(' ').pop()!, streetName(seeded.street),
    `${person.givenName} ${person.familyName}`, person.familyName, person.birthDate, streetName(person.street),
    `${holder.givenName} ${holder.familyName}`, holder.familyName, holder.birthDate, streetName(holder.street), holder.street.split(' ')[0]!,
    answerEmail, dogEmail, IBAN, IBAN.replace(/\s/g, ''),
    ...plates,
  ];
  return [...new Set(values)].filter((v) => v.length >= 3);
}

/** Where each needle occurs in a text (case-insensitive, also JSON-escaped: ß and ö as \u00df/\u00f6). */
function findings(name: string, text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const needle of needles()) {
    const forms = new Set([needle, JSON.stringify(needle).slice(1, -1), JSON.stringify(needle).slice(1, -1).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]);
    for (const form of forms) {
      const at = lower.indexOf(form.toLowerCase());
      if (at >= 0) { found.push(`${name}: "${needle}" in …${text.slice(Math.max(0, at - 80), at + 80)}…`); break; }
    }
  }
  return found;
}

/** Starts scripts/start.ts with its own ports and data folder; its stdout and stderr go to `logFile`. */
async function startAmtsweg(dataDir: string, logFile: string) {
  const env: Record<string, string> = { AMTSWEG_DATA_DIR: dataDir, AMTSWEG_BACKUP_INTERVAL_MINUTES: '0', STAFF_ADMIN_SECOND_FACTOR: 'optional' };
  for (const name of ['PORT', 'TEMPORAL_PORT', 'TEMPORAL_UI_PORT', 'FERRETDB_PORT', 'MAILDEV_SMTP_PORT', 'MAILDEV_WEB_PORT']) env[name] = String(await freePort());
  const fd = openSync(logFile, 'a');
  const { TEMPORAL_ADDRESS: _t, MONGODB_URI: _m, SMTP_URL: _s, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...inherited, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, 'SIGTERM');
    const timer = setTimeout(() => { try { process.kill(child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 60_000);
    await exited;
    clearTimeout(timer);
  });
  const deadline = Date.now() + 240_000;
  while (!readFileSync(logFile, 'utf8').includes('amtsweg is running')) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`amtsweg exited before it was ready:\n${readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`amtsweg not ready within 240 s:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const config = loadConfig(env);
  const system: System = await connectSystem(config, {
    temporal: { ...config.temporal, address: `127.0.0.1:${env.TEMPORAL_PORT}` },
    mongodbUri: `mongodb://127.0.0.1:${env.FERRETDB_PORT}/amtsweg`,
    smtpUrl: `smtp://127.0.0.1:${env.MAILDEV_SMTP_PORT}`,
  });
  cleanups.push(() => system.close());
  return { system, baseUrl: `http://127.0.0.1:${env.PORT}`, mailApiUrl: `http://127.0.0.1:${env.MAILDEV_WEB_PORT}` };
}

describe('proof: no personal data in logs', () => {
  it('when a ticket goes through its hearing and a dog is registered and deregistered with a refund IBAN, then no log of amtsweg or its stack contains a name, plate, street, birth date, e-mail address or IBAN of the run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'amtsweg-proof-logs-'));
    // Removed after amtsweg stopped (cleanups run in reverse), unless kept for a look.
    if (!process.env.AMTSWEG_KEEP_TEST_DATA) cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const logFile = join(dataDir, 'amtsweg.log');
    const app = await startAmtsweg(dataDir, logFile);
    await createTestAccount(app.system, { ...TEST_STAFF, roles: [...STAFF_ROLES], departments: [...DEPARTMENT_IDS] });
    const staff = new HttpClient(app.baseUrl);
    await staff.signInStaff();
    const mailsTo = async (address: string) => ((await (await fetch(`${app.mailApiUrl}/api/email`)).json()) as { subject: string; to: { address: string }[] }[])
      .filter((m) => m.to.some((t) => t.address.toLowerCase() === address));

    // Ticket observed 8 days ago: the 7-day window is over, the hearing letter goes to the seeded holder at once.
    const recorded = await staff.request('POST', '/api/parking-tickets', {
      offenceCode: '112454', plate: PLATE, place: 'Hohenzollernstraße 3, Hagen', observedAt: new Date(Date.now() - 8 * DAY).toISOString(),
    }, { 'Idempotency-Key': `proof-logs-ticket-${run}` });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    const ticket = await eventually(async () => {
      const t = await app.system.model.tickets.findOne({ ticketNumber: recorded.json.ticketNumber }).lean();
      return t?.status === 'letter_sent' && t;
    }, 'letter_sent', { tries: 600, everyMs: 200 });
    const citizen = new HttpClient(app.baseUrl);
    const opened = await citizen.request('POST', '/api/parking-tickets/access', { code: deriveLetterCode(app.system.secrets.accessCode, ticket.workflowId), plate: PLATE });
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    const bearer = { Authorization: `Bearer ${opened.json.portalToken}` };
    const answered = await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer',
      { person, facts: 'denies', reasons: 'Ich war zur Tatzeit verreist.', email: answerEmail }, bearer);
    expect(answered.status, JSON.stringify(answered.json)).toBe(200);
    expect(answered.json).toMatchObject({ status: 'decision_pending', hearing: { answered: true } });
    // A second answer is refused (409): a refusal is logged nowhere with its person either.
    expect((await citizen.request('POST', '/api/fine-proceedings/current/hearing-answer', { person, facts: 'admits' }, bearer)).status).toBe(409);
    await eventually(async () => (await mailsTo(answerEmail)).length >= 1, 'the answer-received e-mail', { tries: 600, everyMs: 200 });

    // Dog tax: registration, then deregistration with a refund to an IBAN.
    const dogs = new HttpClient(app.baseUrl);
    const registration = await dogs.request('POST', '/api/forms/dog-tax-registration/submissions',
      { holder, dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' }, { 'Idempotency-Key': `proof-logs-dog-${run}` });
    expect(registration.status, JSON.stringify(registration.json)).toBe(202);
    // A double click: the same key again (a duplicate-key insert in the store; FerretDB logs failed commands).
    const again = await dogs.request('POST', '/api/forms/dog-tax-registration/submissions',
      { holder, dog: { name: 'Bello', breed: 'Labrador-Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14' }, { 'Idempotency-Key': `proof-logs-dog-${run}` });
    expect(again.json.caseNumber).toBe(registration.json.caseNumber);
    const registered = await eventually(async () => {
      const c = await app.system.model.dogTaxCases.findOne({ caseNumber: registration.json.caseNumber }).lean();
      return c?.status === 'registered' && c.tagNumber ? c : undefined;
    }, 'dog registered', { tries: 600, everyMs: 200 });
    const deregistration = await dogs.request('POST', '/api/forms/dog-tax-deregistration/submissions',
      { tagNumber: registered.tagNumber, holder, reason: 'died', endedOn: '2026-06-12', refundIban: IBAN, refundAccountHolder: `${holder.givenName} ${holder.familyName}` },
      { 'Idempotency-Key': `proof-logs-dereg-${run}` });
    expect(deregistration.status, JSON.stringify(deregistration.json)).toBe(202);
    await eventually(async () => (await app.system.model.dogTaxCases.findOne({ caseNumber: deregistration.json.caseNumber }).lean())?.status === 'deregistered', 'dog deregistered', { tries: 600, everyMs: 200 });
    await eventually(async () => (await mailsTo(dogEmail)).length >= 3, 'receipts and notices of the dog', { tries: 600, everyMs: 200 });

    // The values went through the system (so the search below could find them if they were logged):
    // the fine office's task shows the answer, the finance office's list the dog's holder (both unsealed).
    const taskId = taskIdOf(fineProceedingsWorkflowId(ticket.workflowId), 'hearing-decision');
    const task = await staff.request('GET', `/api/tasks/${encodeURIComponent(taskId)}`);
    const dogCases = await staff.request('GET', '/api/dog-tax/cases?procedure=dog-tax-deregistration');
    const shown = JSON.stringify([task.json, dogCases.json]);
    expect(shown).toContain(person.familyName);
    expect(shown).toContain(holder.givenName);

    // Every log: amtsweg's process output and the stack's service logs.
    const serviceLogs = join(dataDir, 'logs');
    expect(existsSync(serviceLogs)).toBe(true);
    const logs = [logFile, ...readdirSync(serviceLogs).map((f) => join(serviceLogs, f))];
    expect(logs.map((f) => f.split('/').pop()).sort()).toEqual(expect.arrayContaining(['amtsweg.log', 'ferretdb.log', 'maildev.log', 'temporal.log']));
    const texts = logs.map((f) => ({ name: f.slice(dataDir.length + 1), text: readFileSync(f, 'utf8') }));
    expect(texts.find((t) => t.name === 'amtsweg.log')!.text).toContain('amtsweg is running');
    // The search itself finds what it looks for (a negative control on a line as a careless logger would write it).
    expect(findings('control', JSON.stringify({ msg: 'hearing answered', person }))).not.toEqual([]);
    const found = texts.flatMap((t) => findings(t.name, t.text));
    console.info(`[proof] personal data in logs: ${needles().length} values searched in ${texts.length} logs (${texts.map((t) => `${t.name} ${t.text.length} B`).join(', ')}); ${found.length} found`);
    expect(found).toEqual([]);
  });
});

describe('proof: an unexpected error is logged without what it carries', () => {
  it('when a request whose path holds a plate fails with a database error echoing the document or an error echoing the body, then the log line has the error id the 500 answer carries, the route pattern and the error class and code — not the path, the message or the body', async () => {
    // A duplicate-key error as MongoDB (production's database) raises it: its message and
    // keyValue echo the refused document's key. (FerretDB v1's message names only the index.)
    const key = `${PLATE} ${person.givenName} ${person.familyName}, ${person.street}`;
    const duplicate = new MongoServerError({
      message: `E11000 duplicate key error collection: amtsweg.holders index: _id_ dup key: { _id: ${JSON.stringify(key)} }`,
      code: 11000, keyPattern: { _id: 1 }, keyValue: { _id: key },
    });
    // The server's own error handler behind routes as the route table mounts them (patterns with parameters).
    const app = express();
    app.post('/api/parking-tickets/:plate/holder', express.json(), (_req, _res, next) => next(duplicate));
    app.post('/api/forms/:formId/submissions', express.json(), (req, _res, next) => {
      next(Object.assign(new TypeError(`invalid submission ${JSON.stringify(req.body)}`), { code: 'ERR_PROOF_VALIDATION' }));
    });
    app.use(errorHandler);
    const server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(async () => { server.closeAllConnections(); server.close(); });
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

    const logged: string[] = [];
    const capture = (...args: unknown[]) => { logged.push(format(...args)); };
    const spies = (['error', 'warn', 'info', 'log'] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture));
    let answers: { status: number; json: { error: { code: string; errorId?: string; message: string } } }[];
    try {
      answers = await Promise.all([
        fetch(`${base}/api/parking-tickets/${encodeURIComponent(PLATE)}/holder`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person }) }),
        fetch(`${base}/api/forms/dog-tax-registration/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ holder }) }),
      ].map(async (p) => { const res = await p; return { status: res.status, json: await res.json() }; }));
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // The errors did carry the values (or the search below proves nothing).
    expect(findings('the database error', format(duplicate))).not.toEqual([]);
    const log = logged.join('\n');
    for (const answer of answers) {
      expect(answer.status).toBe(500);
      expect(answer.json.error.code).toBe('internal');
      expect(answer.json.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.json.error.message).toContain(answer.json.error.errorId);
      expect(log).toContain(answer.json.error.errorId);
    }
    expect(log).toContain('POST /api/parking-tickets/:plate/holder MongoServerError code=11000');
    expect(log).toContain('POST /api/forms/:formId/submissions TypeError code=ERR_PROOF_VALIDATION');
    expect(log).toMatch(/^\s+at /m); // where it broke
    expect(log).not.toContain('dog-tax-registration'); // the concrete path
    expect(findings('the logged error', log)).toEqual([]);
  });
});
