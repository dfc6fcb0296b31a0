import { createHash, randomUUID } from 'node:crypto';
import type { ReadModel } from './models';
import { appendToCaseList, caseList } from './case-lists';

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
  // Listed under its case by `_id` (store/case-lists.ts): the status page reads a case's documents without a scan.
  if (doc.caseNumber) await appendToCaseList(model.documents.db, 'documents', doc.caseNumber, id);
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
  const ids = await caseList(model.documents.db, 'documents', caseNumber);
  const found = await Promise.all(ids.map((id) => model.documents.findById(id, { kind: 1, filename: 1, createdAt: 1, caseNumber: 1 }).lean()));
  const docs = found.filter((d): d is NonNullable<typeof d> => d !== null && d.caseNumber === caseNumber)
    .sort((a, b) => new Date(a.createdAt as Date).getTime() - new Date(b.createdAt as Date).getTime());
  return docs.map((d) => ({ id: String(d._id), kind: d.kind, filename: d.filename, createdAt: new Date(d.createdAt as Date) }));
}
