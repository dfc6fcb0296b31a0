/** One key per purpose, derived from the payload key (HKDF-SHA256): a leaked purpose key opens nothing else. */
import { hkdfSync } from 'node:crypto';

export function deriveSecret(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `amtsweg:${purpose}`, 32));
}
