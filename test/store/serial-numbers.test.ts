/** Ticket numbers under concurrency, on the embedded FerretDB (where $inc is not atomic). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { claimSerialNumber } from '../../store/serial-numbers';
import { testMongoUri } from '../support/env';

let conn: Connection;
let model: ReadModel;
/** Inserts into serial_claims this connection sent (a collision is an insert that did not claim). */
let claimInserts = 0;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_serials'), { monitorCommands: true }).asPromise();
  conn.getClient().on('commandStarted', (e) => { if (e.commandName === 'insert' && e.command.insert === 'serial_claims') claimInserts += 1; });
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

  it('when 30 claims of one process come at once, then each is one insert: no claim collides with another of the same process', async () => {
    claimInserts = 0;
    const numbers = await Promise.all(Array.from({ length: 30 }, (_, i) => claimSerialNumber(model, 'parking-ticket-2028', `wf-burst-${i}`)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(claimInserts).toBe(30);
  });

  it('when two processes claim at once, then every number is issued once and none is skipped', async () => {
    // A second connection stands for a second worker process (its own cursor).
    const other = await mongoose.createConnection(testMongoUri('read_model_serials')).asPromise();
    try {
      const otherModel = readModel(other);
      const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => claimSerialNumber(i % 2 ? model : otherModel, 'parking-ticket-2029', `wf-two-${i}`)));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    } finally {
      await other.close();
    }
  });

  it('when a process restarts, then its numbers continue after the last one issued, without a gap', async () => {
    for (let i = 0; i < 11; i += 1) await claimSerialNumber(model, 'parking-ticket-2030', `wf-before-${i}`);
    const restarted = await mongoose.createConnection(testMongoUri('read_model_serials')).asPromise();
    try {
      expect(await claimSerialNumber(readModel(restarted), 'parking-ticket-2030', 'wf-after-restart')).toBe(12);
    } finally {
      await restarted.close();
    }
  });

  it('when a claim crashed before its owner key was written, then the retry gets the same number and the next owner the next one', async () => {
    await claimSerialNumber(model, 'parking-ticket-2031', 'wf-first');
    // The crash window: the number is claimed, the lookup key "owner → number" not yet written.
    await model.serialClaims.create({ _id: 'parking-ticket-2031:2', sequence: 'parking-ticket-2031', value: 2, owner: 'wf-crashed' });
    const restarted = await mongoose.createConnection(testMongoUri('read_model_serials')).asPromise();
    try {
      const again = readModel(restarted);
      expect(await claimSerialNumber(again, 'parking-ticket-2031', 'wf-crashed')).toBe(2);
      expect(await claimSerialNumber(again, 'parking-ticket-2031', 'wf-next')).toBe(3);
      expect(await claimSerialNumber(again, 'parking-ticket-2031', 'wf-crashed')).toBe(2);
    } finally {
      await restarted.close();
    }
  });
});
