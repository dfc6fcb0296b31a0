/**
 * Opening dog-tax cases, their status changes and their audit trail: keyed, so retries add
 * nothing twice. A case's `_id` is its case number; its workflow ID, a registration's tag
 * number and a resident's registrations are `_id`-keyed index documents (FerretDB v1 decodes
 * every document of the collection for any filter but `_id`).
 */
import { berlinParts } from '../../domain/berlin-time';
import { appendAuditEvent } from '../audit';
import { claimSerialNumber } from '../serial-numbers';
import { lookUpKey, putLookupKey } from '../lookup-keys';
import { appendToCaseList, caseList } from '../case-lists';
import type { ReadModel } from '../models';
import { listIn, numberedEntry, listKeys, moveBetween, pageOfLists, type ListEntry, type ListPage, type ListPageQuery } from '../staff-lists';
import type { DogTaxProcedure, DogTaxStatus, FormRef } from '../../workflows/dog-tax/shared';
import { openField, sealField } from '../sealed-box';
import { racingUpsert } from '../racing-upsert';

/** The submission (names, birth dates, addresses, IBANs) is sealed at rest, bound to its case (store/sealed-box.ts). */
const submissionContext = (caseNumber: string) => `dog-tax-case:${caseNumber}:submission`;
const withOpenSubmission = <T extends { _id: unknown; submission?: unknown } | null>(conn: object, c: T): T =>
  (c && c.submission !== undefined ? { ...c, submission: openField(conn, c.submission, submissionContext(String(c._id))) } : c);

export interface Traced { workflowId: string; runId: string }
export const CASE_TYPE = 'dog-tax';

/** "HST-2026-000123": one sequence per year for all three procedures. */
export async function openCase(model: ReadModel, args: Traced & { procedure: DogTaxProcedure; input: FormRef & { submission: object } }): Promise<{ caseNumber: string }> {
  const { workflowId, runId, procedure, input } = args;
  let caseNumber = await lookUpKey(model.dogTaxCases.db, 'dog-tax-case-of-workflow', workflowId);
  if (!caseNumber) {
    const year = berlinParts(new Date()).year;
    const serial = await claimSerialNumber(model, `dog-tax-case-${year}`, workflowId);
    caseNumber = `HST-${year}-${String(serial).padStart(6, '0')}`;
    await racingUpsert(model.dogTaxCases, { _id: caseNumber }, { $setOnInsert: {
      workflowId, caseNumber, procedure, status: 'received', formId: input.formId, formVersion: input.formVersion, submission: sealField(model.dogTaxCases.db, input.submission, submissionContext(caseNumber)),
    } });
    await putLookupKey(model.dogTaxCases.db, 'dog-tax-case-of-workflow', workflowId, caseNumber);
  }
  // The staff's Hundesteuer lists, newest number first (again on a retry: no change).
  const stored = await model.dogTaxCases.findById(caseNumber, { procedure: 1, status: 1 }).lean<{ procedure: string; status: string }>();
  if (stored) await listIn(model.dogTaxCases.db, [listKeys.dogTax(), listKeys.dogTaxOfKind(stored.procedure), ...statusKeys(stored)], numberedEntry(caseNumber));
  await appendAuditEvent(model, { key: `${workflowId}:case.received`, actor: 'citizen', action: `dog-tax.${procedure.replace(/^dog-tax-/, '')}-received`, caseType: CASE_TYPE,
    caseNumber, workflowId, runId, details: { formId: input.formId, formVersion: input.formVersion } });
  return { caseNumber };
}

export async function caseOf(model: ReadModel, caseNumber: string) {
  const found = await model.dogTaxCases.findById(caseNumber).lean();
  if (!found) throw new Error(`dog-tax case ${caseNumber} not found in the read model`);
  return withOpenSubmission(model.dogTaxCases.db, found);
}

const statusKeys = (c: { procedure: string; status: string }) => [listKeys.dogTaxWithStatus(c.status), listKeys.dogTaxOfKindWithStatus(c.procedure, c.status)];

/** Sets fields of a case (its outcome, settlement, notice document, a registration's exemption); a new status moves it between the staff's status lists. */
export async function updateDogTaxCase(model: ReadModel, caseNumber: string, set: Record<string, unknown>): Promise<void> {
  const status = typeof set.status === 'string' ? set.status : undefined;
  const before = status ? await model.dogTaxCases.findById(caseNumber, { procedure: 1, status: 1 }).lean<{ procedure: string; status: string }>() : null;
  await model.dogTaxCases.updateOne({ _id: caseNumber }, { $set: set });
  if (status && before) await moveBetween(model.dogTaxCases.db, statusKeys(before), statusKeys({ ...before, status }), numberedEntry(caseNumber));
}

export type StoredDogTaxCase = NonNullable<Awaited<ReturnType<typeof caseOf>>>;

/** Cases newest first, of one status and/or procedure, a page at a time (store/staff-lists.ts: `_id` reads only). */
export async function dogTaxCasePage(model: ReadModel, filter: ListPageQuery & { status?: string; procedure?: string }): Promise<ListPage<StoredDogTaxCase>> {
  const { status, procedure } = filter;
  const key = status && procedure ? listKeys.dogTaxOfKindWithStatus(procedure, status)
    : status ? listKeys.dogTaxWithStatus(status) : procedure ? listKeys.dogTaxOfKind(procedure) : listKeys.dogTax();
  return pageOfLists<StoredDogTaxCase>(model.dogTaxCases.db, [key], filter,
    (ids) => Promise.all(ids.map(async (id) => withOpenSubmission(model.dogTaxCases.db, await model.dogTaxCases.findById(id).lean() as StoredDogTaxCase | null))),
    (c) => (!status || c.status === status) && (!procedure || c.procedure === procedure));
}

