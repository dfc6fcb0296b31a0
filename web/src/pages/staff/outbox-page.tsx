import type { OutboxItem } from '../../api/types.js';
import { StaffGate } from '../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { OutboxTable } from './outbox-table.js';
import { TicketsTable } from '../parking-ticket/staff/tickets-table.js';
import { usePagedList } from './use-list.js';

/** /dienst/postausgang – tickets with their status, and the letters waiting for the post. */
export function OutboxPage() {
  const { t } = useI18n();
  usePageTitle(t.staff.outboxPageTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.staff.outboxPageTitle}</h1>
      <StaffGate roles={['caseworker']}>
        <Lists />
      </StaffGate>
    </>
  );
}

function Lists() {
  const [outbox, reloadOutbox, moreOutbox] = usePagedList<OutboxItem>('/api/outbox');
  return (
    <div className="stack-lg">
      {/* A withdrawal can cancel a queued letter, so the outbox is reloaded after one. */}
      <TicketsTable onChanged={() => void reloadOutbox()} />
      <OutboxTable list={outbox} reload={() => void reloadOutbox()} more={() => void moreOutbox()} />
    </div>
  );
}
