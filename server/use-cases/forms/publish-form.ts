/**
 * Publishing and restoring: each makes a new immutable version, the newest, which the portal
 * serves from then on. Cases already started keep the version they were validated against.
 */
import { FormRejected, type FormVersion } from '../../../forms/registry/form-version';
import { validationFailed } from '../../http/validation';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { appendAuditEvent } from '../../../store/audit';
import { resolveDraft, type FormDraftInput } from './check-form-draft';

async function rejectedAs422<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FormRejected) throw validationFailed(error.problems);
    throw error;
  }
}

export async function publishForm(system: System, formId: string, input: FormDraftInput, by: string): Promise<FormVersion> {
  const draft = resolveDraft(input, await system.forms.latest(formId));
  const published = await rejectedAs422(() => system.forms.publish(formId, draft, { by, ...(input.note ? { note: input.note } : {}) }));
  await auditFormVersion(system, published, 'form.published', by);
  return published;
}

export async function restoreFormVersion(system: System, formId: string, version: number, options: { by: string; note?: string }): Promise<FormVersion> {
  const restored = await rejectedAs422(() => system.forms.restore(formId, version, options));
  if (!restored) throw notFound({ de: `Version ${version} des Formulars`, en: `Version ${version} of the form` });
  await auditFormVersion(system, restored, 'form.restored', options.by, { restoredFrom: version });
  return restored;
}

/** A designer's publication is a staff action: the form's own history lists it (case = the form id). */
async function auditFormVersion(system: System, v: FormVersion, action: string, by: string, details: Record<string, unknown> = {}): Promise<void> {
  await appendAuditEvent(system.model, {
    key: `${action}:${v.id}:${v.version}`, actor: by, action, caseType: 'form', caseNumber: v.id,
    details: { version: v.version, ...(v.note ? { note: v.note } : {}), ...details },
  });
}
