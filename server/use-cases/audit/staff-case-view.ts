/**
 * A case as staff see it beside a decision: its documents (generated notices and the citizen's
 * evidence) and its whole history from the audit trail — who did what, when, in which
 * workflow run. Caseworkers see the cases of their departments; administrators see every case
 * (audit duty). Reading the trail never changes it.
 */
import { findDocument, listCaseDocuments } from '../../../store/documents';
import { auditTrailOf } from '../../../store/audit';
import { staffDisplayNames } from '../../../store/accounts/staff-accounts';
import { ticketExists } from '../../../store/parking-ticket/ticket-store';
import { dogTaxCaseExists } from '../../../store/dog-tax/case-store';
import type { Department } from '../../../domain/departments';
import { AppError, notFound } from '../../http/app-error';
import type { Principal } from '../../http/route';
import type { System } from '../../../system/system';

/** Which departments work a procedure's cases (the same departments get its inbox tasks). */
const DEPARTMENTS_OF: Record<string, Department[]> = {
  'parking-ticket': ['traffic', 'fine-office'],
  'dog-tax': ['tax-office'],
};

interface CaseRef { caseNumber: string; procedure: string }

async function findCase(system: System, caseNumber: string): Promise<CaseRef | null> {
  if (await ticketExists(system.model, caseNumber)) return { caseNumber, procedure: 'parking-ticket' };
  if (await dogTaxCaseExists(system.model, caseNumber)) return { caseNumber, procedure: 'dog-tax' };
  return null;
}

const noAccess = () => new AppError('forbidden', {
  de: 'Dieser Vorgang gehört nicht zu Ihren Fachbereichen.', en: 'This case does not belong to your departments.',
});

async function openCase(system: System, principal: Principal, caseNumber: string): Promise<CaseRef> {
  const found = await findCase(system, caseNumber);
  if (!found) throw notFound({ de: 'Der Vorgang', en: 'The case' });
  if (principal.roles.includes('admin')) return found;
  const departments = DEPARTMENTS_OF[found.procedure] ?? [];
  if (!departments.some((d) => principal.departments.includes(d))) throw noAccess();
  return found;
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
