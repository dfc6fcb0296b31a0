import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import type { CaseView } from '../../api/types.js';

export type CaseState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; view: CaseView; polling: boolean };

/** Statuses the workflow leaves on its own soon; the page asks again while one is shown. */
const INTERMEDIATE = ['received', 'awaiting_decision'];
const EVERY_MS = 3000;
const MAX_POLLS = 20;

/** POST /api/cases/:caseNumber/status with the token, then politely again every 3 s (at most 20 times) while the case moves. */
export function useCaseStatus(caseNumber: string, token: string): [CaseState, () => void] {
  const [state, setState] = useState<CaseState>({ kind: 'loading' });
  const polls = useRef(0);
  const url = `/api/cases/${encodeURIComponent(caseNumber)}/status`;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const view = await api<CaseView>(url, { method: 'POST', body: { token }, signal });
        setState({ kind: 'ready', view, polling: INTERMEDIATE.includes(view.status) && polls.current < MAX_POLLS });
      } catch (e) {
        if ((e as Error).name === 'AbortError') return;
        if (e instanceof ApiError && [400, 401, 403, 404].includes(e.status)) setState({ kind: 'not-found' });
        else setState({ kind: 'failed', message: messageOf(e) });
      }
    },
    [url, token],
  );

  useEffect(() => {
    const controller = new AbortController();
    polls.current = 0;
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const polling = state.kind === 'ready' && state.polling;
  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      polls.current += 1;
      void load(controller.signal);
    }, EVERY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [polling, state, load]);

  const retry = useCallback(() => {
    setState({ kind: 'loading' });
    polls.current = 0;
    void load();
  }, [load]);
  return [state, retry];
}
