import type { FormSummary } from '../../../api/types.js';
import { ErrorState } from '../../../components/error-state.js';
import { Link } from '../../../components/link.js';
import { Loading } from '../../../components/loading.js';
import { formatDateTime } from '../../../format.js';
import { useI18n } from '../../../i18n.js';
import { useList } from '../use-list.js';

/** Every form in the registry with its newest version; each row opens the editor. */
export function FormList() {
  const { t, lang, local } = useI18n();
  const [list, reload] = useList<FormSummary>('/api/forms');
  if (list.kind === 'loading') return <Loading />;
  if (list.kind === 'failed') return <ErrorState message={list.message} onRetry={() => void reload()} />;
  return (
    <section aria-labelledby="designer-list-title">
      <h2 id="designer-list-title" className="kern-heading-medium">
        {t.designer.listTitle}
      </h2>
      <div className="kern-table-responsive">
        <table className="kern-table">
          <thead className="kern-table__head">
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">{t.designer.form}</th>
              <th scope="col" className="kern-table__header">{t.designer.procedure}</th>
              <th scope="col" className="kern-table__header">{t.designer.version}</th>
              <th scope="col" className="kern-table__header">{t.designer.versions}</th>
              <th scope="col" className="kern-table__header">{t.designer.publishedAt}</th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {list.items.map((form) => (
              <tr key={form.id} className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  <Link href={`/dienst/formulare/${encodeURIComponent(form.id)}`} aria-label={t.designer.edit(local(form.title))}>
                    {local(form.title)}
                  </Link>
                  <div className="kern-body kern-body--small mono">{form.id}</div>
                </th>
                <td className="kern-table__cell">{t.services.procedures[form.procedure] ?? form.procedure}</td>
                <td className="kern-table__cell">{form.version}</td>
                <td className="kern-table__cell">{form.versionCount ?? '–'}</td>
                <td className="kern-table__cell">{form.publishedAt ? formatDateTime(form.publishedAt, lang) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
