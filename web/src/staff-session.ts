import { useSyncExternalStore } from 'react';
import type { StaffRole, StaffSession } from './api/types.js';

// Module-level, like the language: the fetch wrapper reads the CSRF token, the header the roles.
// Never persisted: after a reload the staff gate asks the server again (the cookie is httpOnly).
let current: StaffSession | null = null;
const listeners = new Set<() => void>();

export const staffSession = (): StaffSession | null => current;

export function setStaffSession(next: StaffSession | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useStaffSession = (): StaffSession | null => useSyncExternalStore(subscribe, staffSession);

export const hasRole = (session: StaffSession | null, roles: readonly StaffRole[]): boolean =>
  Boolean(session && roles.some((role) => session.roles.includes(role)));
