import { createHmac, randomBytes } from 'node:crypto';
import type { PaymentMethod } from '../../adapters/payments/payment-provider';
import type { SandboxCheckoutDoc, SandboxCheckoutModel, SandboxOutcomeDoc, SandboxOutcomeModel } from './checkout-model';

export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
import { isDuplicateKey } from '../../store/duplicate-key';

/** The checkout id of an idempotency key: 96 bits of a keyed hash (own label, so it is not a webhook signature). */
export const checkoutIdOf = (secret: string, idempotencyKey: string) =>
  `chk_${createHmac('sha256', secret).update(`sandbox checkout id\0${idempotencyKey}`, 'utf8').digest('hex').slice(0, 24)}`;

export interface SandboxStore {
  Checkouts: SandboxCheckoutModel;
  Outcomes: SandboxOutcomeModel;
}

export type Decision = { status: 'paid'; method: PaymentMethod } | { status: 'cancelled' };

/**
 * Decides a checkout at most once: pay, pay again, cancel — whichever inserts the outcome first
 * wins, everyone else is told the winner's result and charges nothing (`won: false`). Only the
 * winner sends the webhook. See SandboxOutcomeDoc for why this is an insert, not an update.
 */
export async function settleCheckout(
  store: SandboxStore,
  id: string,
  decision: Decision,
): Promise<{ checkout: SandboxCheckoutDoc; won: boolean } | null> {
  if (!(await store.Checkouts.exists({ _id: id }))) return null; // no outcome for unknown ids
  const proposed: SandboxOutcomeDoc =
    decision.status === 'paid'
      ? { _id: id, status: 'paid', method: decision.method, paymentId: newId('pay'), at: new Date() }
      : { _id: id, status: 'cancelled', at: new Date() };
  await store.Outcomes.init();
  let won = true;
  try {
    await store.Outcomes.create(proposed);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    won = false;
  }
  const outcome = won ? proposed : await store.Outcomes.findById(id).lean<SandboxOutcomeDoc>();
  if (!outcome) throw new Error(`outcome of checkout ${id} vanished`);
  const checkout = await applyOutcome(store, outcome);
  return checkout ? { checkout, won } : null;
}

/**
 * Reads a checkout; an open one is reconciled with a recorded outcome first, which heals a
 * crash between deciding the outcome and writing it onto the checkout.
 */
export async function loadCheckout(store: SandboxStore, id: string): Promise<SandboxCheckoutDoc | null> {
  const doc = await store.Checkouts.findById(id).lean<SandboxCheckoutDoc>();
  if (!doc || doc.status !== 'open') return doc;
  const outcome = await store.Outcomes.findById(id).lean<SandboxOutcomeDoc>();
  return outcome ? applyOutcome(store, outcome) : doc;
}

/** Copies the outcome onto the checkout; idempotent, so concurrent callers write the same values. */
function applyOutcome(store: SandboxStore, o: SandboxOutcomeDoc): Promise<SandboxCheckoutDoc | null> {
  const fields =
    o.status === 'paid'
      ? { status: o.status, method: o.method, paymentId: o.paymentId, paidAt: o.at }
      : { status: o.status, cancelledAt: o.at };
  return store.Checkouts.findOneAndUpdate({ _id: o._id }, { $set: fields }, { returnDocument: 'after' }).lean<SandboxCheckoutDoc>();
}
