/**
 * AttachmentStore on MongoDB/FerretDB: one document per attachment with the bytes as Binary
 * (the size limit of 10 MB keeps it under the 16 MB document limit) and one `attachment_links`
 * document per claimed attachment. Claims are inserts against the unique `_id`: FerretDB's
 * conditional updates are not atomic under concurrency, inserts are.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { documentBytes } from '../documents';
import { CLEANUP_OWNER, type AttachmentInfo, type AttachmentStore, type AttachmentType } from './attachment-store';
import { appendToCaseList, caseList } from '../case-lists';

const attachmentSchema = new Schema({
  _id: { type: String, required: true },
  filename: { type: String, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true },
  sha256: { type: String, required: true },
  createdAt: { type: Date, required: true, index: true },
  linkedCase: { type: String, default: null, index: true },
  data: { type: Buffer, required: true },
}, { collection: 'attachments', versionKey: false });

const linkSchema = new Schema({
  _id: { type: String, required: true },
  owner: { type: String, required: true },
  claimedAt: { type: Date, required: true },
}, { collection: 'attachment_links', versionKey: false });

interface AttachmentDoc { _id: string; filename: string; contentType: string; size: number; sha256: string; createdAt: Date; linkedCase: string | null; data?: unknown }

const toInfo = (d: AttachmentDoc): AttachmentInfo => ({
  id: d._id, filename: d.filename, contentType: d.contentType as AttachmentType, size: d.size, sha256: d.sha256, createdAt: d.createdAt, linkedCase: d.linkedCase ?? null,
});
const withoutData = { data: 0 } as const;

export class MongoAttachmentStore implements AttachmentStore {
  private readonly attachments: Model<AttachmentDoc>;
  private readonly links: Model<{ _id: string; owner: string; claimedAt: Date }>;

  constructor(conn: Connection) {
    this.attachments = (conn.models.Attachment ?? conn.model('Attachment', attachmentSchema)) as Model<AttachmentDoc>;
    this.links = (conn.models.AttachmentLink ?? conn.model('AttachmentLink', linkSchema)) as never;
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([this.attachments.createIndexes(), this.links.createIndexes()]);
  }

  async put(a: Omit<AttachmentInfo, 'linkedCase'> & { data: Buffer }): Promise<void> {
    await this.attachments.collection.insertOne({ _id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, createdAt: a.createdAt, linkedCase: null, data: a.data } as never);
  }

  async info(id: string): Promise<AttachmentInfo | null> {
    const d = await this.attachments.findById(id, withoutData).lean<AttachmentDoc>();
    return d ? toInfo(d) : null;
  }

  async read(id: string): Promise<{ info: AttachmentInfo; data: Buffer } | null> {
    const d = await this.attachments.findById(id).lean<AttachmentDoc>();
    return d ? { info: toInfo(d), data: documentBytes(d.data) } : null;
  }

  async claim(id: string, owner: string): Promise<string> {
    try {
      await this.links.collection.insertOne({ _id: id, owner, claimedAt: new Date() } as never);
      return owner;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const held = await this.links.findById(id).lean();
      return held?.owner ?? owner;
    }
  }

  async link(id: string, caseNumber: string): Promise<void> {
    await this.attachments.updateOne({ _id: id }, { $set: { linkedCase: caseNumber } });
    // Listed under the case by `_id` (store/case-lists.ts): the status page reads them without a scan.
    await appendToCaseList(this.attachments.db, 'attachments', caseNumber, id);
  }

  async listForCase(caseNumber: string): Promise<AttachmentInfo[]> {
    const ids = await caseList(this.attachments.db, 'attachments', caseNumber);
    const found = await Promise.all(ids.map((id) => this.attachments.findById(id, withoutData).lean<AttachmentDoc>()));
    return found.filter((d): d is AttachmentDoc => d !== null && d.linkedCase === caseNumber)
      .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()).map(toInfo);
  }

  async deleteUnclaimed(before: Date): Promise<number> {
    const stale = await this.attachments.find({ linkedCase: null, createdAt: { $lt: before } }, { _id: 1 }).lean<{ _id: string }[]>();
    let deleted = 0;
    for (const { _id } of stale) {
      // Claiming first means a submission that races the cleanup either wins the claim or sees it taken.
      if ((await this.claim(_id, CLEANUP_OWNER)) !== CLEANUP_OWNER) continue;
      await this.attachments.deleteOne({ _id });
      deleted += 1;
    }
    return deleted;
  }
}
