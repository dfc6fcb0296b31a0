import { Link } from '../components/link.js';
import { useI18n, usePageTitle } from '../i18n.js';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t.site.notFoundTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.site.notFoundTitle}</h1>
      <p className="kern-body">{t.site.notFoundText}</p>
      <p className="kern-body">
        <Link href="/">{t.site.toHome}</Link>
      </p>
    </>
  );
}
