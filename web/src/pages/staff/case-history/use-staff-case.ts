import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api.js';
import type { StaffCase } from '../../../api/types.js';

export type StaffCaseState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; value: StaffCase };

/** GET /api/staff/cases/:caseNumber — documents and audit trail of one case. */
export function useStaffCase(caseNumber: string): [StaffCaseState, () => Promise<void>] {
  const [state, setState] = useState<StaffCaseState>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', value: await api<StaffCase>(`/api/staff/cases/${encodeURIComponent(caseNumber)}`) });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [caseNumber]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, load];
}
