/**
 * PDFs render in a small pool of worker threads, never on the event loop of the process that asks.
 * pdfkit renders synchronously (~30–60 ms of CPU per document on the loaded 2-core machine), and
 * `npm start` runs the web server and the worker in one process: rendered inline, 20 notice cards
 * held /api/health for 0.8–4.6 s (test/processes/pdf-vs-health.test.ts). The pool is process-wide:
 * connectSystem starts it, so one thread loads pdfkit and the fonts before the first download needs
 * them (a render without a System starts it too); threads beyond the first end after a minute idle,
 * idle threads do not keep the process alive, and `closePdfThreads()` (System.close, after the web
 * server and the worker have drained) ends them. The queue is bounded: a render beyond it is
 * refused at once with PdfQueueFull (a download answers 503, an activity is retried) instead of
 * piling up work that nobody waits for any more.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';
import type { PdfInput, PdfKind } from './renderers';

export interface PdfThreadOptions {
  /** Render threads; default: one less than the CPUs, at least 1, at most 4 (1 on 2 cores). */
  threads?: number;
  /** Renders waiting for a thread before new ones are refused; default 64 (a few seconds of work on one thread). */
  maxQueue?: number;
}

/** The render queue is full: the HTTP API answers 503 with Retry-After; an activity fails this attempt and Temporal retries it. */
export class PdfQueueFull extends DependencyUnavailableError {
  override readonly name: string = 'PdfQueueFull';

  constructor(readonly maxQueue: number) {
    super('pdf_rendering', `PDF rendering is busy: ${maxQueue} documents are waiting for a render thread`, { retryAfterSeconds: 5 });
  }
}

export const defaultPdfThreads = (): number => Math.min(4, Math.max(1, availableParallelism() - 1));

let options: Required<PdfThreadOptions> = { threads: defaultPdfThreads(), maxQueue: 64 };
let pool: Piscina | undefined;

/** Starts the pool with this size (connectSystem, from the configuration); a running pool is replaced after its renders. */
export async function startPdfThreads(next: PdfThreadOptions = {}): Promise<void> {
  const replaced = pool;
  pool = undefined;
  options = { threads: next.threads ?? options.threads, maxQueue: next.maxQueue ?? options.maxQueue };
  started();
  await replaced?.close();
}

function started(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./render-thread.mjs', import.meta.url).href,
    minThreads: 1,
    maxThreads: options.threads,
    maxQueue: options.maxQueue,
    // One thread stays with its parsed fonts; more, started for a burst, end after a minute idle.
    idleTimeout: 60_000,
  });
  return pool;
}

/** Renders one PDF in a render thread; the same bytes as the renderer called inline. */
export async function renderPdfInThread<K extends PdfKind>(kind: K, input: PdfInput<K>): Promise<Buffer> {
  const running = started();
  if (running.queueSize >= options.maxQueue) throw new PdfQueueFull(options.maxQueue);
  // The input crosses as JSON (every renderer takes plain data): a read-model document passed by mistake arrives as its fields.
  const bytes: Uint8Array = await running.run({ kind, input: JSON.parse(JSON.stringify(input)) as unknown });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Ends the render threads (renders in flight are rejected); a later render starts a new pool. */
export async function closePdfThreads(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
