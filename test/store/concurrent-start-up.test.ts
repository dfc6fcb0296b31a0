/**
 * Server and worker start at once on a new database (production: replicas starting together):
 * each prepares the read model (indexes, the session-sweep mark, the staff lists), seeds the
 * built-in forms and the attachment indexes. None of them may fail on the other's writes — in
 * CI the worker exited with E11000 on the session-sweep mark (FerretDB's upsert is find, then
 * insert; store/racing-upsert.ts).
 */
import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { ensureReadModelIndexes } from '../../store/models';
import { FormRegistry } from '../../forms/registry/form-registry';
import { listForms } from '../../forms/registry';
import { MongoAttachmentStore } from '../../store/attachments/mongo-attachment-store';
import { testMongoUri } from '../support/env';

describe('processes starting at once on a new database', () => {
  it('when four processes prepare the same new database at once (5 rounds), then none fails', async () => {
    for (let round = 0; round < 5; round += 1) {
      const uri = testMongoUri(`concurrent_start_up_${round}`);
      const conns = await Promise.all(Array.from({ length: 4 }, () => mongoose.createConnection(uri).asPromise()));
      await conns[0]!.dropDatabase();
      const outcomes = await Promise.allSettled(conns.map(async (c) => {
        await ensureReadModelIndexes(c);
        await new FormRegistry(c).seedBuiltIns(listForms());
        await new MongoAttachmentStore(c).ensureIndexes();
      }));
      const failed = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason));
      await Promise.all(conns.map((c) => c.close()));
      expect(failed).toEqual([]);
    }
  }, 120_000);
});
