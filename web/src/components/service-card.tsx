import { Link } from './link.js';

/** KERN card whose heading link is stretched over the whole card (one tab stop, large target). */
export function ServiceCard({ href, title, text }: { href: string; title: string; text: string }) {
  return (
    <li className="kern-card kern-card--interactive">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h3 className="kern-title kern-title--large">
            <Link href={href} className="kern-link kern-link--stretched">
              {title}
            </Link>
          </h3>
        </div>
        <div className="kern-card__body">
          <p className="kern-body">{text}</p>
        </div>
      </div>
    </li>
  );
}
