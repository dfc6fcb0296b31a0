import type { FormSummary } from '../../api/types.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { ServiceCard } from '../../components/service-card.js';
import { useI18n } from '../../i18n.js';
import { useList } from '../staff/use-list.js';

type Props = { /** Level of the group headings; the cards sit one below. */ level: 2 | 3 };

/** The citizen forms from the registry, grouped by procedure, plus the Knöllchen portal. */
export function ServicesOverview({ level }: Props) {
  const { t, local } = useI18n();
  const [list, reload] = useList<FormSummary>('/api/forms');
  const Heading = level === 2 ? 'h2' : 'h3';
  const cardLevel = level === 2 ? 3 : 4;

  const groups = new Map<string, FormSummary[]>();
  if (list.kind === 'ready') {
    // Forms that answer a running case (e.g. the hearing answer) are reached from that case, not started here.
    for (const form of list.items.filter((f) => f.audience !== 'staff' && (f.action?.kind ?? 'start') === 'start')) {
      groups.set(form.procedure, [...(groups.get(form.procedure) ?? []), form]);
    }
  }

  return (
    <div className="stack-lg">
      {list.kind === 'loading' ? <Loading /> : null}
      {list.kind === 'failed' ? <ErrorState message={list.message} onRetry={() => void reload()} /> : null}
      {list.kind === 'ready' && groups.size === 0 ? <p className="kern-body">{t.services.none}</p> : null}
      {[...groups].map(([procedure, forms]) => (
        <section key={procedure} aria-labelledby={`procedure-${procedure}`}>
          <Heading id={`procedure-${procedure}`} className="kern-heading-small">
            {t.services.procedures[procedure] ?? procedure}
          </Heading>
          <ul className="card-grid">
            {forms.map((form) => (
              <ServiceCard
                key={form.id}
                level={cardLevel}
                href={`/formulare/${encodeURIComponent(form.id)}`}
                title={local(form.title)}
                text={local(form.description)}
              />
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="procedure-parking">
        <Heading id="procedure-parking" className="kern-heading-small">
          {t.services.parkingGroup}
        </Heading>
        <ul className="card-grid">
          <ServiceCard level={cardLevel} href="/knoellchen" title={t.home.payTitle} text={t.home.payText} />
        </ul>
      </section>
    </div>
  );
}
