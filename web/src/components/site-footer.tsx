import { useI18n } from '../i18n.js';
import { Link } from './link.js';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="kern-container">
        <nav aria-label={t.site.footerNav}>
          <ul className="site-footer__list">
            <li>
              <Link href="/impressum">{t.site.imprint}</Link>
            </li>
            <li>
              <Link href="/datenschutz">{t.site.privacy}</Link>
            </li>
            <li>
              <Link href="/barrierefreiheit">{t.site.accessibility}</Link>
            </li>
          </ul>
        </nav>
        <p className="kern-body kern-body--small">© {t.site.owner}</p>
      </div>
    </footer>
  );
}
