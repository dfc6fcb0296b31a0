import { useEffect, useState } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import type { Draft, FormDefinition } from '../../../api/types.js';

type Data = Record<string, unknown>;
export type ResumedDraft = { draftId: string; token: string; form: FormDefinition; data: Data; expiresAt: string };
export type ResumeState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'ready'; draft: ResumedDraft }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string };

/** `?draft=<id>&token=<token>` of the resume link in the e-mail, read once when the page opens. */
function linkParams(): { draftId: string; token: string } | undefined {
  const params = new URLSearchParams(window.location.search);
  const draftId = params.get('draft');
  const token = params.get('token');
  return draftId && token ? { draftId, token } : undefined;
}

/**
 * Loads the draft of a resume link with the form version it was saved from: a draft saved
 * before a new version was published is still rendered (and submitted) as it was filled in.
 */
export function useResumedDraft(formId: string): ResumeState {
  const [state, setState] = useState<ResumeState>(() => (linkParams() ? { kind: 'loading' } : { kind: 'none' }));
  useEffect(() => {
    const link = linkParams();
    if (!link) return;
    const controller = new AbortController();
    const base = `/api/forms/${encodeURIComponent(formId)}`;
    void (async () => {
      try {
        const draft = await api<Draft>(`${base}/drafts/${encodeURIComponent(link.draftId)}?token=${encodeURIComponent(link.token)}`, { signal: controller.signal });
        const form = await api<FormDefinition>(`${base}/versions/${draft.formVersion}`, { signal: controller.signal });
        setState({ kind: 'ready', draft: { ...link, form, data: draft.data, expiresAt: draft.expiresAt } });
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        setState(e instanceof ApiError && e.status === 404 ? { kind: 'missing' } : { kind: 'failed', message: messageOf(e) });
      }
    })();
    return () => controller.abort();
  }, [formId]);
  return state;
}

/** After the form was submitted the draft is no longer needed: delete it (best effort; it expires anyway). */
export async function deleteSubmittedDraft(formId: string, draft: ResumedDraft): Promise<void> {
  const path = `/api/forms/${encodeURIComponent(formId)}/drafts/${encodeURIComponent(draft.draftId)}?token=${encodeURIComponent(draft.token)}&reason=submitted`;
  await api<void>(path, { method: 'DELETE' }).catch(() => undefined);
}
