/**
 * Saved form drafts (collection `form_drafts`). The partial form data is personal, so it is
 * stored encrypted with AES-256-GCM under a key derived from the payload key; the draft ID and
 * form are bound in as associated data, so a ciphertext copied into another document does not
 * decrypt. The e-mail address is not stored at all (only the workflow input holds it), nor is
 * the resume token (it is derived by HMAC from the draft ID, see draft-link.ts). Expiry is the
 * draft-expiry workflow's timer: FerretDB has no TTL indexes.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

interface DraftDoc {
  _id: string;
  formId: string;
  formVersion: number;
  /** iv (12) | ciphertext | tag (16) of the JSON of the data. */
  data: Buffer;
  keyId: string;
  expiresAt: Date;
  createdAt?: Date;
}

const draftSchema = new Schema<DraftDoc>({
  _id: { type: String, required: true },
  formId: { type: String, required: true },
  formVersion: { type: Number, required: true },
  data: { type: Buffer, required: true },
  keyId: { type: String, required: true },
  expiresAt: { type: Date, required: true },
}, { collection: 'form_drafts', versionKey: false, timestamps: { createdAt: true, updatedAt: false } });

export interface Draft { draftId: string; formId: string; formVersion: number; data: Record<string, unknown>; expiresAt: Date }

export class DraftStore {
  readonly drafts: Model<DraftDoc>;
  private readonly keyId: string;

  /** `key`: 32 bytes, e.g. deriveSecret(payloadKey, 'form-draft-data'). */
  constructor(conn: Connection, private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('draft data key must be 32 bytes');
    this.drafts = (conn.models.FormDraft as Model<DraftDoc> | undefined) ?? conn.model<DraftDoc>('FormDraft', draftSchema);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  private aad(draftId: string, formId: string, formVersion: number): Buffer {
    return Buffer.from(`form-draft:${draftId}:${formId}:${formVersion}`);
  }

  async create(draft: Draft): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(this.aad(draft.draftId, draft.formId, draft.formVersion));
    const data = Buffer.concat([iv, cipher.update(JSON.stringify(draft.data), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    await this.drafts.create({ _id: draft.draftId, formId: draft.formId, formVersion: draft.formVersion, data, keyId: this.keyId, expiresAt: draft.expiresAt });
  }

  /** The draft with its data decrypted, or null when there is none (deleted, never saved). */
  async find(draftId: string): Promise<Draft | null> {
    const doc = await this.drafts.findById(draftId).lean<DraftDoc>();
    if (!doc) return null;
    if (doc.keyId !== this.keyId) throw new Error(`draft ${draftId} was encrypted with unknown key ${doc.keyId}`);
    // lean() hands out BSON Binary, not Buffer.
    const stored = doc.data as unknown as Buffer | { buffer: Uint8Array };
    const raw = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer);
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12)).setAAD(this.aad(doc._id, doc.formId, doc.formVersion));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
    return { draftId: doc._id, formId: doc.formId, formVersion: doc.formVersion, data: JSON.parse(plain) as Record<string, unknown>, expiresAt: new Date(doc.expiresAt) };
  }

  /** Idempotent: deleting a deleted draft is fine (the API and the workflow both delete). */
  async delete(draftId: string): Promise<boolean> {
    return (await this.drafts.deleteOne({ _id: draftId })).deletedCount > 0;
  }
}
