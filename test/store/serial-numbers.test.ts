/** Ticket numbers under concurrency, on the embedded FerretDB (where $inc is not atomic). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { claimSerialNumber } from '../../store/serial-numbers';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_serials')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
});
afterAll(async () => {
  await conn?.close();
});

describe('claimSerialNumber', () => {
  it('when 20 owners claim at once, then each gets its own number and none is skipped', async () => {
    const owners = Array.from({ length: 20 }, (_, i) => `wf-${i}`);
    const numbers = await Promise.all(owners.map((o) => claimSerialNumber(model, 'parking-ticket-2026', o)));
    expect(new Set(numbers).size).toBe(20);
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('when the same owner claims again (a retried activity), then it gets the same number', async () => {
    const first = await claimSerialNumber(model, 'parking-ticket-2027', 'wf-retry');
    const again = await Promise.all([claimSerialNumber(model, 'parking-ticket-2027', 'wf-retry'), claimSerialNumber(model, 'parking-ticket-2027', 'wf-retry')]);
    expect(again).toEqual([first, first]);
    expect(await model.serialClaims.countDocuments({ sequence: 'parking-ticket-2027' })).toBe(1);
  });
});
