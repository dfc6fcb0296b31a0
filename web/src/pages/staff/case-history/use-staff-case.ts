import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../../api.js';

export interface StaffCaseDocument { id: string; kind: string; filename: string; createdAt: string; url: string }
export interface HistoryEvent {
  at: string;
  actor: string;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
  workflowId: string | null;
  runId: string | null;
}
export interface StaffCase { caseNumber: string; procedure: string; documents: StaffCaseDocument[]; history: HistoryEvent[] }

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
