/**
 * A citizen submits a form: validated against exactly the version the portal rendered, then
 * the form's workflow is started by update-with-start of `caseOpened`, which answers the case
 * number at once. The workflow ID comes from the hashed Idempotency-Key: the same key reaches
 * the same case (also after its workflow ended: then the read model answers); the same key
 * with other data is refused (409).
 */
import { createHash } from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { validateSubmission } from '../../../forms/registry/validate-submission';
import { deriveStatusToken, statusUrl } from '../../../domain/cases/status-link';
import { AppError } from '../../http/app-error';
import type { System } from '../../../system/system';
import { audienceOf } from '../forms/read-forms';
import { claimEvidence, evidenceIdsOf, linkEvidence } from '../attachments/claim-evidence';
import { startTable, type OpenedCase, type StartEntry } from './start-table';
import { withDeadline } from '../../../temporal/deadline';
import { updateIdFor } from '../../../temporal/update-id';
import { caseAttributes } from '../../../workflows/search-attributes';
import { canonicalJson } from '../../../domain/canonical-json';

export interface SubmissionAccepted { caseNumber: string; formId: string; formVersion: number; statusUrl: string; statusToken: string }

const notSubmittable = () => new AppError('not_found', {
  de: 'Dieses Formular kann hier nicht eingereicht werden.', en: 'This form cannot be submitted here.',
});
const keyReused = () => new AppError('idempotency_key_reused', {
  de: 'Dieser Idempotency-Key wurde bereits für einen anderen Antrag verwendet.',
  en: 'This Idempotency-Key was already used for a different submission.',
});


function accepted(system: System, opened: OpenedCase, submitted: unknown): SubmissionAccepted {
  // Key order does not make other data: compare submissions as canonical JSON.
  if (canonicalJson(opened.submission) !== canonicalJson(submitted)) throw keyReused();
  const statusToken = deriveStatusToken(system.secrets.caseStatus, opened.workflowId);
  return {
    caseNumber: opened.caseNumber, formId: opened.formId, formVersion: opened.formVersion,
    statusUrl: statusUrl(system.config.publicBaseUrl, opened.caseNumber, statusToken), statusToken,
  };
}

/** `idempotencyKey` is read after the body is validated, so a bad form answers its fields first (like parking tickets). */
export async function submitForm(system: System, args: { formId: string; formVersion: number | undefined; body: unknown; idempotencyKey: () => string }): Promise<SubmissionAccepted> {
  const rendered = args.formVersion === undefined ? await system.forms.latest(args.formId) : await system.forms.get(args.formId, args.formVersion);
  const entry: StartEntry | undefined = rendered?.action.kind === 'start' ? startTable[rendered.action.name] : undefined;
  if (rendered && (!entry || audienceOf(rendered) !== 'citizen')) throw notSubmittable();
  const { data, form } = await validateSubmission<Record<string, unknown>>(system.forms, args.formId, args.formVersion, args.body);
  const workflowId = entry!.workflowId(createHash('sha256').update(args.idempotencyKey()).digest('hex').slice(0, 32));

  // Attachments named in evidenceIds are claimed for this workflow before it starts, and
  // linked to its case number once the case is open (server/use-cases/attachments).
  const evidence = evidenceIdsOf(data);
  const settled = async (opened: OpenedCase) => {
    const answer = accepted(system, opened, data);
    await claimEvidence(system, evidence, workflowId);
    await linkEvidence(system, evidence, opened.caseNumber);
    return answer;
  };
  const known = await entry!.findCase(system, workflowId);
  if (known) return settled(known);
  await claimEvidence(system, evidence, workflowId);
  // A start operation can be executed once: a call made again (Temporal busy with a burst of this key) gets a new one.
  const startWorkflowOperation = () => new WithStartWorkflowOperation(form.action.name, {
    workflowId, taskQueue: system.config.temporal.taskQueue,
    args: [{ formId: form.id, formVersion: form.version, submission: data }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    // A finished case is answered from the read model, never started again.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: caseAttributes(entry!.procedure),
  });
  // The same request again is the same Update. `caseOpened` only answers the case number: the
  // key reused with other data is refused below, from what the case holds (409).
  const updateId = updateIdFor(args.idempotencyKey(), 'case-opened', form.id)!;
  try {
    await withDeadline(system.temporal, () => system.temporal.workflow.executeUpdateWithStart(entry!.caseOpened, { updateId, startWorkflowOperation: startWorkflowOperation() }));
  } catch (error) {
    // The workflow ended between our look-up and the start: its case is in the read model.
    const opened = await entry!.findCase(system, workflowId);
    if (!opened) throw error;
    return settled(opened);
  }
  // A concurrent submit with the same key may have started it with other data: compare what the case holds.
  const opened = await entry!.findCase(system, workflowId);
  if (!opened) throw new Error(`case of ${workflowId} opened but not in the read model`);
  return settled(opened);
}
