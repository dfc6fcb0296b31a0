import { useI18n, usePageTitle } from '../../i18n.js';
import { SITE_CONTACT as c } from '../../site.js';

export function ImprintPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.site.imprint);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.site.imprint}</h1>
      <h2 className="kern-heading-medium">{lang === 'de' ? 'Anbieter' : 'Provider'}</h2>
      <address className="kern-body">
        {c.authority}
        <br />
        {lang === 'de' ? 'Der Oberbürgermeister' : 'The Lord Mayor'}
        <br />
        {c.street}
        <br />
        {c.city}
      </address>
      <p className="kern-body">
        {lang === 'de'
          ? 'Die Stadt Hagen ist eine Körperschaft des öffentlichen Rechts. Dieses Angebot ist ein Prototyp der Online-Dienste.'
          : 'The City of Hagen is a public-law corporation. This service is a prototype of its online services.'}
      </p>
    </>
  );
}
