import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a client-side page change (and on coming back from the payment provider, `?checkout=`),
 * focus moves to the new page's h1 and its text is announced, as a page load would do for
 * keyboard and screen-reader users. Lazy pages and pages that first load their data render the
 * real heading a moment later: wait until there is an h1 and no loading indicator. Focus a person
 * already moved into the page stays where it is.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>, pathname: string, search: string): string {
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);

  useEffect(() => {
    const returned = /[?&]checkout=/.test(search);
    if (first.current) {
      first.current = false;
      if (!returned) return;
    }
    const root = main.current;
    if (!root) return;
    let done = false;
    const focus = (target: HTMLElement) => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const active = document.activeElement;
      if (active && active !== document.body && active !== root && root.contains(active)) return;
      target.setAttribute('tabindex', '-1');
      target.focus();
      setAnnouncement(target.textContent?.trim() ?? '');
    };
    const settle = () => {
      if (done) return;
      const heading = root.querySelector<HTMLElement>('h1');
      if (heading && !root.querySelector('.loading')) focus(heading);
    };
    const observer = new MutationObserver(settle);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => { if (!done) focus(root.querySelector<HTMLElement>('h1') ?? root); }, 5000);
    settle();
    return () => {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
    };
    // Only a new page moves focus; a changed query string (filters, ?checkout= removed) does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  return announcement;
}
