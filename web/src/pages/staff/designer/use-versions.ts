import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api.js';
import type { Answer, FormVersionMeta } from '../../../api/types.js';

export type VersionsState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: FormVersionMeta[] };

/** GET /api/forms/:formId/versions (newest first). */
export function useVersions(formId: string): [VersionsState, () => Promise<void>] {
  const [state, setState] = useState<VersionsState>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      const { items } = await api<Answer<'/api/forms/{formId}/versions', 'get'>>(`/api/forms/${encodeURIComponent(formId)}/versions`);
      setState({ kind: 'ready', items });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [formId]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, load];
}
