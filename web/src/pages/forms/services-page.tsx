import { useI18n, usePageTitle } from '../../i18n.js';
import { ServicesOverview } from './services-overview.js';

/** /dienste – every citizen procedure with its forms. */
export function ServicesPage() {
  const { t } = useI18n();
  usePageTitle(t.services.title);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.services.title}</h1>
      <p className="kern-body">{t.services.intro}</p>
      <ServicesOverview level={2} />
    </>
  );
}
