import { useI18n } from '../../../i18n.js';
import type { TaskListItem } from '../../../api/types.js';

/** Overdue and closed states as words with an icon; colour only repeats the text. */
export function TaskBadges({ task }: { task: Pick<TaskListItem, 'overdue' | 'status'> }) {
  const { t } = useI18n();
  const badges: Array<{ kind: 'danger' | 'success' | 'info'; text: string }> = [];
  if (task.status === 'open' && task.overdue) badges.push({ kind: 'danger', text: t.inbox.overdue });
  if (task.status === 'completed') badges.push({ kind: 'success', text: t.inbox.statusNames.completed });
  if (task.status === 'cancelled') badges.push({ kind: 'info', text: t.inbox.statusNames.cancelled });
  return (
    <>
      {badges.map((b) => (
        <span key={b.text} className={`kern-badge kern-badge--${b.kind}`}>
          <span className={`kern-icon kern-icon--${b.kind}`} aria-hidden="true" />
          <span className="kern-label">{b.text}</span>
        </span>
      ))}
    </>
  );
}
