// QR rendering for notices and letters. Error correction M is what EPC069-12 asks
// for the GiroCode; we use it for portal links too, so one setting fits both.
import QRCode from 'qrcode';

export const QR_ERROR_CORRECTION = 'M' as const;

export interface QrPngOptions {
  /** Pixels per module (default 8). */
  scale?: number;
  /** Quiet zone in modules (default 4, the ISO 18004 minimum). */
  margin?: number;
}

/** The module matrix, for drawing the code as vector shapes (see pdf.ts). */
export function qrMatrix(text: string): { size: number; version: number; isDark(row: number, col: number): boolean } {
  const code = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  const { modules } = code;
  return { size: modules.size, version: code.version, isDark: (r, c) => modules.get(r, c) === 1 };
}

export function qrPng(text: string, opts: QrPngOptions = {}): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    scale: opts.scale ?? 8,
    margin: opts.margin ?? 4,
  });
}

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 });
}

export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 });
}
