/**
 * PDF rendering beside the web server: `npm start` (scripts/lib/run-system.ts) runs the web server
 * and the worker in ONE Node process, and the notice card is rendered by the web server on its
 * first download (activities/parking-ticket/notice-card.ts) in every deployment. PDFs render in
 * worker threads (documents/threads/pool.ts). This test samples GET /api/health one request after
 * another, and the event loop's delay, while 20 PDFs render in this process — 20 first downloads
 * of notice cards over HTTP, then 20 rendered by the activity code as the worker of `npm start`
 * does — and prints, for contrast, the same 20 cards rendered inline on this event loop (how they
 * rendered before the threads) and in another process.
 *
 * Asserted, structurally: none of the 40 PDFs (downloads and activity renders) is finished on
 * this process's event loop (pdfkit's end() counted on this thread, test/support/main-thread-pdfs.ts),
 * while the inline contrast moves that count by 20 — so the test fails when a path renders inline
 * again. The latencies are printed, not asserted: speed is measured in bench/, and on a loaded
 * CI machine a timing bound flakes. Measured (load ~10, 2 cores): idle p95 85 ms; threads
 * 110–120 ms; another process 172 ms; inline 0.76–4.6 s (the loop held for most of the batch).
 */
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { noticeCardDocumentId, renderNoticeCardOf } from '../../activities/parking-ticket/notice-card';
import { renderNoticeCardPdf } from '../../documents/parking-ticket/notice-card';
import { createRfReference } from '../../domain/rf-reference';
import { HttpClient, startTestSystem } from '../support/system';
import { pdfsFinishedOnThisThread } from '../support/main-thread-pdfs';

const PDFS = 20;
let app: RunningSystem;
let warden: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('processes_pdf_vs_health');
  warden = new HttpClient(app.baseUrl, 'en');
  await warden.signInStaff();
}, 180_000);
afterAll(async () => { await app?.stop(); });

const ticket = (plate: string) => ({ offenceCode: '112454', plate, place: 'Elberfelder Straße 12, Hagen', observedAt: new Date(Date.now() - 10 * 60_000).toISOString() });

/**
 * GET /api/health back to back while `work` runs (started 50 ms after the first request, so one
 * is in flight when it starts); the latencies in ms and the event loop's longest delay.
 */
