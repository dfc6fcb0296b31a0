/**
 * Documents listed under their case at once and rendered on their first read
 * (store/documents.ts; the parking ticket's notice card, issue 11), on the embedded FerretDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { findDocument, listCaseDocuments, listDocumentToRender, renderOnFirstRead, storeDocument } from '../../store/documents';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;
const rendered: string[] = [];

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_documents_on_read')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
  renderOnFirstRead(model, 'test_card', async ({ caseNumber }) => {
    rendered.push(caseNumber);
    await new Promise((r) => setTimeout(r, 50)); // long enough for two first reads to overlap
    return Buffer.from(`%PDF- card of ${caseNumber}`);
  });
});
afterAll(async () => {
  await conn?.close();
});

const card = (caseNumber: string) => ({ id: `card-${caseNumber}`, caseNumber, kind: 'test_card', filename: `Card-${caseNumber}.pdf`, contentType: 'application/pdf' });

describe('a document rendered on its first read', () => {
  it('when a new case lists it, then the case shows it at once; the first read renders and stores it, later reads use the stored bytes', async () => {
    await listDocumentToRender(model, card('VG-2026-000001'), { newCase: true });
    expect((await model.documents.findById('card-VG-2026-000001').lean())?.data).toBeUndefined();
    expect((await listCaseDocuments(model, 'VG-2026-000001')).map((d) => [d.id, d.kind, d.filename]))
      .toEqual([['card-VG-2026-000001', 'test_card', 'Card-VG-2026-000001.pdf']]);

    const first = await findDocument(model, 'card-VG-2026-000001');
    expect(first?.data.toString()).toBe('%PDF- card of VG-2026-000001');
    const stored = await model.documents.findById('card-VG-2026-000001').lean();
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await findDocument(model, 'card-VG-2026-000001');
    expect(again?.data.equals(first!.data)).toBe(true);
    expect(rendered.filter((c) => c === 'VG-2026-000001')).toHaveLength(1);
  });

  it('when the registration is retried, then the document is listed once; a later document of the case is listed after it', async () => {
    await listDocumentToRender(model, card('VG-2026-000002'), { newCase: true });
    await listDocumentToRender(model, card('VG-2026-000002'), { newCase: true });
    await storeDocument(model, { id: 'letter-VG-2026-000002', caseNumber: 'VG-2026-000002', kind: 'warning_letter', filename: 'Letter.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF- letter') });
    expect((await listCaseDocuments(model, 'VG-2026-000002')).map((d) => d.id)).toEqual(['card-VG-2026-000002', 'letter-VG-2026-000002']);
  });

  it('when two people open it first at the same moment, then both get the same bytes', async () => {
    await listDocumentToRender(model, card('VG-2026-000003'), { newCase: true });
    const [a, b] = await Promise.all([findDocument(model, 'card-VG-2026-000003'), findDocument(model, 'card-VG-2026-000003')]);
    expect(a?.data.equals(b!.data)).toBe(true);
    expect((await findDocument(model, 'card-VG-2026-000003'))?.data.equals(a!.data)).toBe(true);
  });

  it('when no renderer is registered for its kind (another process, a kind without one), then it reads as not found, not as a broken file', async () => {
    await listDocumentToRender(model, { ...card('VG-2026-000004'), kind: 'unknown_card' }, { newCase: true });
    expect(await findDocument(model, 'card-VG-2026-000004')).toBeNull();
  });
});
