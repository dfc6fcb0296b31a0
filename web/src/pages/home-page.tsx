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
    </>
  );
}
