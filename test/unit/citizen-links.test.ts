/** The citizen side's secrets: two codes per ticket, keyed hashes, link tokens in the fragment, replaceable and expiring status links. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveAccessCode, deriveAnswererToken, deriveLetterCode, hashAccessCode, normalizeAccessCode } from '../../domain/parking-ticket/access-code';
import { STATUS_LINK_RETENTION_DAYS, deriveStatusToken, statusLinkExpired, statusTokenMatches, statusUrl } from '../../domain/cases/status-link';
import { draftResumeUrl } from '../../domain/drafts/draft-link';

const secret = Buffer.alloc(32, 7);
const DAY = 86_400_000;

describe('ticket codes', () => {
  it("the letter's code is not the card's, and neither can be computed from the other or from the workflow ID without the key", () => {
    const card = deriveAccessCode(secret, 'parking-ticket-abc');
    const letter = deriveLetterCode(secret, 'parking-ticket-abc');
    expect(card).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(letter).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(letter).not.toBe(card);
    expect(deriveLetterCode(Buffer.alloc(32, 8), 'parking-ticket-abc')).not.toBe(letter);
    expect(deriveAnswererToken(secret, 'parking-ticket-abc')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('the stored hash is keyed (HMAC): not the plain SHA-256 of the code, another key gives another hash; typing variants hash alike', () => {
    const code = deriveAccessCode(secret, 'parking-ticket-abc');
    const stored = hashAccessCode(secret, code);
    expect(stored).not.toBe(createHash('sha256').update(normalizeAccessCode(code)).digest('hex'));
    expect(hashAccessCode(Buffer.alloc(32, 9), code)).not.toBe(stored);
    expect(hashAccessCode(secret, code.toLowerCase().replace(/-/g, ' '))).toBe(stored);
  });
});

describe('status and draft links', () => {
  it('carry their token in the fragment, never in the query', () => {
    expect(statusUrl('https://amtsweg.example', 'HST-2026-000001', 'tok')).toBe('https://amtsweg.example/vorgang/HST-2026-000001#tok');
    expect(draftResumeUrl('https://amtsweg.example', 'dog-tax-registration', 'd-1', 'tok')).toBe('https://amtsweg.example/formulare/dog-tax-registration#entwurf=d-1.tok');
  });

  it('a replaced status link (a new revision) no longer matches; the new one does', () => {
    const original = deriveStatusToken(secret, 'wf-1');
    const replaced = deriveStatusToken(secret, 'wf-1', 'rev-a');
    expect(replaced).not.toBe(original);
    expect(statusTokenMatches(secret, 'wf-1', original, 'rev-a')).toBe(false);
    expect(statusTokenMatches(secret, 'wf-1', replaced, 'rev-a')).toBe(true);
    expect(statusTokenMatches(secret, 'wf-1', original)).toBe(true);
  });

  it(`a status link expires ${STATUS_LINK_RETENTION_DAYS} days after the case last changed`, () => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(statusLinkExpired(changed, changed.getTime() + STATUS_LINK_RETENTION_DAYS * DAY - 1)).toBe(false);
    expect(statusLinkExpired(changed, changed.getTime() + STATUS_LINK_RETENTION_DAYS * DAY)).toBe(true);
  });
});
