import type { CitizenTicketView } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { Loading } from '../../components/loading.js';
import { useI18n } from '../../i18n.js';
import { paymentArrived, type ReturnState } from './use-payment-return.js';

/** What happened with the payment the person just came back from. */
export function PaymentNotice({ state, ticket }: { state: ReturnState; ticket?: CitizenTicketView }) {
  const { t } = useI18n();
  if (state.phase === 'idle') return null;
  if (state.phase === 'confirming') return <Loading text={t.pay.confirming} />;
  if (state.phase === 'cancelled') {
    return (
      <Alert type="warning" title={t.pay.cancelledTitle} live="status">
        <p className="kern-body">{t.pay.cancelledText}</p>
      </Alert>
    );
  }
  if (state.phase === 'refunding') {
    return (
      <Alert type="info" title={t.pay.refundingTitle} live="status">
        <p className="kern-body">{t.pay.refundingText}</p>
      </Alert>
    );
  }
  if (state.phase === 'failed') {
    return (
      <Alert type="danger" title={t.site.errorTitle} live="alert">
        <p className="kern-body">{state.message}</p>
      </Alert>
    );
  }

  // Thanks only once the money is really on the ticket; until then a neutral "checking".
  const arrived = ticket ? paymentArrived(ticket) : false;
  if (!arrived && state.polling === 'running') return <Loading text={t.pay.confirming} />;
  if (!arrived) {
    return (
      <Alert type="warning" title={t.pay.pendingTitle} live="status">
        <p className="kern-body">{t.pay.pendingText}</p>
      </Alert>
    );
  }
  return (
    <>
      <Alert type="success" title={t.pay.successTitle} live="status">
        <p className="kern-body">{t.pay.successText}</p>
      </Alert>
      {/* Its own polite region, so each polling step is read without repeating the message above. */}
      <p className="kern-body poll-status" role="status">
        {state.polling === 'running' ? t.pay.polling : ''}
      </p>
    </>
  );
}
