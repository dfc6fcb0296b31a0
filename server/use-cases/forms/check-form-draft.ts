/**
 * The designer's "check" before publishing: the problems that would refuse the draft
 * (meta-schema, the procedure's input contract, texts) and the changes against the newest
 * published version. Publishes nothing.
 */
import { checkFormDefinition, diffForms } from '../../../forms/contracts';
import { formIdProblems, type FormContent, type FormProblem, type FormVersion } from '../../../forms/registry/form-version';
import type { FieldError, Lang } from '../../http/app-error';
import type { System } from '../../../system/system';

/** A draft as it arrives; procedure and action default to the published form's (they may not change). */
export type FormDraftInput = Partial<FormContent> & Pick<FormContent, 'schema' | 'uiSchema' | 'texts'> & { note?: string };

export function resolveDraft(draft: FormDraftInput, latest: FormVersion | undefined): FormContent {
  return {
    procedure: draft.procedure ?? latest?.procedure ?? '',
    action: draft.action ?? latest?.action ?? { kind: 'start', name: '' },
    schema: draft.schema, uiSchema: draft.uiSchema, texts: draft.texts,
    // Like procedure and action, a draft keeps the form's audience unless it names one.
    ...(draft.audience ?? latest?.audience ? { audience: draft.audience ?? latest?.audience } : {}),
  };
}

export const localized = (problems: FormProblem[] | FieldError[], lang: Lang) => problems.map((p) => ({ field: p.field, message: p.message[lang] }));

export async function checkFormDraft(system: System, formId: string, input: FormDraftInput, lang: Lang) {
  const latest = await system.forms.latest(formId);
  const draft = resolveDraft(input, latest);
  const problems = [...(latest ? [] : formIdProblems(formId)), ...checkFormDefinition(draft, latest)];
  const diff = latest ? diffForms(latest, draft) : [];
  return {
    formId,
    publishable: problems.length === 0,
    problems: localized(problems, lang),
    against: latest?.version ?? null,
    diff: diff.map((c) => ({ path: c.path, kind: c.kind, message: c.message[lang] })),
  };
}
