import { StaffGate } from '../../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { CaseHistory } from './case-history.js';
import { useStaffCase } from './use-staff-case.js';

/** /dienst/vorgaenge/:caseNumber – a case's documents and its full, unchangeable history. */
export function CaseHistoryPage({ caseNumber }: { caseNumber: string }) {
  const { t } = useI18n();
  usePageTitle(t.caseHistory.pageTitle(caseNumber));
  return (
    <>
      <h1 className="kern-heading-x-large">{t.caseHistory.pageTitle(caseNumber)}</h1>
      <p className="kern-body">{t.caseHistory.intro}</p>
      <StaffGate roles={['caseworker', 'admin']}>
        <Loaded caseNumber={caseNumber} />
      </StaffGate>
    </>
  );
}

function Loaded({ caseNumber }: { caseNumber: string }) {
  const [state, reload] = useStaffCase(caseNumber);
  return <CaseHistory state={state} reload={() => void reload()} />;
}
