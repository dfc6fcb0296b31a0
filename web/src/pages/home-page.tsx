import { ServiceCard } from '../components/service-card.js';
import { useI18n, usePageTitle } from '../i18n.js';
import { ServicesOverview } from './forms/services-overview.js';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t.home.title);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.home.title}</h1>
      <p className="kern-body kern-body--large">{t.home.intro}</p>

      <section aria-labelledby="home-citizens">
        <h2 id="home-citizens" className="kern-heading-medium">
          {t.home.citizens}
        </h2>
        <ServicesOverview level={3} />
      </section>

      <section aria-labelledby="home-staff">
        <h2 id="home-staff" className="kern-heading-medium">
          {t.home.staff}
        </h2>
        <ul className="card-grid">
          <ServiceCard href="/dienst/erfassen" title={t.home.recordTitle} text={t.home.recordText} />
          <ServiceCard href="/dienst/postausgang" title={t.home.outboxTitle} text={t.home.outboxText} />
          <ServiceCard href="/dienst/formulare" title={t.home.designerTitle} text={t.home.designerText} />
        </ul>
      </section>
    </>
  );
}
