import { useState } from 'react';
import type { RecordedTicket } from '../../../api/types.js';
import { ErrorState } from '../../../components/error-state.js';
import { Loading } from '../../../components/loading.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { RecordForm } from './record-form.js';
import { RecordResult } from './record-result.js';
import { useFormDefinition } from '../../staff/use-form-definition.js';

const FORM_ID = 'record-parking-ticket';

/** /dienst/erfassen – the warden records an offence on site. */
export function RecordPage() {
  const { t } = useI18n();
  usePageTitle(t.staff.recordTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.staff.recordTitle}</h1>
      <StaffGate roles={['warden']}>
        <Recorder />
      </StaffGate>
    </>
  );
}

function Recorder() {
  const [definition, reload] = useFormDefinition(FORM_ID);
  const [recorded, setRecorded] = useState<RecordedTicket>();
  // A new key per form mounts a blank form with a fresh Idempotency-Key.
  const [round, setRound] = useState(0);

  if (definition.kind === 'loading') return <Loading />;
  if (definition.kind === 'failed') return <ErrorState message={definition.message} onRetry={reload} />;
  if (recorded) {
    return (
      <RecordResult
        ticket={recorded}
        onNext={() => {
          setRecorded(undefined);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return <RecordForm key={round} form={definition.form} onRecorded={setRecorded} focusFirstField={round > 0} />;
}
