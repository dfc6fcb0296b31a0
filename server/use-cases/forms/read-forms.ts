/**
 * What the portal and the designer read from the form registry. The public view leaves out who
 * published a version and the designer's note: those are staff matters, not the citizen's.
 */
import type { FormVersion, VersionMeta } from '../../../forms/registry/form-version';
import type { FormAudience } from '../../../forms/form-definition';
import { findForm } from '../../../forms/registry';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';

export type PublicForm = Pick<FormVersion, 'id' | 'version' | 'procedure' | 'action' | 'schema' | 'uiSchema' | 'texts' | 'publishedAt'> & { audience: FormAudience };

/** Versions published before forms had an audience take the built-in file's; default citizen. */
export const audienceOf = (f: FormVersion): FormAudience => f.audience ?? findForm(f.id)?.audience ?? 'citizen';

export const publicForm = (f: FormVersion): PublicForm => ({
  id: f.id, version: f.version, procedure: f.procedure, action: f.action, audience: audienceOf(f),
  schema: f.schema, uiSchema: f.uiSchema, texts: f.texts, publishedAt: f.publishedAt,
});

const formNotFound = (version?: number) => notFound(version === undefined
  ? { de: 'Das Formular', en: 'The form' }
  : { de: `Version ${version} des Formulars`, en: `Version ${version} of the form` });

/** The newest version of every form, for the services overview and the designer's list. */
export async function listPublishedForms(system: System, filter: { audience?: FormAudience } = {}) {
  const forms = (await system.forms.list()).filter(({ latest }) => !filter.audience || audienceOf(latest) === filter.audience);
  return {
    items: forms.map(({ latest, versionCount }) => ({
      id: latest.id, version: latest.version, versionCount, procedure: latest.procedure, action: latest.action, audience: audienceOf(latest),
      publishedAt: latest.publishedAt,
      title: { de: latest.texts.de.title, en: latest.texts.en.title },
      description: { de: latest.texts.de.description ?? '', en: latest.texts.en.description ?? '' },
    })),
  };
}

/** One version, or the newest when `version` is undefined (what the portal renders). */
export async function getPublishedForm(system: System, formId: string, version?: number): Promise<PublicForm> {
  const form = version === undefined ? await system.forms.latest(formId) : await system.forms.get(formId, version);
  if (!form) throw formNotFound(version);
  return publicForm(form);
}

export async function listFormVersions(system: System, formId: string): Promise<{ formId: string; items: VersionMeta[] }> {
  const items = await system.forms.versions(formId);
  if (items.length === 0) throw formNotFound();
  return { formId, items };
}

/** A version number from a path: anything else is no version, so 404. */
export function versionParam(raw: string | undefined): number {
  if (!raw || !/^[1-9][0-9]{0,8}$/.test(raw)) throw formNotFound();
  return Number(raw);
}
