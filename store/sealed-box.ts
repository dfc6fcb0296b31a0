/**
 * Encryption at rest for personal data in the read model, the same construction as the form
 * drafts (store/drafts/draft-store.ts): AES-256-GCM under a key derived from the payload key
 * (system/secrets.ts `deriveSecret`), a fresh 12-byte IV per value, the key's id stored beside
 * the ciphertext (key rotation), and associated data that binds the ciphertext to its document
 * and field — copied into another document or field it does not decrypt.
 *
 * Stored form: `{ v: 1, k: <key id>, d: <iv | ciphertext | tag> }` (a Binary in the database).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SealedValue { v: 1; k: string; d: Buffer }

export const isSealed = (value: unknown): value is SealedValue =>
  typeof value === 'object' && value !== null && (value as { v?: unknown }).v === 1 && typeof (value as { k?: unknown }).k === 'string'
  && (value as { d?: unknown }).d !== undefined;

/** lean() hands out BSON Binary, not Buffer. */
const bytes = (stored: unknown): Buffer => {
  if (Buffer.isBuffer(stored)) return stored;
  const binary = stored as { buffer?: Uint8Array };
  if (binary?.buffer) return Buffer.from(binary.buffer);
  throw new Error('sealed value has no bytes');
};

export class SealedBox {
  readonly keyId: string;

  /** `key`: 32 bytes, e.g. deriveSecret(payloadKey, 'dog-tax-submission'). */
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('sealing key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  /** Encrypts the JSON of `value`, bound to `context` (e.g. `dog-tax-case:<case number>:submission`). */
  seal(value: unknown, context: string): SealedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(context));
    const d = Buffer.concat([iv, cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { v: 1, k: this.keyId, d };
  }

  /** The value `seal` was given; throws on another key, another context or a changed byte. */
  open<T = unknown>(sealed: SealedValue, context: string): T {
    // The error names no value, only which key: it may end up in a log.
    if (sealed.k !== this.keyId) throw new Error(`sealed value was encrypted with unknown key ${sealed.k}`);
    const raw = bytes(sealed.d);
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12)).setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')) as T;
  }

  /** For values written before encryption at rest: sealed ones are opened, plain ones pass. */
  openOrPlain<T = unknown>(value: unknown, context: string): T {
    return isSealed(value) ? this.open<T>(value, context) : value as T;
  }
}

/**
 * The read model's box for personal data, per database connection: set once by the composition
 * root (system/system.ts) with a key derived from the payload key. A connection without one
 * (a test harness of a single store function) stores and reads plain values.
 */
const boxes = new WeakMap<object, SealedBox>();

export function sealPersonalData(conn: object, key: Buffer): void {
  boxes.set(conn, new SealedBox(key));
}

export const personalDataBox = (conn: object): SealedBox | undefined => boxes.get(conn);

/** Seals `value` for the field `context` when the connection has a box; else the value as it is. */
export function sealField(conn: object, value: unknown, context: string): unknown {
  const box = boxes.get(conn);
  return box ? box.seal(value, context) : value;
}

/** The field's value: opened when sealed (throws without the box), as it is when stored plain (before sealing existed). */
export function openField<T>(conn: object, value: unknown, context: string): T {
  if (!isSealed(value)) return value as T;
  const box = boxes.get(conn);
  if (!box) throw new Error('sealed read-model field, but no key for this connection');
  return box.open<T>(value, context);
}
