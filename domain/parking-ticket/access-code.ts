/**
 * The ticket code printed on the card: the secret that, together with the plate, opens the
 * citizen portal. Derived by HMAC from the workflow ID, so a retried activity recomputes the
 * same code; only its hash is stored.
 */
import { createHash, createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

export function deriveAccessCode(secret: Buffer, workflowId: string): string {
  const mac = createHmac('sha256', secret).update(`access-code:${workflowId}`).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i += 1) code += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`; // 60 bits
}

/** Accepts what a person types: any case, spaces or hyphens, O for 0 and I/L for 1. */
export function normalizeAccessCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(normalizeAccessCode(code)).digest('hex');
}
