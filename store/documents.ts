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

/** A stored document's bytes: lean reads return BSON Binary, not a Buffer. */
export function documentBytes(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  const binary = data as { buffer?: Uint8Array; value?: () => Uint8Array };
  if (binary?.buffer instanceof Uint8Array) return Buffer.from(binary.buffer);
  throw new Error('stored document has no binary content');
}

/** A stored document with its bytes; null: no such document. */
export interface StoredDocument { id: string; caseNumber: string | null; kind: string; filename: string; contentType: string; data: Buffer }

export async function findDocument(model: ReadModel, id: string): Promise<StoredDocument | null> {
  const doc = await model.documents.findById(id).lean();
  if (!doc) return null;
  return { id: String(doc._id), caseNumber: doc.caseNumber ?? null, kind: doc.kind, filename: doc.filename, contentType: doc.contentType, data: documentBytes(doc.data) };
}

/** The documents of a case (without their bytes), oldest first. */
export async function listCaseDocuments(model: ReadModel, caseNumber: string): Promise<Array<{ id: string; kind: string; filename: string; createdAt: Date }>> {
  const docs = await model.documents.find({ caseNumber }, { kind: 1, filename: 1, createdAt: 1 }).sort({ createdAt: 1 }).lean();
  return docs.map((d) => ({ id: String(d._id), kind: d.kind, filename: d.filename, createdAt: new Date(d.createdAt as Date) }));
}
