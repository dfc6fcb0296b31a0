import { useI18n } from '../i18n.js';
import { hasRole, useStaffSession } from '../staff-session.js';
import type { StaffRole } from '../api/types.js';
import { LanguageSwitch } from './language-switch.js';
import { Link } from './link.js';

type NavItem = { href: string; label: string; roles?: StaffRole[] };

/** KERN "Kopfzeile" (official-site marker), the city's text logo and the navigation. */
export function SiteHeader({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const session = useStaffSession();
  // "/dienste" (the citizens' services) is not the staff area "/dienst".
  const staffArea = pathname === '/dienst' || pathname.startsWith('/dienst/');
  // Staff see what their roles allow (the server enforces it anyway); before sign-in, only the
  // staff start page. Citizens see the same three items on every citizen page.
  const items: NavItem[] = staffArea
    ? ([
        { href: '/dienst', label: t.site.home },
        { href: '/dienst/erfassen', label: t.staff.recordTitle, roles: ['warden'] },
        { href: '/dienst/aufgaben', label: t.accounts.navInbox, roles: ['caseworker'] },
        { href: '/dienst/postausgang', label: t.staff.outboxPageTitle, roles: ['caseworker'] },
        { href: '/dienst/formulare', label: t.designer.title, roles: ['designer'] },
        { href: '/dienst/konten', label: t.accounts.navAccounts, roles: ['admin'] },
        { href: '/dienst/passwort', label: t.accounts.navPassword, roles: ['warden', 'caseworker', 'station', 'designer', 'admin'] },
      ] satisfies NavItem[]).filter((item: NavItem) => !item.roles || hasRole(session, item.roles))
    : [
        { href: '/', label: t.site.home },
        { href: '/dienste', label: t.services.title },
        { href: '/knoellchen', label: t.home.payTitle },
      ];

  return (
    <header className="site-header">
      <div className="kern-kopfzeile">
        <div className="kern-container">
          <div className="kern-kopfzeile__content">
            <span className="kern-kopfzeile__flagge" aria-hidden="true">
              {/* Federal colours as in the KERN Kopfzeile; inline so no image is fetched. */}
              <svg viewBox="0 0 5 3" width="24" height="15" focusable="false">
                <rect width="5" height="1" y="0" fill="#000" />
                <rect width="5" height="1" y="1" fill="#D00" />
                <rect width="5" height="1" y="2" fill="#FFCE00" />
              </svg>
            </span>
            <span className="kern-kopfzeile__label">{t.site.official}</span>
          </div>
        </div>
      </div>
      <div className="kern-container site-header__bar">
        <Link href="/" className="site-logo">
          <span className="site-logo__name">{t.site.owner}</span>
          <span className="site-logo__sub">{t.site.services}</span>
        </Link>
        <LanguageSwitch />
      </div>
      <nav className="site-nav" aria-label={staffArea ? t.site.staffNav : t.site.mainNav}>
        <ul className="kern-container site-nav__list">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.href === pathname ? 'page' : undefined} className="site-nav__link">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
