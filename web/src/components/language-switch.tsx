import { useI18n } from '../i18n.js';

/** One button that offers the other language, labelled in that language (lang attribute set). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const other = lang === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      className="kern-btn kern-btn--tertiary language-switch"
      lang={other}
      title={t.site.switchToLabel}
      onClick={() => setLang(other)}
    >
      <span className="kern-icon kern-icon--language" aria-hidden="true" />
      <span className="kern-label">{t.site.switchTo}</span>
    </button>
  );
}
