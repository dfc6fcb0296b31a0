import type { CitizenTicketView } from '../../api-types.js';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { useI18n } from '../../i18n.js';
import type { ReturnState } from './use-payment-return.js';

/** What happened with the payment the person just came back from. */
export function PaymentNotice({ state, ticket }: { state: ReturnState; ticket?: CitizenTicketView }) {
  const { t } = useI18n();
  if (state.phase === 'idle') return null;
  if (state.phase === 'confirming') return <Loading text={t.pay.confirming} />;
  if (state.phase === 'failed') {
    return (
      <Alert type="danger" title={t.site.errorTitle} live="alert">
        <p className="kern-body">{state.message}</p>
      </Alert>
    );
  }

  const progress =
    state.polling === 'running'
      ? t.pay.polling
      : state.polling === 'paid' && ticket
        ? t.pay.pollDone(t.status[ticket.status])
        : t.pay.pollSlow;
  return (
    <>
      <Alert type="success" title={t.pay.successTitle} live="status">
        <p className="kern-body">{t.pay.successText}</p>
      </Alert>
      {/* Its own polite region, so each polling step is read without repeating the message above. */}
      <p className="kern-body poll-status" role="status">
        {progress}
      </p>
    </>
  );
}
