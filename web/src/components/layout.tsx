import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';

/**
 * Skip link, header, main, footer on every page. After an in-app navigation focus moves to the
 * new page's h1, so keyboard and screen-reader users start reading where a page load would put them.
 */
export function Layout({ pathname, children }: { pathname: string; children: ReactNode }) {
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector('h1');
    const target = heading ?? mainRef.current;
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname]);

  return (
    <div className="site">
      <a className="skip-link" href="#main">
        {t.site.skipLink}
      </a>
      <SiteHeader pathname={pathname} />
      <main id="main" ref={mainRef} tabIndex={-1} className="kern-container site-main">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
