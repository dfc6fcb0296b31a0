/**
 * A citizen uploads one piece of evidence (Nachweis) before submitting the form. The type is
 * taken from the bytes, never from the name or the claimed Content-Type; the name is kept for
 * display only. The answer's id is what the form sends in `evidenceIds`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { detectAttachmentType } from '../../../domain/attachments/detect-type';
import type { AttachmentType } from '../../../store/attachments/attachment-store';
import { AppError } from '../../http/app-error';
import { validationFailed } from '../../http/validation';
import type { System } from '../../../system/system';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_TYPES: AttachmentType[] = ['application/pdf', 'image/jpeg', 'image/png'];

export interface UploadedAttachment { id: string; filename: string; contentType: AttachmentType; size: number; sha256: string }

export const attachmentTooLarge = () => new AppError('payload_too_large', {
  de: 'Die Datei ist größer als 10 MB.', en: 'The file is larger than 10 MB.',
});
const notAllowed = () => validationFailed([{ field: 'file', message: {
  de: 'Nur PDF, JPEG oder PNG (geprüft wird der Inhalt der Datei, nicht ihr Name).',
  en: 'Only PDF, JPEG or PNG (the content of the file is checked, not its name).',
} }]);
const empty = () => validationFailed([{ field: 'file', message: { de: 'Die Datei ist leer.', en: 'The file is empty.' } }]);

/** The original name, decoded from X-Filename; reduced to a safe display name. */
export function displayName(header: string | undefined, type: AttachmentType): string {
  let name = '';
  try { name = decodeURIComponent(header ?? ''); } catch { name = header ?? ''; }
  // No paths, no control or quote characters (the name goes into Content-Disposition later).
  name = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return name || `nachweis.${type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg'}`;
}

export async function uploadAttachment(system: System, args: { body: unknown; filenameHeader: string | undefined }): Promise<UploadedAttachment> {
  // A JSON or form body was parsed by another parser: it is not a file.
  if (!Buffer.isBuffer(args.body)) throw notAllowed();
  const data = args.body;
  if (data.length === 0) throw empty();
  if (data.length > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge();
  const contentType = detectAttachmentType(data);
  if (!contentType) throw notAllowed();
  const uploaded: UploadedAttachment = {
    id: randomBytes(16).toString('hex'),
    filename: displayName(args.filenameHeader, contentType),
    contentType,
    size: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
  await system.attachments.put({ ...uploaded, createdAt: new Date(), data });
  return uploaded;
}
