/**
 * Validates a submission against exactly the form version it was rendered from. The registry
 * hands out one frozen object per (formId, version), so `validateInput` compiles that version's
 * schema once and reuses it (its cache is keyed by the schema object). A failure is the API's
 * 422 with one error per field, unknown ones (the version does not name them) included.
 */
import { notFound } from '../../server/http/app-error';
import { validateInput } from '../../server/http/validation';
import type { FormRegistry } from './form-registry';
import type { FormVersion } from './form-version';

export interface ValidSubmission<T> { data: T; form: FormVersion }

/** `version` undefined means the newest published version (API clients that render no form). */
export async function validateSubmission<T>(registry: FormRegistry, formId: string, version: number | undefined, data: unknown): Promise<ValidSubmission<T>> {
  const form = version === undefined ? await registry.latest(formId) : await registry.get(formId, version);
  if (!form) {
    throw notFound(version === undefined
      ? { de: 'Das Formular', en: 'The form' }
      : { de: `Version ${version} des Formulars`, en: `Version ${version} of the form` });
  }
  return { data: validateInput<T>(form.schema, data), form };
}
