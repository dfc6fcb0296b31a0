import type { TicketStatus } from '../api-types.js';
import { useI18n } from '../i18n.js';

const tone: Record<TicketStatus, 'info' | 'success' | 'warning' | 'danger'> = {
  open: 'warning',
  paid: 'success',
  letter_sent: 'info',
  withdrawn: 'info',
  holder_unknown: 'info',
  handed_to_fine_office: 'danger',
};

/** Status as words (and an icon); the colour only repeats what the text says. */
export function StatusBadge({ status, withPrefix }: { status: TicketStatus; withPrefix?: boolean }) {
  const { t } = useI18n();
  const kind = tone[status];
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
      <span className="kern-label">
        {withPrefix ? `${t.statusPrefix} ` : ''}
        {t.status[status] ?? status}
      </span>
    </span>
  );
}
