/**
 * The render threads (documents/threads): a PDF rendered in a thread has the bytes of the same
 * renderer called inline, the thread parses each font once (and that changes no byte), the queue
 * is bounded, and closing ends the threads.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pdfsFinishedOnThisThread } from '../support/main-thread-pdfs';
import { renderNoticeCardPdf, type NoticeCardInput } from '../../documents/parking-ticket/notice-card';
import { renderSubmissionSummaryPdf } from '../../documents/submission-summary';
import { cacheFontMetrics } from '../../documents/threads/font-metrics-cache';
import { closePdfThreads, PdfQueueFull, renderPdfInThread, startPdfThreads } from '../../documents/threads/pool';

const card: NoticeCardInput = {
  ticketNumber: 'OA-2026-000123', accessCode: 'K7QM-4XPD', portalUrl: 'https://amtsweg.hagen.de/k/OA-2026-000123?c=K7QM4XPD',
  portalBaseUrl: 'amtsweg.hagen.de/knoellchen', plate: 'HA-AB 123', place: 'Friedrich-Ebert-Platz, vor Haus Nr. 5',
  observedAt: '2026-11-25T13:05:00Z', offence: { code: '142278', titleDe: 'Parken im Halteverbot', titleEn: 'Parking in a no-stopping zone' },
  amountCents: 2500, paymentDeadline: '2026-12-02T23:00:00Z',
  payee: { beneficiaryName: 'Stadtkasse Hagen', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' }, rfReference: 'RF462026000123',
};
const summary = {
  formTitle: 'Hundesteuer: Anmeldung', caseNumber: 'HS-2026-000001', formId: 'dog-tax-registration', formVersion: 1,
  receivedAt: '2026-11-25T13:05:00Z', rows: [{ label: 'Name', value: 'Erika Mustermann', level: 0 }],
};

afterAll(async () => { await closePdfThreads(); });

describe('PDF render threads', () => {
  it('when a notice card and a receipt render in a thread, then the bytes equal the renderer called inline', async () => {
    expect((await renderPdfInThread('noticeCard', card)).equals(await renderNoticeCardPdf(card))).toBe(true);
    expect((await renderPdfInThread('submissionSummary', summary)).equals(await renderSubmissionSummaryPdf(summary))).toBe(true);
  }, 60_000);

  it('when 20 cards render in threads, then none is rendered on the asking thread (and the count sees an inline one)', async () => {
    await renderPdfInThread('noticeCard', card);
    const before = pdfsFinishedOnThisThread();
    const pdfs = await Promise.all(Array.from({ length: 20 }, () => renderPdfInThread('noticeCard', card)));
    expect(pdfs.every((p) => p.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(pdfsFinishedOnThisThread() - before).toBe(0);
    await renderNoticeCardPdf(card); // the control: inline, the count moves
    expect(pdfsFinishedOnThisThread() - before).toBe(1);
  }, 60_000);

  it('when the font metrics are cached, then a card keeps its bytes and the cache is active (pdfkit still has the shape it relies on)', async () => {
    const before = await renderNoticeCardPdf(card, { compress: false });
    expect(cacheFontMetrics()).toBe(true);
    expect((await renderNoticeCardPdf(card, { compress: false })).equals(before)).toBe(true);
    expect((await renderNoticeCardPdf(card, { compress: false })).equals(before)).toBe(true);
  });

  it('when more renders wait than the queue holds, then the rest are refused at once with PdfQueueFull', async () => {
    await startPdfThreads({ threads: 1, maxQueue: 3 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => renderPdfInThread('noticeCard', card)));
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.status === 'rejected' && r.reason instanceof PdfQueueFull)).toBe(true);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('when the threads are closed, then a later render starts them again', async () => {
    await closePdfThreads();
    expect((await renderPdfInThread('noticeCard', card)).subarray(0, 5).toString()).toBe('%PDF-');
    await closePdfThreads();
  }, 60_000);
});
