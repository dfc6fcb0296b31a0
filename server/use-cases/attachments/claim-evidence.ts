/**
 * The attachments a submission names in `evidenceIds` must exist and belong to no other case.
 * Before the workflow starts they are claimed for its workflow ID (insert against a unique id:
 * two concurrent submissions cannot both take one); after the case opened, the case number is
 * recorded on them so the status page lists them. A repeated submit with the same key claims
 * again for the same workflow ID, which is a no-op.
 */
import { validationFailed } from '../../http/validation';
import type { System } from '../../../system/system';

const unusable = () => validationFailed([{ field: 'evidenceIds', message: {
  de: 'Ein Nachweis ist unbekannt, abgelaufen oder gehört zu einem anderen Antrag. Bitte laden Sie ihn erneut hoch.',
  en: 'A piece of evidence is unknown, expired or belongs to another application. Please upload it again.',
} }]);

export function evidenceIdsOf(data: Record<string, unknown>): string[] {
  return Array.isArray(data.evidenceIds) ? data.evidenceIds.filter((id): id is string => typeof id === 'string') : [];
}

/** Checks and claims every id for `workflowId`; 422 `evidenceIds` if one is unknown or taken. */
export async function claimEvidence(system: System, ids: string[], workflowId: string): Promise<void> {
  const infos = await Promise.all(ids.map((id) => system.attachments.info(id)));
  if (infos.some((info) => !info)) throw unusable();
  for (const id of ids) {
    if ((await system.attachments.claim(id, workflowId)) !== workflowId) throw unusable();
  }
}

export async function linkEvidence(system: System, ids: string[], caseNumber: string): Promise<void> {
  await Promise.all(ids.map((id) => system.attachments.link(id, caseNumber)));
}
