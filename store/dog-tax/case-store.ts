/** Opening dog-tax cases, their status changes and their audit trail: keyed, so retries add nothing twice. */
import { berlinParts } from '../../domain/berlin-time';
import { appendAuditEvent } from '../audit';
import { claimSerialNumber } from '../serial-numbers';
import type { ReadModel } from '../models';
import type { DogTaxProcedure, DogTaxStatus, FormRef } from '../../workflows/dog-tax/shared';

export interface Traced { workflowId: string; runId: string }
export const CASE_TYPE = 'dog-tax';

/** "HST-2026-000123": one sequence per year for all three procedures. */
export async function openCase(model: ReadModel, args: Traced & { procedure: DogTaxProcedure; input: FormRef & { submission: object } }): Promise<{ caseNumber: string }> {
  const { workflowId, runId, procedure, input } = args;
  let existing = await model.dogTaxCases.findOne({ workflowId }).lean();
  if (!existing) {
    const year = berlinParts(new Date()).year;
    const serial = await claimSerialNumber(model, `dog-tax-case-${year}`, workflowId);
    const caseNumber = `HST-${year}-${String(serial).padStart(6, '0')}`;
    await model.dogTaxCases.updateOne({ workflowId }, { $setOnInsert: {
      caseNumber, procedure, status: 'received', formId: input.formId, formVersion: input.formVersion, submission: input.submission,
    } }, { upsert: true });
    existing = (await model.dogTaxCases.findOne({ workflowId }).lean())!;
  }
  await appendAuditEvent(model, { key: `${workflowId}:case.received`, actor: 'citizen', action: `dog-tax.${procedure.replace(/^dog-tax-/, '')}-received`, caseType: CASE_TYPE,
    caseNumber: existing.caseNumber, workflowId, runId, details: { formId: input.formId, formVersion: input.formVersion } });
  return { caseNumber: existing.caseNumber };
}

export async function caseOf(model: ReadModel, caseNumber: string) {
  const found = await model.dogTaxCases.findOne({ caseNumber }).lean();
  if (!found) throw new Error(`dog-tax case ${caseNumber} not found in the read model`);
  return found;
}

export async function setStatus(model: ReadModel, args: Traced & {
  caseNumber: string; status: DogTaxStatus; action: string; actor: string; details: Record<string, unknown>; auditKey?: string;
}): Promise<void> {
  await model.dogTaxCases.updateOne({ caseNumber: args.caseNumber }, { $set: { status: args.status } });
  await appendAuditEvent(model, { key: `${args.workflowId}:${args.auditKey ?? args.action}`, actor: args.actor, action: args.action,
    caseType: CASE_TYPE, caseNumber: args.caseNumber, workflowId: args.workflowId, runId: args.runId, details: args.details });
}

/** The registration a later form refers to: tag number plus the holder's name and birth date, so a guessed tag finds nothing. */
export async function registrationFor(model: ReadModel, submission: { tagNumber: string; holder: { familyName: string; birthDate: string } }) {
  const registration = await model.dogTaxCases.findOne({ procedure: 'dog-tax-registration', tagNumber: submission.tagNumber }).lean();
  const holder = (registration?.submission as { holder?: { familyName?: string; birthDate?: string } } | undefined)?.holder;
  const same = (a?: string, b?: string) => (a ?? '').normalize('NFC').trim().toLocaleLowerCase('de-DE') === b?.normalize('NFC').trim().toLocaleLowerCase('de-DE');
  if (!registration || !same(holder?.familyName, submission.holder.familyName) || holder?.birthDate !== submission.holder.birthDate) return null;
  return registration;
}

/** What a status page needs to know of a case before it checks the token. */
export async function findCaseRecord(model: ReadModel, caseNumber: string) {
  return model.dogTaxCases.findOne({ caseNumber }, { caseNumber: 1, workflowId: 1, formId: 1, formVersion: 1, status: 1, createdAt: 1 })
    .lean<{ caseNumber: string; workflowId: string; formId: string; formVersion: number; status: string; createdAt: Date }>();
}

/** The case a workflow opened (null: not yet). */
export async function findCaseOfWorkflow(model: ReadModel, workflowId: string) {
  return model.dogTaxCases.findOne({ workflowId }, { caseNumber: 1, workflowId: 1, formId: 1, formVersion: 1, submission: 1 })
    .lean<{ caseNumber: string; workflowId: string; formId: string; formVersion: number; submission: unknown }>();
}

export async function dogTaxCaseExists(model: ReadModel, caseNumber: string): Promise<boolean> {
  return (await model.dogTaxCases.findOne({ caseNumber }, { caseNumber: 1 }).lean()) !== null;
}
