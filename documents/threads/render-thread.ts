/** A render thread's task handler (loaded by ./render-thread.mjs): one PDF per task, font metrics parsed once per thread. */
import { cacheFontMetrics } from './font-metrics-cache';
import { renderers, type PdfKind, type PdfTask } from './renderers';

cacheFontMetrics();

export default async function render({ kind, input }: PdfTask): Promise<Uint8Array> {
  const renderer = renderers[kind] as (input: unknown) => Promise<Buffer>;
  if (!renderer) throw new Error(`no PDF renderer for "${kind as PdfKind}"`);
  return renderer(input);
}
