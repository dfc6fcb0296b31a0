/**
 * pdfkit reads and parses the AFM metrics of a built-in font (Helvetica …) anew for every
 * document that uses it: ~5 ms per font, three fonts per notice card — measured, half of a
 * card's ~60 ms. The parsed metrics are only read afterwards, so a render thread parses each
 * font once and lets every later document share the result. pdfkit does not export its AFM
 * class; it is reached through a document's font, and if a pdfkit version changes that shape
 * the cache stays off (rendering is unchanged, only slower; test/unit/pdf-threads.test.ts notices).
 */
import PDFDocument from 'pdfkit';

interface AfmClass { prototype: { parse(this: Record<string, unknown>, contents: string): void } }
const PARSED_FIELDS = ['attributes', 'glyphWidths', 'boundingBoxes', 'kernPairs'] as const;

let installed = false;

/** Installs the cache in this thread; true when it is active. */
export function cacheFontMetrics(): boolean {
  if (installed) return true;
  const probe = new PDFDocument({ font: 'Helvetica' }) as unknown as { _font?: { font?: { constructor?: AfmClass } } };
  const afm = probe._font?.font?.constructor;
  if (typeof afm?.prototype?.parse !== 'function') return false;
  const parse = afm.prototype.parse;
  const parsed = new Map<string, Record<string, unknown>>();
  afm.prototype.parse = function (this: Record<string, unknown>, contents: string) {
    const known = parsed.get(contents);
    if (known) { Object.assign(this, known); return; }
    parse.call(this, contents);
    parsed.set(contents, Object.fromEntries(PARSED_FIELDS.map((f) => [f, this[f]])));
  };
  installed = true;
  return true;
}
