import type { FormVersionMeta } from '../../../api/types.js';
import { formatDateTime } from '../../../format.js';
import { useI18n } from '../../../i18n.js';

type Props = { items: FormVersionMeta[]; busy: boolean; onRestore: (version: number) => void };

/** Every version, newest first; any but the newest can be published again ("Wiederherstellen"). */
export function VersionsTable({ items, busy, onRestore }: Props) {
  const { t, lang } = useI18n();
  const newest = Math.max(...items.map((v) => v.version));
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="sr-only">{t.designer.versionsTitle}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">{t.designer.version}</th>
            <th scope="col" className="kern-table__header">{t.designer.publishedAt}</th>
            <th scope="col" className="kern-table__header">{t.designer.publishedBy}</th>
            <th scope="col" className="kern-table__header">{t.designer.source}</th>
            <th scope="col" className="kern-table__header">{t.designer.note}</th>
            <th scope="col" className="kern-table__header">{t.staff.actions}</th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {items.map((v) => (
            <tr key={v.version} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                {v.version}
                {v.version === newest ? ` (${t.designer.current})` : ''}
              </th>
              <td className="kern-table__cell">{formatDateTime(v.publishedAt, lang)}</td>
              {/* The seed publishes as "built-in": the system, said in the page's language. */}
              <td className="kern-table__cell">{v.publishedBy === 'built-in' ? t.designer.publishedBySystem : v.publishedBy}</td>
              <td className="kern-table__cell">{t.designer.sources[v.source] ?? v.source}</td>
              <td className="kern-table__cell">
                {/* The server's default note ("restored version 2") is what restoredFrom already says, in words of the page. */}
                {[v.note === `restored version ${v.restoredFrom}` ? '' : v.note, v.restoredFrom ? t.designer.restoredFrom(v.restoredFrom) : ''].filter(Boolean).join(' – ')}
              </td>
              <td className="kern-table__cell">
                {v.version === newest ? null : (
                  <button type="button" className="kern-btn kern-btn--secondary kern-btn--small" disabled={busy} onClick={() => onRestore(v.version)}>
                    <span className="kern-label">{t.designer.restore(v.version)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
