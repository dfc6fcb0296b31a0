/**
 * Counts the PDFs finished on this thread: pdfkit's `end()` wrapped once per process. A render
 * thread has its own copy of pdfkit, so what it renders is not counted here — a PDF that arrives
 * while this count stays put was rendered off this event loop. Tests assert that structurally
 * instead of timing the event loop (speed belongs to bench/, not to tests).
 */
import PDFDocument from 'pdfkit';

let finished = 0;
const wrapped = Symbol.for('amtsweg.test.main-thread-pdfs');
const proto = PDFDocument.prototype as unknown as Record<string | symbol, unknown> & { end: (...args: unknown[]) => unknown };
if (!proto[wrapped]) {
  const end = proto.end;
  proto.end = function countedEnd(this: unknown, ...args: unknown[]) {
    finished += 1;
    return end.apply(this, args);
  };
  proto[wrapped] = true;
}

/** PDFs finished on this thread since the process started. */
export const pdfsFinishedOnThisThread = (): number => finished;
