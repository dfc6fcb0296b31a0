import { useI18n, usePageTitle } from '../../i18n.js';
import { SITE_CONTACT as c } from '../../site.js';

const text = {
  de: [
    'Wir verarbeiten Ihre Angaben nur, um das jeweilige Verwaltungsverfahren durchzuführen (Art. 6 Abs. 1 Buchst. c und e DSGVO), zum Beispiel eine Verwarnung wegen Falschparkens und ihre Bezahlung.',
    'Das Kennzeichen fragen wir ab, damit nur die Person die Verwarnung sieht, die das Fahrzeug kennt. Ihre freiwillig angegebene E-Mail-Adresse nutzen wir nur für die Zahlungsbestätigung.',
    'Diese Seiten setzen keine Tracking-Cookies und laden keine Inhalte von Dritten. Für den Dienstbereich wird ein technisch notwendiges Sitzungs-Cookie gesetzt; Ihre Sprachwahl wird nur in Ihrem Browser gespeichert.',
    'Sie haben das Recht auf Auskunft, Berichtigung, Einschränkung der Verarbeitung und Beschwerde bei der Aufsichtsbehörde (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).',
  ],
  en: [
    'We process your data only to carry out the administrative procedure concerned (Art. 6(1)(c) and (e) GDPR), for example a parking ticket and its payment.',
    'We ask for the registration number so that only someone who knows the vehicle can see the ticket. An e-mail address you give voluntarily is used only for the payment confirmation.',
    'These pages set no tracking cookies and load no third-party content. The staff area uses a technically necessary session cookie; your language choice is stored only in your browser.',
    'You have the right to access, rectification, restriction of processing and to complain to the supervisory authority (the North Rhine-Westphalia data protection commissioner).',
  ],
};

export function PrivacyPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.site.privacy);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.site.privacy}</h1>
      {text[lang].map((paragraph) => (
        <p key={paragraph} className="kern-body">
          {paragraph}
        </p>
      ))}
      <p className="kern-body">
        {lang === 'de' ? 'Kontakt zum Datenschutz: ' : 'Data protection contact: '}
        <a className="kern-link" href={`mailto:${c.privacyEmail}`}>
          {c.privacyEmail}
        </a>
      </p>
    </>
  );
}
