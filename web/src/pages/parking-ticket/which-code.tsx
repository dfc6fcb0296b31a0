import { useI18n } from '../../i18n.js';

/** Which of the two codes opens what: said where people type one (plain words, no jargon). */
export function WhichCode() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="which-code-title" className="stack">
      <h2 id="which-code-title" className="kern-heading-small">
        {t.codes.whichTitle}
      </h2>
      <ul className="kern-list">
        <li className="kern-body">{t.codes.whichCard}</li>
        <li className="kern-body">{t.codes.whichLetter}</li>
      </ul>
    </section>
  );
}
