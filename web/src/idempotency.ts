/**
 * The `Idempotency-Key` of a request that changes something: one key per payload, so a click
 * repeated after a lost answer, a network error or a 503 (where the first call may still have
 * taken effect) is the same request to the server, which answers it with its first answer
 * instead of a second ticket, case or task, or a 409. Changed data is a new request and gets
 * a new key. After a 409 (the key was used for other data, or the case moved on) the caller
 * forgets the key, so the next attempt is a new request.
 */
import { useState } from 'react';
import { uuid } from './uuid.js';

export interface IdempotencyKeys {
  /** The key for this payload: the same as last time while the payload is the same, else a new one. */
  keyFor(payload: unknown): string;
  /** The next request gets a new key, whatever its payload. */
  forget(): void;
}

export function idempotencyKeys(): IdempotencyKeys {
  let kept: { payload: string; key: string } | undefined;
  return {
    keyFor(payload) {
      const serialized = JSON.stringify(payload) ?? '';
      if (kept?.payload !== serialized) kept = { payload: serialized, key: uuid() };
      return kept.key;
    },
    forget() {
      kept = undefined;
    },
  };
}

/** One `idempotencyKeys()` for the life of the component (a form, a dialog). */
export function useIdempotencyKey(): IdempotencyKeys {
  const [keys] = useState(idempotencyKeys);
  return keys;
}
