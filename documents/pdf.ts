// Shared pdfkit plumbing for generated notices: metadata, tagging, QR drawing.
// Every visible text goes into a structure element (tagged PDF) and decoration is
// marked as artifact, so screen readers get the reading order we intend. Built-in
// Helvetica is not embedded, which keeps files small but rules out full PDF/UA.
import PDFDocument from 'pdfkit';
import { qrMatrix } from './qr';

export type Doc = PDFKit.PDFDocument;
type StructElement = PDFKit.PDFStructureElement;

export interface RenderOptions {
  /** false writes readable content streams (tests inspect them). Default true. */
  compress?: boolean;
}

export interface DocumentSetup extends RenderOptions {
  size: string;
  margins: { top: number; bottom: number; left: number; right: number };
  title: string;
  subject: string;
  keywords?: string;
  /** Fixed creation date makes the bytes (and the file ID) reproducible. */
  creationDate: Date;
  bufferPages?: boolean;
}

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const FONT_MONO = 'Courier-Bold';
export const GREY = '#4a4a4a';

/** Wraps the document's structure tree: blocks are tagged in the order they are drawn. */
export class Tagged {
  private readonly root: StructElement;

  constructor(readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** A structure element (P, H1, H2, Figure …) holding what `draw` puts on the page. */
  block(type: string, draw: () => void, options: PDFKit.Mixins.StructureElementOptions = {}): void {
    this.root.add(this.doc.struct(type, options, draw));
  }

  /** Decoration and repeated page furniture that assistive technology should skip. */
  artifact(draw: () => void): void {
    this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  end(): void {
    this.root.end();
  }
}

export function renderPdf(setup: DocumentSetup, draw: (t: Tagged) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: setup.size,
      margins: setup.margins,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'de-DE',
      displayTitle: true,
      compress: setup.compress ?? true,
      bufferPages: setup.bufferPages ?? false,
      font: FONT,
      info: {
        Title: setup.title,
        Author: 'Stadt Hagen',
        Subject: setup.subject,
        Keywords: setup.keywords ?? '',
        Creator: 'amtsweg',
        CreationDate: setup.creationDate,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      const tagged = new Tagged(doc);
      draw(tagged);
      tagged.end();
      doc.end();
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/**
 * Draws a QR code as filled vector squares (sharp at any print resolution) inside a
 * square of `size` points that includes the 4-module quiet zone. Each row's dark runs
 * become one rectangle in module units, all filled as one path so no seams appear.
 */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const m = qrMatrix(text);
  const unit = size / (m.size + 8);
  doc.save();
  doc.translate(x + 4 * unit, y + 4 * unit).scale(unit);
  for (let r = 0; r < m.size; r++) {
    let c = 0;
    while (c < m.size) {
      if (!m.isDark(r, c)) { c++; continue; }
      const start = c;
      while (c < m.size && m.isDark(r, c)) c++;
      doc.rect(start, r, c - start, 1);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

export const mm = (v: number): number => (v * 72) / 25.4;
