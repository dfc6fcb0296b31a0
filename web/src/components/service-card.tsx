import { Link } from './link.js';

type Props = { href: string; title: string; text: string; /** Heading level of the card title (default 3). */ level?: 3 | 4 };

/** KERN card whose heading link is stretched over the whole card (one tab stop, large target). */
export function ServiceCard({ href, title, text, level = 3 }: Props) {
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <li className="kern-card kern-card--interactive">
      <div className="kern-card__container">
        <div className="kern-card__header">
          <Heading className="kern-title kern-title--large">
            <Link href={href} className="kern-link kern-link--stretched">
              {title}
            </Link>
          </Heading>
        </div>
        <div className="kern-card__body">
          <p className="kern-body">{text}</p>
        </div>
      </div>
    </li>
  );
}
