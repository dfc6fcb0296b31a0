import type { TicketStatus } from '../api/types.js';
import { useI18n } from '../i18n.js';

type Tone = 'info' | 'success' | 'warning' | 'danger';

// Every status of the workflow's contract (generated API types): a new status fails the type check here.
const tone: Record<TicketStatus, Tone> = {
  registering: 'info',
  open: 'warning',
  paid: 'success',
  letter_sent: 'info',
  withdrawn: 'info',
  holder_unknown: 'info',
  decision_pending: 'info',
  dropped: 'success',
  fine_notice_sent: 'warning',
  fine_final: 'danger',
  cost_notice_sent: 'warning',
  cost_notice_final: 'danger',
};

/** A ticket's status as words (and an icon), including the Bußgeldverfahren's; the colour only repeats what the text says. */
export function StatusBadge({ status, withPrefix, label }: { status: TicketStatus; withPrefix?: boolean; /** What applies now, when it says more than the status (see status-now.ts). */ label?: string }) {
  const { t } = useI18n();
  const kind = tone[status] ?? 'info';
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
      <span className="kern-label">
        {withPrefix ? `${t.statusPrefix} ` : ''}
        {label ?? t.status[status] ?? status}
      </span>
    </span>
  );
}
