import { formatDate } from '../../format.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { SITE_CONTACT as c } from '../../site.js';

// An honest statement (BITV 2.0 § 7): what is not yet accessible and why, how to give feedback,
// and where to turn if the answer is not satisfactory.
const content = {
  de: {
    intro:
      'Die Stadt Hagen ist bemüht, ihre Online-Dienste im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der BITV NRW barrierefrei zugänglich zu machen. Diese Erklärung gilt für die Online-Dienste unter dieser Adresse.',
    statusTitle: 'Stand der Vereinbarkeit',
    status:
      'Diese Website ist teilweise mit den Anforderungen vereinbar (WCAG 2.1, Konformitätsstufe AA). Sie befindet sich als Prototyp in Entwicklung und wurde bisher nur intern und automatisiert geprüft, nicht durch einen externen BITV-Test.',
    gapsTitle: 'Nicht barrierefreie Inhalte',
    gaps: [
      'Der GiroCode ist ein Bild. Alle Angaben daraus stehen zusätzlich als Text mit Kopierschaltflächen daneben.',
      'Die erzeugten PDF-Dokumente (Hinweiskarte, Verwarnungsbrief) sind noch nicht als barrierefreies PDF (PDF/UA) geprüft.',
      'Informationen in Deutscher Gebärdensprache und in Leichter Sprache sind noch nicht vorhanden.',
      'Die Seite des externen Zahlungsanbieters liegt nicht in unserer Verantwortung.',
    ],
    feedbackTitle: 'Feedback und Kontakt',
    feedback:
      'Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder brauchen Sie Informationen in einer anderen Form? Schreiben Sie uns:',
    enforcementTitle: 'Durchsetzungsverfahren',
    enforcement:
      'Wenn Sie auf Ihre Rückmeldung innerhalb von sechs Wochen keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen wenden.',
    date: 'Diese Erklärung wurde erstellt am',
  },
  en: {
    intro:
      'The City of Hagen aims to make its online services accessible in line with the German accessibility regulations (BITV 2.0 and BITV NRW). This statement applies to the online services at this address.',
    statusTitle: 'Compliance status',
    status:
      'This website is partially compliant with WCAG 2.1 level AA. It is a prototype under development and has so far only been checked internally and with automated tools, not by an external BITV audit.',
    gapsTitle: 'Content that is not accessible',
    gaps: [
      'The GiroCode is an image. All of its details are also shown as text next to it, with copy buttons.',
      'The generated PDF documents (notice card, warning letter) have not yet been checked as accessible PDF (PDF/UA).',
      'Information in German Sign Language and in Easy Language is not yet available.',
      'The external payment provider’s page is not our responsibility.',
    ],
    feedbackTitle: 'Feedback and contact',
    feedback: 'Have you found an accessibility problem, or do you need information in another format? Write to us:',
    enforcementTitle: 'Enforcement procedure',
    enforcement:
      'If you do not receive a satisfactory answer within six weeks, you can contact the ombudsperson for accessible information technology of the State of North Rhine-Westphalia.',
    date: 'This statement was prepared on',
  },
};

export function AccessibilityPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.site.accessibility);
  const s = content[lang];
  return (
    <>
      <h1 className="kern-heading-x-large">{t.site.accessibility}</h1>
      <p className="kern-body">{s.intro}</p>
      <h2 className="kern-heading-medium">{s.statusTitle}</h2>
      <p className="kern-body">{s.status}</p>
      <h2 className="kern-heading-medium">{s.gapsTitle}</h2>
      <ul className="kern-list kern-list--bullet">
        {s.gaps.map((gap) => (
          <li key={gap} className="kern-body">
            {gap}
          </li>
        ))}
      </ul>
      <h2 className="kern-heading-medium">{s.feedbackTitle}</h2>
      <p className="kern-body">{s.feedback}</p>
      <address className="kern-body">
        {c.authority}, {c.street}, {c.city}
        <br />
        <a className="kern-link" href={`mailto:${c.accessibilityEmail}`}>
          {c.accessibilityEmail}
        </a>
      </address>
      <h2 className="kern-heading-medium">{s.enforcementTitle}</h2>
      <p className="kern-body">{s.enforcement}</p>
      <p className="kern-body kern-body--small">
        {s.date} {formatDate(`${c.statementDate}T12:00:00Z`, lang)}.
      </p>
    </>
  );
}
