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

/** Allocates the next number of a sequence atomically (gaps after a crash are acceptable). */
export async function nextSequenceValue(model: ReadModel, sequence: string): Promise<number> {
  const doc = await model.counters.findOneAndUpdate({ _id: sequence }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
  return doc!.value!;
}

/** A stored document's bytes: lean reads return BSON Binary, not a Buffer. */
export function documentBytes(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary?.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  throw new Error('stored document has no binary content');
}