/** Builds the staff's Hundesteuer lists from the stored cases (once, for data written before them; a scan). */
export async function dogTaxListsFromScratch(model: ReadModel, putMany: (key: string, entries: ListEntry[]) => Promise<void>): Promise<void> {
  const byKey = new Map<string, ListEntry[]>();
  for await (const c of model.dogTaxCases.find({}, { procedure: 1, status: 1 }).lean().cursor() as AsyncIterable<{ _id: string; procedure: string; status: string }>) {
    for (const key of [listKeys.dogTax(), listKeys.dogTaxOfKind(c.procedure), ...statusKeys(c)]) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(numberedEntry(c._id));
  }
  for (const [key, entries] of byKey) await putMany(key, entries);
}

/** A registration's tag and assessment; the tag then finds the registration (registrationFor). */
export async function recordRegistrationTag(model: ReadModel, caseNumber: string, set: { tagNumber: string } & Record<string, unknown>): Promise<void> {
  await updateDogTaxCase(model, caseNumber, set);
  await putLookupKey(model.dogTaxCases.db, 'dog-tax-registration-of-tag', set.tagNumber, caseNumber);
}

/** The resident a registration's holder was matched to; listed under the resident for the household count. */
export async function recordResidentOfCase(model: ReadModel, caseNumber: string, residentId: string): Promise<void> {
  await updateDogTaxCase(model, caseNumber, { residentId });
  await appendToCaseList(model.dogTaxCases.db, 'dogs-of-resident', residentId, caseNumber);
}

/** How many other dogs the resident has registered now (Hagen taxes each dog at the household's rate). */
export async function registeredDogsOfResident(model: ReadModel, residentId: string, exceptCaseNumber: string): Promise<number> {
  const caseNumbers = (await caseList(model.dogTaxCases.db, 'dogs-of-resident', residentId)).filter((c) => c !== exceptCaseNumber);
  const cases = await Promise.all(caseNumbers.map((c) => model.dogTaxCases.findById(c, { procedure: 1, status: 1, residentId: 1 }).lean()));
  return cases.filter((c) => c?.procedure === 'dog-tax-registration' && c.status === 'registered' && c.residentId === residentId).length;
}

export async function setStatus(model: ReadModel, args: Traced & {
  caseNumber: string; status: DogTaxStatus; action: string; actor: string; details: Record<string, unknown>; auditKey?: string;
}): Promise<void> {
  await updateDogTaxCase(model, args.caseNumber, { status: args.status });
  await appendAuditEvent(model, { key: `${args.workflowId}:${args.auditKey ?? args.action}`, actor: args.actor, action: args.action,
    caseType: CASE_TYPE, caseNumber: args.caseNumber, workflowId: args.workflowId, runId: args.runId, details: args.details });
}

/** The registration a later form refers to: tag number plus the holder's name and birth date, so a guessed tag finds nothing. */
export async function registrationFor(model: ReadModel, submission: { tagNumber: string; holder: { familyName: string; birthDate: string } }) {
  const caseNumber = await lookUpKey(model.dogTaxCases.db, 'dog-tax-registration-of-tag', submission.tagNumber);
  const registration = caseNumber ? withOpenSubmission(model.dogTaxCases.db, await model.dogTaxCases.findById(caseNumber).lean()) : null;
  if (registration?.procedure !== 'dog-tax-registration' || registration.tagNumber !== submission.tagNumber) return null;
  const holder = (registration?.submission as { holder?: { familyName?: string; birthDate?: string } } | undefined)?.holder;
  const same = (a?: string, b?: string) => (a ?? '').normalize('NFC').trim().toLocaleLowerCase('de-DE') === b?.normalize('NFC').trim().toLocaleLowerCase('de-DE');
  if (!same(holder?.familyName, submission.holder.familyName) || holder?.birthDate !== submission.holder.birthDate) return null;
  return registration;
}

/** What a status page needs to know of a case before it checks the token. */
export async function findCaseRecord(model: ReadModel, caseNumber: string) {
  return model.dogTaxCases.findById(caseNumber, { caseNumber: 1, workflowId: 1, formId: 1, formVersion: 1, status: 1, createdAt: 1, updatedAt: 1 })
    .lean<{ caseNumber: string; workflowId: string; formId: string; formVersion: number; status: string; createdAt: Date; updatedAt?: Date }>();
}

/** The case a workflow opened (null: not yet). */
export async function findCaseOfWorkflow(model: ReadModel, workflowId: string) {
  const caseNumber = await lookUpKey(model.dogTaxCases.db, 'dog-tax-case-of-workflow', workflowId);
  if (!caseNumber) return null;
  return withOpenSubmission(model.dogTaxCases.db, await model.dogTaxCases.findById(caseNumber, { caseNumber: 1, workflowId: 1, formId: 1, formVersion: 1, submission: 1 })
    .lean<{ _id: string; caseNumber: string; workflowId: string; formId: string; formVersion: number; submission: unknown }>());
}

export async function dogTaxCaseExists(model: ReadModel, caseNumber: string): Promise<boolean> {
  return (await model.dogTaxCases.exists({ _id: caseNumber })) !== null;
}
