import type { PortalAccess } from '../../api/types.js';
import { normalizeTicketCode } from '../../format.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { navigate } from '../../router.js';
import { AccessForm } from './access-form.js';
import { saveToken } from './portal-session.js';
import { WhichCode } from './which-code.js';

/** /knoellchen – for people who type the address printed on the card instead of scanning it. */
export function PortalEntryPage() {
  const { t } = useI18n();
  usePageTitle(t.portal.entryTitle);

  function opened(typed: string, access: PortalAccess) {
    const code = normalizeTicketCode(typed);
    saveToken(code, access.portalToken);
    navigate(`/knoellchen/${encodeURIComponent(code)}`);
  }

  return (
    <>
      <h1 className="kern-heading-x-large">{t.portal.entryTitle}</h1>
      <p className="kern-body">{t.portal.entryIntro}</p>
      <p className="kern-body">{t.portal.accessWhy}</p>
      <div className="panel narrow">
        <AccessForm onAccess={opened} />
      </div>
      <WhichCode />
    </>
  );
}
