import { createHash, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { ReadModel } from './models';
import { appendToCaseList, caseList, startCaseList } from './case-lists';
import { isDuplicateKey } from './duplicate-key';
import { racingUpsert } from './racing-upsert';

export interface NewDocument { id?: string; caseNumber: string; kind: string; filename: string; contentType: string; data: Buffer }

/** Stores a generated document; the id may be derived from the case so a retry overwrites nothing. */
export async function storeDocument(model: ReadModel, doc: NewDocument): Promise<string> {
  const id = doc.id ?? randomUUID();
  const sha256 = createHash('sha256').update(doc.data).digest('hex');
  await racingUpsert(model.documents, { _id: id },
    { $setOnInsert: { caseNumber: doc.caseNumber, kind: doc.kind, filename: doc.filename, contentType: doc.contentType, sha256, data: doc.data } });
  // Listed under its case by `_id` (store/case-lists.ts): the status page reads a case's documents without a scan.
  if (doc.caseNumber) await appendToCaseList(model.documents.db, 'documents', doc.caseNumber, id);
  return id;
}

/**
 * Documents rendered when first opened: a case lists the document from the start (kind,
 * filename), its bytes are rendered by the renderer registered for its kind on the first read
 * and stored then (the notice card of a parking ticket: most are printed on the warden's
 * device once, and rendering each at recording cost more CPU than the rest of recording a
 * ticket, issue 11). Renderers must be deterministic (same bytes on every call), so two first
 * reads at once store the same document.
 */
export type DocumentRenderer = (doc: { id: string; caseNumber: string }) => Promise<Buffer>;
const renderers = new WeakMap<Connection, Map<string, DocumentRenderer>>();

/** Registers how documents of `kind` are rendered on their first read (once per process and database connection). */
export function renderOnFirstRead(model: ReadModel, kind: string, render: DocumentRenderer): void {
  const conn = model.documents.db;
  if (!renderers.has(conn)) renderers.set(conn, new Map());
  renderers.get(conn)!.set(kind, render);
}

/**
 * Lists a document under its case without its bytes (rendered on first read). `newCase`: the
 * case has no documents yet (it is being registered), so listing it is one insert.
 */
export async function listDocumentToRender(model: ReadModel, doc: Omit<NewDocument, 'data'> & { id: string }, opts: { newCase?: boolean } = {}): Promise<string> {
  const now = new Date();
  try {
    // The raw collection: the schema requires bytes, which this document gets on its first read.
    await model.documents.collection.insertOne({ _id: doc.id as never, caseNumber: doc.caseNumber, kind: doc.kind, filename: doc.filename, contentType: doc.contentType, createdAt: now, updatedAt: now });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // a retry: listed already
  }
  if (opts.newCase) await startCaseList(model.documents.db, 'documents', doc.caseNumber, doc.id);
  else await appendToCaseList(model.documents.db, 'documents', doc.caseNumber, doc.id);
  return doc.id;
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
  let data: Buffer;
  if (doc.data === undefined || doc.data === null) {
    // Listed, not yet rendered: rendered now, stored for every later read.
    const render = renderers.get(model.documents.db)?.get(doc.kind);
    if (!render || !doc.caseNumber) return null;
    data = await render({ id, caseNumber: doc.caseNumber });
    const sha256 = createHash('sha256').update(data).digest('hex');
    await model.documents.updateOne({ _id: id }, { $set: { data, sha256 } });
  } else {
    data = documentBytes(doc.data);
  }
  return { id: String(doc._id), caseNumber: doc.caseNumber ?? null, kind: doc.kind, filename: doc.filename, contentType: doc.contentType, data };
}

/** The documents of a case (without their bytes), oldest first. */
export async function listCaseDocuments(model: ReadModel, caseNumber: string): Promise<Array<{ id: string; kind: string; filename: string; createdAt: Date }>> {
  const ids = await caseList(model.documents.db, 'documents', caseNumber);
  const found = await Promise.all(ids.map((id) => model.documents.findById(id, { kind: 1, filename: 1, createdAt: 1, caseNumber: 1 }).lean()));
  const docs = found.filter((d): d is NonNullable<typeof d> => d !== null && d.caseNumber === caseNumber)
    .sort((a, b) => new Date(a.createdAt as Date).getTime() - new Date(b.createdAt as Date).getTime());
  return docs.map((d) => ({ id: String(d._id), kind: d.kind, filename: d.filename, createdAt: new Date(d.createdAt as Date) }));
}
