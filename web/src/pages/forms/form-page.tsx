import { useState } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import { Alert } from '../../components/alert.js';
import { formatDateTime } from '../../format.js';
import type { FormDefinition, SubmissionAccepted } from '../../api/types.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { hasEmail } from '../../rjsf/prune-data.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useFormDefinition } from '../staff/use-form-definition.js';
import { SubmissionConfirmation } from './submission-confirmation.js';
import { FormWizard } from './wizard/form-wizard.js';
import { SaveDraft } from './drafts/save-draft.js';
import { deleteSubmittedDraft, discardDraft, useResumedDraft, type ResumedDraft } from './drafts/use-resumed-draft.js';

type Data = Record<string, unknown>;

/**
 * /formulare/:formId – a citizen fills in the newest published version of a form, or, opened
 * from a resume link (`#entwurf=<id>.<token>`), the saved draft in the version it was saved from.
 */
export function FormPage({ formId }: { formId: string }) {
  const { t, lang } = useI18n();
  const [definition, reload] = useFormDefinition(formId);
  const resume = useResumedDraft(formId);
  const [accepted, setAccepted] = useState<{ result: SubmissionAccepted; emailed: boolean }>();
  const draft = resume.kind === 'ready' ? resume.draft : undefined;
  const form = resume.kind === 'loading' ? undefined : (draft?.form ?? (definition.kind === 'ready' ? definition.form : undefined));
  const texts = form ? (form.texts[lang] ?? form.texts.de) : undefined;
  usePageTitle(accepted ? t.wizard.doneTitle : (texts?.title ?? t.site.loading));

  return (
    <>
      <h1 className="kern-heading-x-large">{texts?.title ?? t.services.title}</h1>
      {definition.kind === 'loading' || resume.kind === 'loading' ? <Loading /> : null}
      {draft && !accepted ? <LoadedDraft formId={formId} draft={draft} /> : null}
      {resume.kind === 'missing' ? <Alert type="warning" title={t.drafts.notFound} live="status" /> : null}
      {resume.kind === 'failed' ? <Alert type="danger" title={resume.message} live="alert" /> : null}
      {definition.kind === 'failed' ? <ErrorState message={definition.message} onRetry={reload} /> : null}
      {form && texts && !accepted ? (
        <>
          {texts.description ? <p className="kern-body">{texts.description}</p> : null}
          <Submitter form={form} draft={draft} onAccepted={(result, emailed) => setAccepted({ result, emailed })} />
        </>
      ) : null}
      {accepted ? <SubmissionConfirmation result={accepted.result} emailed={accepted.emailed} /> : null}
    </>
  );
}

/** The resumed draft: until when it is kept, and a way to delete it now (its link then stops working). */
function LoadedDraft({ formId, draft }: { formId: string; draft: ResumedDraft }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<'kept' | 'busy' | 'discarded' | { error: string }>('kept');
  async function discard() {
    setState('busy');
    try {
      await discardDraft(formId, draft);
      setState('discarded');
    } catch (e) {
      setState({ error: messageOf(e) });
    }
  }
  if (state === 'discarded') return <Alert type="info" title={t.drafts.discarded} live="status" />;
  return (
    <Alert type="success" title={t.drafts.loaded} live="status">
      <p className="kern-body">{t.drafts.loadedUntil(formatDateTime(draft.expiresAt, lang))}</p>
      <p className="kern-body">
        <button type="button" className="kern-btn kern-btn--tertiary" disabled={state === 'busy'} onClick={() => void discard()}>
          <span className="kern-label">{t.drafts.discard}</span>
        </button>
      </p>
      {typeof state === 'object' ? <p className="kern-body" role="alert">{state.error}</p> : null}
    </Alert>
  );
}

type SubmitterProps = { form: FormDefinition; draft?: ResumedDraft; onAccepted: (result: SubmissionAccepted, emailed: boolean) => void };

function Submitter({ form, draft, onAccepted }: SubmitterProps) {
  // One Idempotency-Key per filled-in form: a retry after a lost answer reuses it, so the city
  // gets one case; changed answers are a new request with a new key (as on the warden's page).
  const idempotency = useIdempotencyKey();

  async function submit(data: Data) {
    const key = idempotency.keyFor(data);
    try {
      const result = await api<SubmissionAccepted>(`/api/forms/${encodeURIComponent(form.id)}/submissions`, {
        method: 'POST',
        body: data,
        headers: { 'Idempotency-Key': key, 'Form-Version': String(form.version) },
      });
      // Submitted: the saved draft has done its job (simple and explicit, not left to expire).
      if (draft) await deleteSubmittedDraft(form.id, draft);
      onAccepted(result, hasEmail(data, form.schema));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) idempotency.forget();
      throw e;
    }
  }

  return <FormWizard form={form} onSubmit={submit} initialData={draft?.data} footer={(data) => <SaveDraft form={form} data={data} />} />;
}
