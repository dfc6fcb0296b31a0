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

/**
 * `#entwurf=<id>.<token>` of the resume link in the e-mail: the fragment never reaches a server
 * (no access log, no Referer). An older link with `?draft=&token=` is moved into the fragment.
 */
function linkParams(): { draftId: string; token: string } | undefined {
  const hash = /^#entwurf=([^.]+)\.(.+)$/.exec(window.location.hash);
  if (hash) return { draftId: decodeURIComponent(hash[1]!), token: hash[2]! };
  const params = new URLSearchParams(window.location.search);
  const draftId = params.get('draft');
  const token = params.get('token');
  if (!draftId || !token) return undefined;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}#entwurf=${encodeURIComponent(draftId)}.${token}`);
  return { draftId, token };
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
        const draft = await api<Draft>(`${base}/drafts/${encodeURIComponent(link.draftId)}/open`, { method: 'POST', body: { token: link.token }, signal: controller.signal });
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

/** The citizen discards the saved draft: it is deleted and its e-mailed link stops working. */
export async function discardDraft(formId: string, draft: ResumedDraft): Promise<void> {
  const path = `/api/forms/${encodeURIComponent(formId)}/drafts/${encodeURIComponent(draft.draftId)}/delete`;
  await api<void>(path, { method: 'POST', body: { token: draft.token, reason: 'discarded' } });
  window.history.replaceState(window.history.state, '', window.location.pathname);
}

/** After the form was submitted the draft is no longer needed: delete it (best effort; it expires anyway). */
export async function deleteSubmittedDraft(formId: string, draft: ResumedDraft): Promise<void> {
  const path = `/api/forms/${encodeURIComponent(formId)}/drafts/${encodeURIComponent(draft.draftId)}/delete`;
  await api<void>(path, { method: 'POST', body: { token: draft.token, reason: 'submitted' } }).catch(() => undefined);
  // The link is dead now: out of the address bar, so a reload does not announce a missing draft.
  window.history.replaceState(window.history.state, '', window.location.pathname);
}
