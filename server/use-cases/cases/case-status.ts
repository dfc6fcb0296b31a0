/**
 * The citizen's status page of a case: what was applied for (the title of the form version the
 * case was started with), where it stands, every step so far and the documents to download.
 * Built from the read model and the audit trail; only for the holder of the status token.
 */
import { findForm } from '../../../forms/registry';
import { findDocument, listCaseDocuments } from '../../../store/documents';
import { auditTrailOf } from '../../../store/audit';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import type { CaseRecord } from './case-access';
import { actionText, documentTitle, statusText } from './case-texts';

export async function caseStatusView(system: System, c: CaseRecord) {
  const form = (await system.forms.get(c.formId, c.formVersion)) ?? findForm(c.formId);
  // Inbox work (task opened, claimed, escalated …) is the city's internal step, not the citizen's.
  const audit = (await auditTrailOf(system.model, c.caseNumber))
    .filter((a) => !a.action.startsWith('task.'));
  const docs = await listCaseDocuments(system.model, c.caseNumber);
  // Evidence the citizen attached is listed with the case's own documents, downloadable the same way.
  const attachments = await system.attachments.listForCase(c.caseNumber);
  const base = `/api/cases/${encodeURIComponent(c.caseNumber)}/documents`;
  return {
    caseNumber: c.caseNumber,
    procedure: form?.procedure ?? c.formId,
    formId: c.formId,
    formVersion: c.formVersion,
    title: { de: form?.texts.de.title ?? c.formId, en: form?.texts.en.title ?? c.formId },
    status: c.status,
    statusText: statusText(c.status),
    receivedAt: new Date(c.createdAt).toISOString(),
    steps: audit.map((a) => ({ at: a.at.toISOString(), action: a.action, text: actionText(a.action) })),
    documents: docs.map((d) => ({
      id: d.id, kind: d.kind, title: documentTitle(d.kind),
      url: `${base}/${encodeURIComponent(d.id)}`,
    })).concat(attachments.map((a) => ({
      id: a.id, kind: 'attachment', title: { de: `Nachweis: ${a.filename}`, en: `Evidence: ${a.filename}` },
      url: `${base}/${encodeURIComponent(a.id)}`,
    }))),
  };
}

export async function caseDocument(system: System, c: CaseRecord, documentId: string) {
  const doc = await findDocument(system.model, documentId);
  if (doc?.caseNumber === c.caseNumber) return { contentType: doc.contentType, filename: doc.filename, data: doc.data, inline: true };
  // A citizen's upload is always a download (never rendered in our origin), typed as detected.
  const attachment = doc ? null : await system.attachments.read(documentId);
  if (attachment?.info.linkedCase === c.caseNumber) {
    return { contentType: attachment.info.contentType, filename: attachment.info.filename, data: attachment.data, inline: false };
  }
  // A document of another case is as unknown as no document.
  throw notFound({ de: 'Das Dokument', en: 'The document' });
}
