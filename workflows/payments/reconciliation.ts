/**
 * Reconciles one provider checkout: polls the provider with growing pauses (durable timers,
 * so a crash of every process in between loses nothing) until the checkout is paid, failed or
 * expired. A paid checkout reaches the case's workflow as its `paymentBooked` signal — whether
 * or not the webhook or the citizen's return page ever arrived.
 *
 * A case that is closed when its payment arrives (paid by transfer meanwhile, withdrawn, its
 * workflow ended) cannot take the signal: the money is then recorded as "to be refunded",
 * paid back through the provider, noted in the case's audit trail and the payer told. That
 * happens here, not in the web request that noticed it: activities retry until the provider
 * and the mail relay answer, and one workflow per checkout (its ID) plus keyed, idempotent
 * activities make it happen once however many reporters there are.
 */
import { ActivityFailure, ApplicationFailure, condition, getExternalWorkflowHandle, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payments';
import { standard } from '../activity-options';
import { checkCheckoutNowSignal, paymentBookedSignal, type PaymentBooked, type PaymentReconciliationInput, type PaymentReconciliationOutcome } from './shared';

const { checkCheckout, markCheckoutBooked, refundLatePayment, sendLateRefundMail } = proxyActivities<PaymentActivities>(standard);

export async function paymentReconciliationWorkflow(input: PaymentReconciliationInput): Promise<{ outcome: PaymentReconciliationOutcome; polls: number }> {
  const expiresAt = Date.parse(input.expiresAt);
  const maxPause = input.maxPollIntervalMs ?? 30 * 60_000;
  let pause = input.firstPollIntervalMs ?? 10_000;
  let nudged = false;
  setHandler(checkCheckoutNowSignal, () => { nudged = true; });
  for (let polls = 1; ; polls += 1) {
    // A durable timer either way; a nudge ends the pause early. (A zero pause stays `sleep(0)`:
    // `condition(fn, 0)` would record a patch marker that earlier histories do not have.)
    const wait = Math.max(0, Math.min(pause, expiresAt - Date.now()));
    if (wait > 0) await condition(() => nudged, wait);
    else await sleep(0);
    nudged = false;
    const found = await checkCheckout({ checkoutId: input.checkoutId });
    if (found.state === 'paid') {
      const outcome = await handOver(input, found.payment);
      await markCheckoutBooked({ checkoutId: input.checkoutId });
      return { outcome, polls };
    }
    if (found.state === 'booked') return { outcome: 'booked', polls };
    if (found.state === 'cancelled') return { outcome: 'failed', polls };
    if (found.state === 'unknown') return { outcome: 'unknown', polls };
    if (Date.now() >= expiresAt) return { outcome: 'expired', polls };
    pause = Math.min(pause * 2, maxPause);
  }
}

/** To the case's workflow; a closed case's payment is refunded instead. */
async function handOver(input: PaymentReconciliationInput, payment: PaymentBooked): Promise<PaymentReconciliationOutcome> {
  try {
    await getExternalWorkflowHandle(input.caseWorkflowId).signal(paymentBookedSignal, payment);
    return 'booked';
  } catch {
    // The only failure of a signal to an existing namespace: no running workflow with that ID.
  }
  try {
    await refundLatePayment({ checkoutId: input.checkoutId, payment });
  } catch (error) {
    // Refused for good: the record stays "to be refunded", for staff.
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.nonRetryable) return 'refund_pending';
    throw error;
  }
  await sendLateRefundMail({ paymentId: payment.paymentId });
  return 'refunded';
}
