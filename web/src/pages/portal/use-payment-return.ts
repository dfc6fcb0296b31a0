import { useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { CitizenTicketView } from '../../api-types.js';
import { navigate } from '../../router.js';

export type ReturnState =
  | { phase: 'idle' }
  | { phase: 'confirming' }
  | { phase: 'failed'; message: string }
  | { phase: 'confirmed'; polling: 'running' | 'paid' | 'gave-up' };

const POLL_EVERY_MS = 1000;
const POLL_MAX = 10;

/**
 * Back from the provider with ?checkout=<id>: confirm it once, then poll the ticket view until
 * the workflow has booked the payment (the read model can trail the confirmation by a moment).
 */
export function usePaymentReturn(
  token: string | undefined,
  checkoutId: string | null,
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

    async function poll(attempt: number) {
      if (!alive.current) return;
      try {
        const view = await api<CitizenTicketView>('/api/portal/parking-tickets/current', { token });
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
        const view = await api<CitizenTicketView>('/api/portal/parking-tickets/current/confirm-payment', {
          method: 'POST',
          body: { checkoutId },
          token,
        });
        // Drop ?checkout= so a reload shows the ticket instead of confirming again.
        navigate(window.location.pathname, { replace: true });
        onViewRef.current(view);
        if (view.status === 'paid') return setState({ phase: 'confirmed', polling: 'paid' });
        setState({ phase: 'confirmed', polling: 'running' });
        timer.current = setTimeout(() => void poll(1), POLL_EVERY_MS);
      } catch (e) {
        setState({ phase: 'failed', message: messageOf(e) });
      }
    }

    void confirm();
  }, [token, checkoutId]);

  return state;
}
