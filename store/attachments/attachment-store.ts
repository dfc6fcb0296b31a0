/**
 * Citizens' attachments (Nachweise) live outside the workflow history: a case references them
 * by id only, so the history stays small and no document bytes are replayed. The store is an
 * interface so the Mongo implementation can be replaced by object storage (S3-like) later.
 */
export type AttachmentType = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface AttachmentInfo {
  id: string;
  filename: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  createdAt: Date;
  /** The case number once a submitted case references it; null while it is only uploaded. */
  linkedCase: string | null;
}

export interface AttachmentStore {
  put(attachment: Omit<AttachmentInfo, 'linkedCase'> & { data: Buffer }): Promise<void>;
  info(id: string): Promise<AttachmentInfo | null>;
  /** Bytes and metadata of an attachment, for a download. */
  read(id: string): Promise<{ info: AttachmentInfo; data: Buffer } | null>;
  /**
   * Claims the attachment for `owner` (a workflow ID) by insert against a unique id, so two
   * concurrent submissions cannot both take it. Returns the owner that holds the claim.
   */
  claim(id: string, owner: string): Promise<string>;
  /** Records the case number on a claimed attachment (only its claimer calls this). */
  link(id: string, caseNumber: string): Promise<void>;
  listForCase(caseNumber: string): Promise<AttachmentInfo[]>;
  /** Deletes attachments uploaded before `before` that no case claimed; returns how many. */
  deleteUnclaimed(before: Date): Promise<number>;
}

/** The owner that claims stale attachments for deletion (no workflow ID looks like this). */
export const CLEANUP_OWNER = 'cleanup:unclaimed-after-24h';
