import { useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { CitizenTicketView } from '../../api/types.js';
import { navigate } from '../../router.js';

export type ReturnState =
  | { phase: 'idle' }
  | { phase: 'confirming' }
  | { phase: 'cancelled' }
  | { phase: 'failed'; message: string }
  | { phase: 'refunding' }
  | { phase: 'confirmed'; polling: 'running' | 'paid' | 'gave-up' };

const POLL_EVERY_MS = 1000;
const POLL_MAX = 10;

/** The payment reached the ticket: fully paid, or at least nothing left to pay (booking trails). */
export const paymentArrived = (view: CitizenTicketView) => view.status === 'paid' || view.outstandingCents === 0;

/**
 * Back from the provider with ?checkout=<id> (and &cancelled=1 when the person cancelled there):
 * confirm it once, then poll the ticket view until the workflow has booked the payment (the read
 * model can trail the confirmation by a moment).
 */
export function usePaymentReturn(
  token: string | undefined,
  checkoutId: string | null,
  cancelled: boolean,
  onView: (view: CitizenTicketView) => void,
): ReturnState {
  const [state, setState] = useState<ReturnState>({ phase: 'idle' });
  const handled = useRef<string | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
  // Polling outlives the effect below on purpose: removing ?checkout= from the address changes
  // its inputs, and that must not stop the polling. Only leaving the page does.
  const alive = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  useEffect(() => {
    // The ref keeps a checkout from being confirmed twice (React may run effects twice in dev).
    if (!token || !checkoutId || handled.current === checkoutId) return;
    handled.current = checkoutId;
    // Drop ?checkout= so a reload shows the ticket instead of confirming again.
    const clearAddress = () => navigate(window.location.pathname, { replace: true });

    async function poll(attempt: number) {
      if (!alive.current) return;
      try {
        const view = await api<CitizenTicketView>('/api/parking-tickets/current', { token });
        if (!alive.current) return;
        onViewRef.current(view);
        if (view.status === 'paid') return setState({ phase: 'confirmed', polling: 'paid' });
      } catch {
        // A failed poll is not fatal; the next attempt (or a reload) catches up.
      }
      if (attempt >= POLL_MAX) return setState({ phase: 'confirmed', polling: 'gave-up' });
      timer.current = setTimeout(() => void poll(attempt + 1), POLL_EVERY_MS);
    }

    async function confirm() {
      setState({ phase: 'confirming' });
      try {
        const view = await api<CitizenTicketView>('/api/parking-tickets/current/confirm-payment', {
          method: 'POST',
          body: { checkoutId },
          token,
        });
        clearAddress();
        onViewRef.current(view);
        if (view.paymentOutcome === 'refunding') return setState({ phase: 'refunding' });
        if (view.status === 'paid') return setState({ phase: 'confirmed', polling: 'paid' });
        setState({ phase: 'confirmed', polling: 'running' });
        timer.current = setTimeout(() => void poll(1), POLL_EVERY_MS);
      } catch (e) {
        setState({ phase: 'failed', message: messageOf(e) });
      }
    }

    if (cancelled) {
      // Nothing was charged; the page shows the ticket and the ways to pay again.
      clearAddress();
      setState({ phase: 'cancelled' });
      return;
    }
    void confirm();
  }, [token, checkoutId, cancelled]);

  return state;
}
