/**
 * The real type of an upload, from its first bytes (magic numbers): the name and the claimed
 * Content-Type are the sender's word and prove nothing (a renamed .exe stays an .exe).
 */
import type { AttachmentType } from '../../store/attachments/attachment-store';

const SIGNATURES: { type: AttachmentType; bytes: number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function detectAttachmentType(data: Buffer): AttachmentType | null {
  return SIGNATURES.find((s) => data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}
