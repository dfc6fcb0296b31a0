import type { StaffRole } from '../../api/types.js';
import { ServiceCard } from '../../components/service-card.js';
import { StaffGate } from '../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { hasRole, useStaffSession } from '../../staff-session.js';

/** /dienst – the staff's start page: sign-in, then the tools the account's roles allow. */
export function StaffHomePage() {
  const { t } = useI18n();
  usePageTitle(t.home.staffHomeTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.home.staffHomeTitle}</h1>
      <StaffGate>
        <StaffTools />
      </StaffGate>
    </>
  );
}

function StaffTools() {
  const { t } = useI18n();
  const session = useStaffSession();
  const tools: { href: string; title: string; text: string; roles: StaffRole[] }[] = [
    { href: '/dienst/erfassen', title: t.home.recordTitle, text: t.home.recordText, roles: ['warden'] },
    { href: '/dienst/aufgaben', title: t.accounts.navInbox, text: t.home.inboxText, roles: ['caseworker'] },
    { href: '/dienst/postausgang', title: t.home.outboxTitle, text: t.home.outboxText, roles: ['caseworker'] },
    { href: '/dienst/formulare', title: t.home.designerTitle, text: t.home.designerText, roles: ['designer'] },
    { href: '/dienst/konten', title: t.accounts.navAccounts, text: t.home.accountsText, roles: ['admin'] },
    { href: '/dienst/passwort', title: t.accounts.navPassword, text: t.home.passwordText, roles: ['warden', 'caseworker', 'station', 'designer', 'admin'] },
    { href: '/dienst/zweiter-faktor', title: t.staffSecurity.navSecondFactor, text: t.staffSecurity.homeText, roles: ['warden', 'caseworker', 'station', 'designer', 'admin'] },
  ];
  return (
    <>
      <p className="kern-body">{t.home.staffHomeIntro}</p>
      <ul className="card-grid">
        {tools.filter((tool) => hasRole(session, tool.roles)).map((tool) => (
          <ServiceCard key={tool.href} href={tool.href} title={tool.title} text={tool.text} level={3} />
        ))}
      </ul>
    </>
  );
}
