/**
 * The sandbox payment provider as an attacker meets it (issue 9, item 1): its API needs the
 * sandbox key (or an administrator's session), checkouts call back only to the service, the
 * caller's idempotency key cannot be taken by someone else, checkout ids are a keyed hash nobody
 * outside can compute, and only the creator cancels. Each test fails against the provider before the fix (open API, any URL,
 * one global key space, cancel by anyone knowing the id).
 */
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testMongoUri } from '../../support/env';
import { SANDBOX_KEY, startHarness, type Harness } from './harness';

let h: Harness;
// An "admin session" as the app tells it: here a header, so the test needs no staff accounts.
beforeAll(async () => { h = await startHarness(testMongoUri('payments_access_test'), { admin: async (req) => req.get('X-Test-Admin') || undefined }); });
afterAll(async () => { await h?.close(); });

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body),
});
const anonymous = (path: string, init?: RequestInit) => fetch(`${h.origin}/sandbox/payments/api${path}`, init);

describe('sandbox payment provider: who may use its API', () => {
  it('when someone calls the checkout API without the key or with a wrong one, then every operation answers 401 and nothing is created', async () => {
    const c = await h.provider.createCheckout(h.request('access-1'));
    const calls: [string, RequestInit | undefined][] = [
      ['/checkouts', json(h.request('attacker-1'))],
      ['/checkouts', undefined],
      [`/checkouts/${c.id}`, undefined],
      [`/checkouts/${c.id}/cancel`, { method: 'POST' }],
    ];
    for (const [path, init] of calls) {
      expect((await anonymous(path, init)).status, path).toBe(401);
      expect((await anonymous(path, { ...init, headers: { ...(init?.headers as object), Authorization: `Bearer ${SANDBOX_KEY}x` } })).status, path).toBe(401);
    }
    expect((await h.provider.getCheckout(c.id))?.status).toBe('open');
    const listed = (await (await h.api('/checkouts')).json()) as { checkouts: { reference: string }[] };
    expect(listed.checkouts.length).toBeGreaterThan(0);
  });

  it('when a checkout would send the citizen or the webhook to another host, then it is refused (422, no open redirect, no SSRF)', async () => {
    const evil = ['http://attacker.example/steal', `${h.receiverOrigin.replace('127.0.0.1', 'localhost')}/return`,
      `http://user@${h.receiverOrigin.slice('http://'.length)}/return`, 'http://169.254.169.254/latest/meta-data/'];
    for (const url of evil) {
      for (const field of ['returnUrl', 'webhookUrl'] as const) {
        const res = await h.api('/checkouts', json(h.request(`ssrf-${field}-${url.length}`, { [field]: url })));
        expect(res.status, `${field} ${url}`).toBe(422);
        expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual([field]);
      }
    }
    expect((await h.api('/checkouts', json(h.request('ssrf-ok')))).status).toBe(201);
  });

  it('when someone else takes a guessable idempotency key first, then the key holder still gets a checkout of its own', async () => {
    const key = 'parking-ticket:HA-2026-000123:2500';
    const taken = await anonymous('/checkouts', json(h.request(key, { amountCents: 2500 }), { 'X-Test-Admin': 'mallory' }));
    expect(taken.status).toBe(201);
    const theirs = (await taken.json()) as { id: string };
    const ours = await h.provider.createCheckout(h.request(key, { amountCents: 2500 }));
    expect(ours.id).not.toBe(theirs.id);
    expect(await h.provider.createCheckout(h.request(key, { amountCents: 2500 }))).toEqual(ours);
  });

  it('when a key is replayed with another webhookUrl, then the provider refuses (409) instead of answering the first checkout', async () => {
    await h.provider.createCheckout(h.request('replay-1'));
    const res = await h.api('/checkouts', json(h.request('replay-1', { webhookUrl: `${h.receiverOrigin}/hooks/other` })));
    expect(res.status).toBe(409);
  });

  it('when checkouts are created one after the other, then their ids cannot be computed from the key, the amount or a counter without the server\'s secret', async () => {
    const keys = [1, 2, 3].map((n) => `parking-ticket:HA-2026-00000${n}:2500`);
    const ids = await Promise.all(keys.map((key) => h.provider.createCheckout(h.request(key)).then((c) => c.id)));
    for (const id of ids) expect(id).toMatch(/^chk_[0-9a-f]{24}$/);
    expect(new Set(ids.map((id) => id.slice(4, 8))).size).toBe(3);
    // What an attacker who knows the ticket number and the amount (and holds a sandbox key) can
    // compute: unkeyed digests of the key in every plausible spelling, and keyed ones under the
    // sandbox API key. None of them may be the id (it is keyed with the server's own secret).
    keys.forEach((key, i) => {
      const spellings = [key, `key:${key}`, `sandbox checkout id\0${key}`, `sandbox checkout id\0key:${key}`];
      const computable = spellings.flatMap((text) => [
        ...['md5', 'sha1', 'sha256', 'sha512'].map((alg) => createHash(alg).update(text).digest('hex')),
        ...[SANDBOX_KEY, ''].map((secret) => createHmac('sha256', secret).update(text).digest('hex')),
      ]);
      for (const digest of computable) expect(ids[i]!.slice(4)).not.toBe(digest.slice(0, 24));
    });
  });

  it('when someone other than the creator cancels a checkout, then it is refused (403) and the checkout stays payable', async () => {
    const c = await h.provider.createCheckout(h.request('cancel-guard-1'));
    const byAdmin = await anonymous(`/checkouts/${c.id}/cancel`, { method: 'POST', headers: { 'X-Test-Admin': 'mallory' } });
    expect(byAdmin.status).toBe(403);
    // The hosted page's "Abbrechen" only leaves the page.
    await fetch(`${h.origin}/sandbox/payments/checkout/${c.id}/cancel`, { method: 'POST', redirect: 'manual' });
    expect((await h.provider.getCheckout(c.id))?.status).toBe('open');
    expect((await h.provider.cancelCheckout(c.id))?.status).toBe('cancelled');
  });
});
