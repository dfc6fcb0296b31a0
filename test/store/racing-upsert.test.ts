/**
 * FerretDB v1 runs an upsert as "find, then insert": upserts of one new `_id` at the same moment
 * fail with E11000 (CI: two evidence files linked to one case at once). `racingUpsert` (store/
 * racing-upsert.ts) lets every one of them land; checked from eight connections at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { racingUpsert } from '../../store/racing-upsert';
import { appendToCaseList, caseList } from '../../store/case-lists';
import { testMongoUri } from '../support/env';

const CONNECTIONS = 8;
const ROUNDS = 10;
let conns: Connection[] = [];

beforeAll(async () => {
  conns = await Promise.all(Array.from({ length: CONNECTIONS }, () => mongoose.createConnection(testMongoUri('store_racing_upsert')).asPromise()));
  await conns[0]!.dropDatabase();
});
afterAll(async () => {
  await Promise.all(conns.map((c) => c.close()));
});

describe('racing upserts', () => {
  it(`when ${CONNECTIONS} connections upsert one new _id at once (${ROUNDS} rounds, $max and $setOnInsert), then none fails and one document holds a value ($max itself is not atomic on FerretDB v1: the head is a hint)`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const id = `head-${round}`;
      const outcomes = await Promise.allSettled(conns.map((c, i) => racingUpsert(c.collection('heads'), { _id: id }, { $max: { head: i + 1 }, $setOnInsert: { createdBy: 'first' } })));
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
      const doc = await conns[0]!.collection('heads').findOne({ _id: id as never });
      expect(doc).toMatchObject({ createdBy: 'first' });
      expect(doc!.head).toBeGreaterThanOrEqual(1);
    }
  });

  it(`when ${CONNECTIONS} connections append to a new case list at once (${ROUNDS} cases), then every reference is listed once`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const caseKey = `ATT-${round}`;
      const outcomes = await Promise.allSettled(conns.map((c, i) => appendToCaseList(c, 'attachments', caseKey, `evidence-${i}`)));
      expect(outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);
      expect((await caseList(conns[0]!, 'attachments', caseKey)).sort()).toEqual(conns.map((_, i) => `evidence-${i}`).sort());
    }
  });
});
