/**
 * Per-case ordered lists kept as `_id`-keyed documents: entry n of list L of case C is the
 * document `_id` = "L|C|n" holding a reference (the `_id` of an audit event, a document, a
 * payment). FerretDB v1 answers only `_id` equality without decoding the whole collection,
 * so "the audit trail of this case" is a handful of `_id` reads instead of a scan over every
 * event ever stored. Entries are claimed by insert against `_id` (the one operation that is
 * atomic under concurrency on FerretDB v1): a claimer probes n = head+1, head+2, … and takes
 * the first free slot, so slots stay contiguous from 1. The head document is only a hint
 * (written with `$max`, which may lose under concurrency; the probe corrects it). A retry may
 * append a reference twice (crash between two steps): readers drop repeats, first one wins.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key';
import { racingUpsert } from './racing-upsert';

interface CaseListEntry { _id: string; ref?: string; head?: number }

const schema = new Schema<CaseListEntry>({
  _id: { type: String, required: true },
  ref: String,
  head: Number,
}, { collection: 'case_lists', versionKey: false });

export function caseListEntries(conn: Connection): Model<CaseListEntry> {
  return (conn.models.CaseListEntry as Model<CaseListEntry> | undefined) ?? conn.model<CaseListEntry>('CaseListEntry', schema);
}

export type CaseListName = 'audit' | 'documents' | 'attachments' | 'payments' | 'dogs-of-resident'
  /** Staff sessions by the hour they expire and by account (server/security/sessions.ts): swept and ended by `_id`. */
  | 'staff-sessions';

const slotId = (list: CaseListName, caseKey: string, n: number) => `${list}|${caseKey}|${n}`;
const headId = (list: CaseListName, caseKey: string) => `${list}|${caseKey}|head`;

/** Appends `ref` to the case's list; answers its slot (1-based). */
export async function appendToCaseList(conn: Connection, list: CaseListName, caseKey: string, ref: string): Promise<number> {
  const entries = caseListEntries(conn);
  const head = (await entries.findById(headId(list, caseKey)).lean())?.head ?? 0;
  for (let n = head + 1; n < head + 10_000; n += 1) {
    try {
      await entries.create({ _id: slotId(list, caseKey, n), ref });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      continue;
    }
    await racingUpsert(entries, { _id: headId(list, caseKey) }, { $max: { head: n } });
    return n;
  }
  throw new Error(`could not append to ${list} of ${caseKey}`);
}

/**
 * Starts the list of a case that has none yet (a case being registered) with `ref`: one insert
 * into slot 1, no head (readers probe past a missing head). Should the slot hold another
 * reference already, `ref` is appended the usual way.
 */
export async function startCaseList(conn: Connection, list: CaseListName, caseKey: string, ref: string): Promise<void> {
  const entries = caseListEntries(conn);
  try {
    await entries.create({ _id: slotId(list, caseKey, 1), ref });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if ((await entries.findById(slotId(list, caseKey, 1)).lean())?.ref !== ref) await appendToCaseList(conn, list, caseKey, ref);
  }
}

/** The references of the case's list in the order they were appended, repeats dropped. */
export async function caseList(conn: Connection, list: CaseListName, caseKey: string): Promise<string[]> {
  const entries = caseListEntries(conn);
  const head = (await entries.findById(headId(list, caseKey)).lean())?.head ?? 0;
  const found = await Promise.all(Array.from({ length: head }, (_, i) => entries.findById(slotId(list, caseKey, i + 1)).lean()));
  const refs = found.map((e) => e?.ref).filter((r): r is string => typeof r === 'string');
  // The head may lag behind the last claimed slot (a lost `$max`, or a claimer between its two writes).
  for (let n = head + 1; ; n += 1) {
    const next = await entries.findById(slotId(list, caseKey, n)).lean();
    if (!next?.ref) break;
    refs.push(next.ref);
  }
  return [...new Set(refs)];
}

/** Deletes a whole list (its slots and head) by `_id`: for lists that are used up (an hour's expired sessions). */
export async function dropCaseList(conn: Connection, list: CaseListName, caseKey: string): Promise<void> {
  const entries = caseListEntries(conn);
  const head = (await entries.findById(headId(list, caseKey)).lean())?.head ?? 0;
  for (let n = 1; ; n += 1) {
    const gone = await entries.deleteOne({ _id: slotId(list, caseKey, n) });
    if (gone.deletedCount === 0 && n > head) break;
  }
  await entries.deleteOne({ _id: headId(list, caseKey) });
}
