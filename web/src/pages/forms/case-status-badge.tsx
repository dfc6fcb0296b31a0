import type { TicketStatus } from '../../api-types.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useI18n } from '../../i18n.js';

/** Statuses of the Bußgeldverfahren (procedure 2), after the hearing letter. */
export const FINE_STATUSES = ['decision_pending', 'dropped', 'fine_notice_sent', 'fine_final', 'cost_notice_sent', 'cost_notice_final'] as const;
export type FineStatus = (typeof FINE_STATUSES)[number];
export type CaseStatus = TicketStatus | FineStatus;

const tone: Record<FineStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  decision_pending: 'info',
  dropped: 'success',
  fine_notice_sent: 'warning',
  fine_final: 'danger',
  cost_notice_sent: 'warning',
  cost_notice_final: 'danger',
};

export const isFineStatus = (status: string): status is FineStatus => (FINE_STATUSES as readonly string[]).includes(status);

/** The ticket's status badge, including the statuses of the Bußgeldverfahren; words first, colour only repeats them. */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  if (!isFineStatus(status)) return <StatusBadge status={status} />;
  const kind = tone[status];
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
      <span className="kern-label">{t.hearing.status[status] ?? status}</span>
    </span>
  );
}
