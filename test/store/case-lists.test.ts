/** Per-case lists kept as _id-keyed documents (store/case-lists.ts), on the embedded FerretDB, and serial numbers after the older layout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { appendToCaseList, caseList, caseListEntries } from '../../store/case-lists';
import { claimSerialNumber } from '../../store/serial-numbers';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_case_lists')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
});
afterAll(async () => {
  await conn?.close();
});

describe('case lists', () => {
  it('when 20 writers append to one case at once, then every reference is listed once, in slots 1..20', async () => {
    const refs = Array.from({ length: 20 }, (_, i) => `event-${i}`);
    const slots = await Promise.all(refs.map((r) => appendToCaseList(conn, 'audit', 'VG-2026-000001', r)));
    expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await caseList(conn, 'audit', 'VG-2026-000001')).sort()).toEqual([...refs].sort());
    expect(await caseList(conn, 'audit', 'VG-2026-000002')).toEqual([]);
  });

  it('when a reference is appended again (a retried step), then it is listed once; a lagging head still finds every entry', async () => {
    await appendToCaseList(conn, 'documents', 'HST-2026-000001', 'receipt');
    await appendToCaseList(conn, 'documents', 'HST-2026-000001', 'notice');
    await appendToCaseList(conn, 'documents', 'HST-2026-000001', 'receipt');
    expect(await caseList(conn, 'documents', 'HST-2026-000001')).toEqual(['receipt', 'notice']);
    await caseListEntries(conn).updateOne({ _id: 'documents|HST-2026-000001|head' }, { $set: { head: 1 } });
    expect(await caseList(conn, 'documents', 'HST-2026-000001')).toEqual(['receipt', 'notice']);
  });
});

describe('serial numbers after the older layout', () => {
  it('when numbers were issued by the older layout (no _id keys, no head), then the next claim skips them', async () => {
    await model.serialClaims.collection.insertMany([1, 2, 3].map((value) => ({ sequence: 'legacy-2026', value, owner: `old-${value}` })) as never[]);
    expect(await claimSerialNumber(model, 'legacy-2026', 'wf-new')).toBe(4);
    expect(await claimSerialNumber(model, 'legacy-2026', 'wf-new')).toBe(4);
  });
});