async function healthWhile<T>(work: () => Promise<T>): Promise<{ result: T; ms: number[]; loopMaxMs: number; tookMs: number }> {
  let done = false;
  const ms: number[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await sleep(50); // the monitor measures from its first tick on: a block before it goes unseen
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${app.baseUrl}/api/health`);
      await res.arrayBuffer();
      ms.push(performance.now() - t0);
      expect(res.status).toBe(200);
    }
  })();
  await sleep(50);
  const t0 = performance.now();
  let tookMs = 0;
  const watched = work().finally(() => { done = true; tookMs = performance.now() - t0; });
  const [result] = await Promise.all([watched, probe]);
  await sleep(50); // and it records a block only when it next ticks
  loop.disable();
  return { result, ms, loopMaxMs: loop.max / 1e6, tookMs };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN; };
const line = (name: string, { ms, loopMaxMs }: { ms: number[]; loopMaxMs: number }, took?: number) =>
  `${name}: ${ms.length} health answers, p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms; event loop delayed up to ${loopMaxMs.toFixed(0)} ms${took === undefined ? '' : `; ${PDFS} PDFs in ${(took / 1000).toFixed(1)} s`}`;

describe('PDF rendering and the web server in one process', () => {
  it(`when ${PDFS} PDFs render in the web server's process, then none renders on its event loop (health latencies printed against idle, inline and another process)`, async () => {
    const numbers: string[] = [];
    for (let i = 0; i < PDFS * 2; i += 1) {
      const res = await warden.request('POST', '/api/parking-tickets', ticket(`HA-PH ${100 + i}`), { 'Idempotency-Key': `pdf-health-${Date.now()}-${i}` });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      numbers.push(res.json.ticketNumber);
    }
    // One card first: fonts and modules loaded, as on a server that has run for a while.
    await renderNoticeCardOf({ model: app.system.model, publicBaseUrl: app.system.config.publicBaseUrl, payee: app.system.config.payee, accessCodeSecret: app.system.secrets.accessCode }, numbers[0]!);

    const idle = await healthWhile(() => sleep(3000));
    const onLoopBefore = pdfsFinishedOnThisThread();

    const viaHttp = numbers.slice(0, PDFS);
    const downloads = await healthWhile(() => Promise.all(viaHttp.map((n) => warden.request('GET', `/api/staff/cases/${n}/documents/${noticeCardDocumentId(n)}`))));
    expect(downloads.result.map((r) => r.status)).toEqual(Array(PDFS).fill(200));

    const deps = { model: app.system.model, publicBaseUrl: app.system.config.publicBaseUrl, payee: app.system.config.payee, accessCodeSecret: app.system.secrets.accessCode };
    const rendered = await healthWhile(() => Promise.all(numbers.slice(PDFS).map((n) => renderNoticeCardOf(deps, n))));
    expect(rendered.result.every((pdf) => pdf.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    const onLoopThreaded = pdfsFinishedOnThisThread() - onLoopBefore;

    // For contrast: the same 20 cards rendered inline on this event loop, as before the render threads.
    const card = {
      ticketNumber: 'VG-2026-000001', accessCode: 'ABCDEFGHJKMN', portalUrl: 'https://example.org/knoellchen/ABCDEFGHJKMN', portalBaseUrl: 'example.org/knoellchen',
      plate: 'HA-PH 1', place: 'Elberfelder Straße 12, Hagen', observedAt: new Date().toISOString(),
      offence: { code: '112454', titleDe: 'Parken im Halteverbot', titleEn: 'Parking in a no-stopping zone' }, amountCents: 2500,
      paymentDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(), payee: app.system.config.payee, rfReference: createRfReference('20260000001'),
    };
    await renderNoticeCardPdf(card);
    const beforeInline = pdfsFinishedOnThisThread();
    const inline = await healthWhile(() => Promise.all(Array.from({ length: PDFS }, () => renderNoticeCardPdf(card))));
    const onLoopInline = pdfsFinishedOnThisThread() - beforeInline;

    // For contrast: the same 20 cards rendered in another process (as a worker of its own would, server/main.ts + workers/main.ts).
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
      const { renderNoticeCardPdf } = await import(${JSON.stringify(new URL('../../documents/parking-ticket/notice-card.ts', import.meta.url).href)});
      const input = JSON.parse(process.env.CARD);
      await renderNoticeCardPdf(input);
      console.log('warm');
      const t0 = performance.now();
      await Promise.all(Array.from({ length: ${PDFS} }, () => renderNoticeCardPdf(input)));
      console.log('took ' + Math.round(performance.now() - t0));
    `], { env: { ...process.env, CARD: JSON.stringify(card) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    const warm = new Promise<void>((r) => child.stdout!.on('data', (d) => { out += d; if (out.includes('warm')) r(); }));
    await Promise.race([warm, exited]);
    const other = await healthWhile(() => exited);
    expect(other.result, out).toBe(0);
    const tookOther = Number(/took (\d+)/.exec(out)?.[1]);

    const report = [line('idle', idle), line(`${PDFS} notice cards downloaded at once (rendered by the web server, in threads)`, downloads, downloads.tookMs),
      line(`${PDFS} notice cards rendered by activity code in the same process (npm start's worker, in threads)`, rendered, rendered.tookMs),
      line(`${PDFS} notice cards rendered inline on this event loop (before the threads; not asserted)`, inline, inline.tookMs),
      line(`${PDFS} notice cards rendered in another process`, other, tookOther)];
    console.info(`[pdf vs health]\n  ${report.join('\n  ')}`);
    // 40 PDFs downloaded or rendered by activity code, none of them on this event loop; the inline
    // contrast shows the count sees a PDF rendered here.
    expect(onLoopThreaded, report.join('\n')).toBe(0);
    expect(onLoopInline).toBe(PDFS);
  }, 300_000);
});
