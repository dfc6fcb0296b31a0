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

/** Issues the next number of `sequence` to `owner`; the same owner always gets the same number. */
export async function claimSerialNumber(model: ReadModel, sequence: string, owner: string): Promise<number> {
  const conn = model.serialClaims.db;
  const ownerKey = `${sequence}@${owner}`;
  const heads = caseListEntries(conn);
  const mine = await lookUpKey(conn, 'serial-of-owner', ownerKey);
  if (mine) return Number(mine);
  const head = (await heads.findById(headId(sequence)).lean())?.head ?? 0;
  for (let value = head + 1; value <= head + 1_000_000; value += 1) {
    try {
      await model.serialClaims.create({ _id: `${sequence}:${value}`, sequence, value, owner });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const taken = await model.serialClaims.findById(`${sequence}:${value}`).lean();
      if (taken && taken.owner !== owner) continue; // someone else's number: the next one
      if (!taken) {
        // Not by `_id`: either this owner holds another number (a retry racing itself: its key
        // appears as soon as that claim finishes) or a number written by the older layout.
        const held = await lookUpKey(conn, 'serial-of-owner', ownerKey);
        if (held) return Number(held);
        continue;
      }
    }
    await heads.updateOne({ _id: headId(sequence) }, { $max: { head: value } }, { upsert: true });
    return Number(await claimLookupKey(conn, 'serial-of-owner', ownerKey, String(value)));
  }
  throw new Error(`could not claim a number of ${sequence}`);
}
