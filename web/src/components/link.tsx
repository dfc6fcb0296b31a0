import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../router.js';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** A real <a href> (works with middle click, copy link, no JS) that navigates in-app on a plain click. */
export function Link({ href, onClick, className, ...rest }: Props) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(href);
  }
  return <a href={href} className={className ?? 'kern-link'} onClick={handleClick} {...rest} />;
}
