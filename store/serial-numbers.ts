/**
 * An insert-claimed serial number counter: numbers of a sequence (ticket numbers, case
 * numbers, tax tags) are issued by inserting `{ _id: "<sequence>:<value>", owner }`, because a
 * conditional update or `$inc` is not atomic under concurrency on FerretDB v1 and only `_id`
 * look-ups avoid decoding the whole collection. Where to start probing comes from a head
 * document (a hint written with `$max`); which number an owner (e.g. a workflow ID) holds is
 * an `_id`-keyed lookup key, so a retry of the same owner gets the same number back. The
 * unique index on (sequence, owner) stops one owner racing itself to two numbers.
 */
import type { ReadModel } from './models';
import { isDuplicateKey } from './duplicate-key';
import { caseListEntries } from './case-lists';
import { claimLookupKey, lookUpKey } from './lookup-keys';

const headId = (sequence: string) => `serial-head|${sequence}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issues the next number of `sequence` to `owner`; the same owner always gets the same number. */
export async function claimSerialNumber(model: ReadModel, sequence: string, owner: string): Promise<number> {
  const conn = model.serialClaims.db;
  const ownerKey = `${sequence}@${owner}`;
  const heads = caseListEntries(conn);
  for (let round = 0; round < 100; round += 1) {
    const mine = await lookUpKey(conn, 'serial-of-owner', ownerKey);
    if (mine) return Number(mine);
    let value = ((await heads.findById(headId(sequence)).lean())?.head ?? 0) + 1;
    for (;; value += 1) {
      try {
        await model.serialClaims.create({ _id: `${sequence}:${value}`, sequence, value, owner });
        break;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const taken = await model.serialClaims.findById(`${sequence}:${value}`).lean();
        if (taken?.owner === owner) break; // a retry of ours that got this far before
        if (!taken) { value = -1; break; } // this owner holds another number (racing itself): look it up again
      }
    }
    if (value < 0) { await pause(10 + round * 5); continue; }
    await heads.updateOne({ _id: headId(sequence) }, { $max: { head: value } }, { upsert: true });
    return Number(await claimLookupKey(conn, 'serial-of-owner', ownerKey, String(value)));
  }
  throw new Error(`could not claim a number of ${sequence}`);
}
