// Cheap inspection of *uncompressed* pdfkit output (render with { compress: false }):
// enough to assert what is printed and what a QR code encodes, without a PDF parser.

// WinAnsi = latin1 except 0x80–0x9F (Node's TextDecoder('windows-1252') treats it as latin1).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = (bytes: Buffer): string =>
  [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');

/** Text of every TJ operator, one shown line per array, decoded from WinAnsi hex strings. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\] TJ/g)) {
    const hex = [...(m[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1] ?? '').join('');
    lines.push(winAnsi(Buffer.from(hex, 'hex')));
  }
  return lines.join('\n');
}

/**
 * The QR module matrices drawn inside /Figure marked content, in drawing order.
 * drawQr() emits one "col row len 1 re" per dark run, in module units.
 */
export function figureMatrices(pdf: Buffer): boolean[][][] {
  const raw = pdf.toString('latin1');
  const out: boolean[][][] = [];
  for (const m of raw.matchAll(/\/Figure <<[^>]*>> BDC([\s\S]*?)EMC/g)) {
    const runs = [...(m[1] ?? '').matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)].map((r) => r.slice(1, 4).map(Number));
    const size = Math.max(...runs.map(([c = 0, , len = 0]) => c + len));
    const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const [c = 0, r = 0, len = 0] of runs) for (let i = c; i < c + len; i++) grid[r]![i] = true;
    out.push(grid);
  }
  return out;
}
