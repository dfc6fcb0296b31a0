import { useI18n } from '../i18n.js';

/** Polite status text while data loads; the KERN spinner is decorative. */
export function Loading({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span className="kern-body">{text ?? t.site.loading}</span>
    </div>
  );
}
