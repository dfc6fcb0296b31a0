/**
 * An upsert that survives another upsert of the same new `_id` at the same moment. FerretDB v1
 * runs an upsert as "find, then insert": two at once for an `_id` that does not exist yet both
 * find nothing, both insert, and one fails with E11000 (seen in CI: two evidence files linked
 * to one case at once, both writing the head of its attachment list). The document exists
 * then, so the same upsert once more updates it — `$setOnInsert` does nothing, `$set`/`$max`
 * apply. A duplicate key that stays (another unique index) is thrown as before.
 */
import { isDuplicateKey } from './duplicate-key';

interface UpdatesOne { updateOne(filter: never, update: never, options: { upsert: true }): PromiseLike<unknown> }

const TRIES = 3;

export async function racingUpsert(coll: UpdatesOne, filter: object, update: object): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await coll.updateOne(filter as never, update as never, { upsert: true });
      return;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= TRIES) throw error;
    }
  }
}
