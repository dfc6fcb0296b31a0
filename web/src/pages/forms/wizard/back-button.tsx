import { useI18n } from '../../../i18n.js';

/** "Zurück" to the previous step; keeps the answers, validates nothing. */
export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="kern-btn kern-btn--secondary" onClick={onClick}>
      <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
      <span className="kern-label">{t.wizard.back}</span>
    </button>
  );
}
