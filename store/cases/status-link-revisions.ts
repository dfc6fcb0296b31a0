/**
 * The revision of a case's status link: absent until the citizen replaces the link, then a
 * random value the token is derived with (domain/cases/status-link.ts), so every earlier link
 * stops working. One document per case, read by `_id`; the last replacement wins.
 */
import { randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { racingUpsert } from '../racing-upsert';

interface RevisionDoc { _id: string; revision: string; at: Date }

function revisions(conn: Connection): Model<RevisionDoc> {
  return ((conn.models.StatusLinkRevision as unknown) ?? conn.model('StatusLinkRevision',
    new Schema({ _id: String, revision: String, at: Date }, { collection: 'status_link_revisions', versionKey: false }))) as Model<RevisionDoc>;
}

export async function statusLinkRevision(conn: Connection, caseNumber: string): Promise<string | undefined> {
  return (await revisions(conn).findById(caseNumber).lean<RevisionDoc>())?.revision;
}

/** A new revision: the case's earlier links are dead. */
export async function replaceStatusLinkRevision(conn: Connection, caseNumber: string): Promise<string> {
  const revision = randomBytes(9).toString('base64url');
  await racingUpsert(revisions(conn), { _id: caseNumber }, { $set: { revision, at: new Date() } });
  return revision;
}
