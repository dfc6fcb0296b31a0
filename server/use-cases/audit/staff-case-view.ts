/**
 * A case as staff see it beside a decision: its documents (generated notices and the citizen's
 * evidence) and its whole history from the audit trail — who did what, when, in which
 * workflow run. Caseworkers see the cases of their departments; administrators see every case
 * (audit duty). Reading the trail never changes it.
 */
import { findDocument, listCaseDocuments } from '../../../store/documents';
import { auditTrailOf } from '../../../store/audit';
import { staffDisplayNames } from '../../../store/accounts/staff-accounts';
import { departmentsOf } from '../../../domain/departments';
import { notFound } from '../../http/app-error';
import { notYourDepartment } from '../../http/case-scope';
import { procedureOfCase } from '../cases/case-procedure';
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';

interface CaseRef { caseNumber: string; procedure: string }

/**
 * The case, once server/app.ts has checked the caller's departments against its procedure
 * (the route's `case` scope, server/http/case-scope.ts); checked again here, so the use case
 * is safe on its own.
 */
async function openCase(system: System, principal: Principal, caseNumber: string): Promise<CaseRef> {
  const procedure = await procedureOfCase(system, caseNumber);
  if (!procedure) throw notFound({ de: 'Der Vorgang', en: 'The case' });
  if (!principal.roles.includes('admin') && !departmentsOf(procedure).some((d) => principal.departments.includes(d))) throw notYourDepartment();
  return { caseNumber, procedure };
}

export async function staffCaseView(system: System, principal: Principal, caseNumber: string) {
  const found = await openCase(system, principal, caseNumber);
  // FerretDB scans for these filters; a case has tens of events, the collections grow with cases.
  const [events, docs, attachments] = await Promise.all([
    auditTrailOf(system.model, caseNumber),
    listCaseDocuments(system.model, caseNumber),
    system.attachments.listForCase(caseNumber),
  ]);
  const names = await actorNames(system, events.map((e) => e.actor));
  const base = `/api/staff/cases/${encodeURIComponent(caseNumber)}/documents`;
  return {
    caseNumber,
    procedure: found.procedure,
    documents: [
      ...docs.map((d) => ({ id: d.id, kind: d.kind, filename: d.filename, createdAt: d.createdAt.toISOString(), url: `${base}/${encodeURIComponent(d.id)}` })),
      ...attachments.map((a) => ({ id: a.id, kind: 'attachment', filename: a.filename, createdAt: new Date(a.createdAt).toISOString(), url: `${base}/${encodeURIComponent(a.id)}` })),
    ],
    history: events.map((e) => ({
      at: e.at.toISOString(),
      actor: e.actor,
      actorName: names.get(e.actor) ?? null,
      action: e.action,
      details: (e.details ?? {}) as Record<string, unknown>,
      workflowId: e.workflowId ?? null,
      runId: e.runId ?? null,
    })),
  };
}

/** Display names of the staff accounts among the actors ('system' and 'citizen' stay as they are). */
async function actorNames(system: System, actors: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors)].filter((a) => a !== 'system' && a !== 'citizen' && !a.startsWith('citizen:'));
  return staffDisplayNames(system.conn, ids);
}

export async function staffCaseDocument(system: System, principal: Principal, caseNumber: string, documentId: string) {
  await openCase(system, principal, caseNumber);
  const doc = await findDocument(system.model, documentId);
  if (doc?.caseNumber === caseNumber) return { contentType: doc.contentType, filename: doc.filename, data: doc.data, inline: true };
  const attachment = doc ? null : await system.attachments.read(documentId);
  if (attachment && attachment.info.linkedCase === caseNumber) {
    return { contentType: attachment.info.contentType, filename: attachment.info.filename, data: attachment.data, inline: false };
  }
  throw notFound({ de: 'Das Dokument', en: 'The document' });
}
