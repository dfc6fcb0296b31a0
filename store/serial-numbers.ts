/**
 * An insert-claimed serial number counter: numbers of a sequence (ticket numbers, case
 * numbers, tax tags) are issued by inserting `{ sequence, value, owner }` against a unique
 * index on (sequence, value), because a conditional update or `$inc` is not atomic under
 * concurrency on FerretDB v1. A second unique index on (sequence, owner) makes a retry of the
 * same owner (e.g. a workflow ID) get the same number back.
 */
import type { ReadModel } from './models';
import { isDuplicateKey } from './duplicate-key';

/** Issues the next number of `sequence` to `owner`; the same owner always gets the same number. */
export async function claimSerialNumber(model: ReadModel, sequence: string, owner: string): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const mine = await model.serialClaims.findOne({ sequence, owner }).lean();
    if (mine) return mine.value;
    const last = await model.serialClaims.findOne({ sequence }).sort({ value: -1 }).lean();
    try {
      await model.serialClaims.create({ sequence, value: (last?.value ?? 0) + 1, owner });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Someone else took that number (or this owner raced itself): look again.
    }
  }
  throw new Error(`could not claim a number of ${sequence}`);
}
