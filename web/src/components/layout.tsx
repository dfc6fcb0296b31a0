import { useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';
import { useRouteFocus } from './route-focus.js';

/**
 * Skip link, header, main, footer on every page. After an in-app navigation focus moves to the
 * new page's h1 and its title is announced (see route-focus.ts).
 */
export function Layout({ pathname, search, children }: { pathname: string; search: string; children: ReactNode }) {
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  const announcement = useRouteFocus(mainRef, pathname, search);

  return (
    <div className="site">
      <a className="skip-link" href="#main">
        {t.site.skipLink}
      </a>
      <SiteHeader pathname={pathname} />
      <p className="sr-only" role="status" data-testid="route-announcement">{announcement}</p>
      <main id="main" ref={mainRef} tabIndex={-1} className="kern-container site-main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
