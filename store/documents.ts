import { createHash, randomUUID } from 'node:crypto';
import type { ReadModel } from './models';

export interface NewDocument { id?: string; caseNumber: string; kind: string; filename: string; contentType: string; data: Buffer }

/** Stores a generated document; the id may be derived from the case so a retry overwrites nothing. */
export async function storeDocument(model: ReadModel, doc: NewDocument): Promise<string> {
  const id = doc.id ?? randomUUID();
  const sha256 = createHash('sha256').update(doc.data).digest('hex');
  await model.documents.updateOne(
    { _id: id },
    { $setOnInsert: { caseNumber: doc.caseNumber, kind: doc.kind, filename: doc.filename, contentType: doc.contentType, sha256, data: doc.data } },
    { upsert: true },
  );
  return id;
}

/**
 * Issues the next number of a sequence to `owner` (e.g. a workflow ID): the same owner always
 * gets the same number. Numbers are claimed by inserting against a unique index, because a
 * conditional update or $inc is not atomic under concurrency on FerretDB.
 */
export async function claimSerial(model: ReadModel, sequence: string, owner: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mine = await model.serialClaims.findOne({ sequence, owner }).lean();
    if (mine) return mine.value;
    const last = await model.serialClaims.findOne({ sequence }).sort({ value: -1 }).lean();
    try {
      await model.serialClaims.create({ sequence, value: (last?.value ?? 0) + 1, owner });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      // Someone else took that number (or this owner raced itself): look again.
    }
  }
  throw new Error(`could not claim a number of ${sequence}`);
}

/** A stored document's bytes: lean reads return BSON Binary, not a Buffer. */
export function documentBytes(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary?.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  throw new Error('stored document has no binary content');
}
