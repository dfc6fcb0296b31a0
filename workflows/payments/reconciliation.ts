/**
 * Reconciles one provider checkout: polls the provider with growing pauses (durable timers,
 * so a crash of every process in between loses nothing) until the checkout is paid, failed or
 * expired. A paid checkout reaches the case's workflow as its `paymentBooked` signal — whether
 * or not the webhook or the citizen's return page ever arrived.
 */
import { getExternalWorkflowHandle, proxyActivities, sleep } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payments';
import { standard } from '../activity-options';
import { paymentBookedSignal, type PaymentReconciliationInput, type PaymentReconciliationOutcome } from './shared';

const { checkCheckout, markCheckoutBooked } = proxyActivities<PaymentActivities>(standard);

export async function paymentReconciliationWorkflow(input: PaymentReconciliationInput): Promise<{ outcome: PaymentReconciliationOutcome; polls: number }> {
  const expiresAt = Date.parse(input.expiresAt);
  const maxPause = input.maxPollIntervalMs ?? 30 * 60_000;
  let pause = input.firstPollIntervalMs ?? 10_000;
  for (let polls = 1; ; polls += 1) {
    await sleep(Math.max(0, Math.min(pause, expiresAt - Date.now())));
    const found = await checkCheckout({ checkoutId: input.checkoutId });
    if (found.state === 'paid') {
      try {
        await getExternalWorkflowHandle(input.caseWorkflowId).signal(paymentBookedSignal, found.payment);
      } catch {
        // The case is closed (paid by transfer, withdrawn): staff reconcile it; the provider keeps the payment.
      }
      await markCheckoutBooked({ checkoutId: input.checkoutId });
      return { outcome: 'booked', polls };
    }
    if (found.state === 'booked') return { outcome: 'booked', polls };
    if (found.state === 'cancelled') return { outcome: 'failed', polls };
    if (found.state === 'unknown') return { outcome: 'unknown', polls };
    if (Date.now() >= expiresAt) return { outcome: 'expired', polls };
    pause = Math.min(pause * 2, maxPause);
  }
}
