/**
 * The web app's Idempotency-Key per request (web/src/idempotency.ts): a click repeated with the
 * same data is the same request; changed data, or a 409, makes a new one.
 */
import { describe, expect, it } from 'vitest';
import { idempotencyKeys } from '../../web/src/idempotency';

describe('idempotencyKeys', () => {
  it('when the same payload is sent again, then it carries the same key; other data or a forgotten key gets a new one', () => {
    const keys = idempotencyKeys();
    const first = keys.keyFor({ decision: { outcome: 'drop', reason: 'Foto unscharf' } });
    expect(first).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
    expect(keys.keyFor({ decision: { outcome: 'drop', reason: 'Foto unscharf' } })).toBe(first);
    const changed = keys.keyFor({ decision: { outcome: 'drop', reason: 'Foto unscharf.' } });
    expect(changed).not.toBe(first);
    // Back to the first data: a new request (the first one's answer was seen or replaced).
    expect(keys.keyFor({ decision: { outcome: 'drop', reason: 'Foto unscharf' } })).not.toBe(first);
    const kept = keys.keyFor('same');
    keys.forget();
    expect(keys.keyFor('same')).not.toBe(kept);
    // Each form has its own keys.
    expect(idempotencyKeys().keyFor('same')).not.toBe(keys.keyFor('same'));
  });
});
