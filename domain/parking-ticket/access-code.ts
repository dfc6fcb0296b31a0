/**
 * The two codes of a parking ticket, both derived by HMAC from the ticket's workflow ID (a
 * retried activity recomputes the same code; only keyed hashes are stored):
 *
 * - the **ticket code** printed on the card on the windscreen. Anyone next to the car can read
 *   it (and the plate), so with the plate it opens the ticket only for paying;
 * - the **letter code** printed only in the hearing letter posted to the vehicle's holder. With
 *   the plate it opens the whole case: answering the hearing, objecting, reading notices (which
 *   can carry the holder's name and address).
 *
 * The stored hash is an HMAC with a server key (from system/secrets.ts): a copy of the
 * database alone does not let anyone test the 60-bit codes offline.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

/** What a code opens: `pay` (the card) or `case` (the letter, or the link sent to whoever answered). */
export type CodeScope = 'pay' | 'case';

function codeOf(secret: Buffer, label: string): string {
  const mac = createHmac('sha256', secret).update(label).digest();
  let bits = 0n;
  for (const byte of mac.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i += 1) code += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`; // 60 bits
}

/** The ticket code on the card. */
export function deriveAccessCode(secret: Buffer, workflowId: string): string {
  return codeOf(secret, `access-code:${workflowId}`);
}

/** The code in the posted hearing letter (never on the card, never shown to staff in the portal). */
export function deriveLetterCode(secret: Buffer, workflowId: string): string {
  return codeOf(secret, `letter-code:${workflowId}`);
}

/** Accepts what a person types: any case, spaces or hyphens, O for 0 and I/L for 1. */
export function normalizeAccessCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8, 12)}` : plain;
}

/** The stored form of either code: HMAC-SHA256 under the code secret, with its own label. */
export function hashAccessCode(secret: Buffer, code: string): string {
  return createHmac('sha256', secret).update(`code-hash:${normalizeAccessCode(code)}`).digest('hex');
}

/**
 * The link token sent to the address given in the hearing answer: it opens the case like the
 * letter code (128 bits, derived, so the mail activity recomputes it on a retry).
 */
export function deriveAnswererToken(secret: Buffer, workflowId: string): string {
  return createHmac('sha256', secret).update(`hearing-answerer:${workflowId}`).digest().subarray(0, 16).toString('base64url');
}
