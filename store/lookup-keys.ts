/**
 * Index documents the data layer keeps for keys other than a record's `_id`: one small
 * document per key, `_id` = "<kind>:<key>", pointing at the record's `_id` (e.g. the workflow
 * ID or an access-code hash of a ticket → its ticket number). FerretDB v1 answers only `_id`
 * equality without decoding every document of a collection, so a per-request look-up by such a
 * key is two `_id` reads instead of a scan. A key is written by insert after its record, so a
 * key that exists points at a complete record; the same key again with the same target is a
 * retry, with another target a bug (thrown).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { racingUpsert } from './racing-upsert';

interface LookupKey { _id: string; ref: string }

const schema = new Schema<LookupKey>({
  _id: { type: String, required: true },
  ref: { type: String, required: true },
}, { collection: 'lookup_keys', versionKey: false });

export function lookupKeys(conn: Connection): Model<LookupKey> {
  return (conn.models.LookupKey as Model<LookupKey> | undefined) ?? conn.model<LookupKey>('LookupKey', schema);
}

export type LookupKind =
  | 'ticket-of-workflow' | 'ticket-of-access-code' | 'ticket-of-letter-code'
  | 'dog-tax-case-of-workflow' | 'dog-tax-registration-of-tag'
  | 'serial-of-owner';

const idOf = (kind: LookupKind, key: string) => `${kind}:${key}`;

/** Points `key` at `ref`; idempotent. `replace`: a key that may move (a tag re-issued) is overwritten. */
export async function putLookupKey(conn: Connection, kind: LookupKind, key: string, ref: string, opts: { replace?: boolean } = {}): Promise<void> {
  const keys = lookupKeys(conn);
  if (opts.replace) {
    await racingUpsert(keys, { _id: idOf(kind, key) }, { $set: { ref } });
    return;
  }
  try {
    await keys.create({ _id: idOf(kind, key), ref });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await keys.findById(idOf(kind, key)).lean();
    if (existing && existing.ref !== ref) throw new Error(`${kind} ${key} already points at ${existing.ref}, not ${ref}`);
  }
}

/** Inserts the key if it is free; answers the target it has now (ours, or the first writer's). */
export async function claimLookupKey(conn: Connection, kind: LookupKind, key: string, ref: string): Promise<string> {
  const keys = lookupKeys(conn);
  try {
    await keys.create({ _id: idOf(kind, key), ref });
    return ref;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return (await keys.findById(idOf(kind, key)).lean())!.ref;
  }
}

export async function lookUpKey(conn: Connection, kind: LookupKind, key: string): Promise<string | null> {
  return (await lookupKeys(conn).findById(idOf(kind, key)).lean())?.ref ?? null;
}

export async function dropLookupKey(conn: Connection, kind: LookupKind, key: string): Promise<void> {
  await lookupKeys(conn).deleteOne({ _id: idOf(kind, key) });
}
