/**
 * Every PDF amtsweg renders, by kind. Each renderer is pure (plain data in, bytes out), so it runs
 * in a render thread (./pool.ts) as well as inline (unit tests inspect the bytes directly).
 */
import { renderNoticeCardPdf } from '../parking-ticket/notice-card';
import { renderWarningLetterPdf } from '../parking-ticket/warning-letter';
import { renderFineNoticePdf } from '../fine-proceedings/fine-notice';
import { renderDogTaxNoticePdf } from '../dog-tax/tax-notice';
import { renderSubmissionSummaryPdf } from '../submission-summary';

export const renderers = {
  noticeCard: renderNoticeCardPdf,
  warningLetter: renderWarningLetterPdf,
  fineNotice: renderFineNoticePdf,
  dogTaxNotice: renderDogTaxNoticePdf,
  submissionSummary: renderSubmissionSummaryPdf,
};

export type PdfKind = keyof typeof renderers;
export type PdfInput<K extends PdfKind> = Parameters<(typeof renderers)[K]>[0];
export interface PdfTask<K extends PdfKind = PdfKind> { kind: K; input: PdfInput<K> }
