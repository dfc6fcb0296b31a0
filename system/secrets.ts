/** One key per purpose, derived from the payload key (HKDF-SHA256): a leaked purpose key opens nothing else. */
import { hkdfSync } from 'node:crypto';

export function deriveSecret(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `amtsweg:${purpose}`, 32));
}

/**
 * The embedded sandboxes' API key (`Authorization: Bearer …` on /sandbox/*\/api): the adapters
 * of this process send it, `npm start` prints it for a tester. Derived, so it survives a restart
 * and is the same in every process of one data folder; it exists only in embedded mode.
 */
export function sandboxKey(payloadKey: Buffer): string {
  return deriveSecret(payloadKey, 'sandbox-api-key').toString('base64url');
}
