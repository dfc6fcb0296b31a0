/**
 * The confirmation of receipt, the first step of every Hundesteuer case: an e-mail (German,
 * English below) with the case number, the status page link and a PDF listing what was
 * submitted under the titles of the form version the case was started with. Idempotent per
 * case: the PDF is stored under a case-derived id and the mail sent once per key.
 */
import { formatBerlinDateTime } from '../../domain/berlin-time';
import { findForm } from '../../forms/registry';
import type { FormDefinition } from '../../forms/form-definition';
import { emailOf, receiptRows } from '../../documents/submission-rows';
import { renderPdfInThread } from '../../documents/threads/pool';
import { deriveStatusToken, statusUrl } from '../../domain/cases/status-link';
import { appendAuditEvent } from '../../store/audit';
import { storeDocument } from '../../store/documents';
import { sendCaseMail } from '../mail/send-case-mail';
import { CASE_TYPE, caseOf, type Traced } from '../../store/dog-tax/case-store';
import { DOG_TAX_ACTIONS } from '../../workflows/dog-tax/shared';
import { dogTaxCaseMail, dogTaxMail } from './notice-mail';
import type { DogTaxActivityDeps } from '.';

export function createReceiptActivities(deps: DogTaxActivityDeps) {
  const { model } = deps;
  return {
    /** sent false: the submission has no e-mail address (nothing to confirm to), or the relay refused it for good. */
    async sendDogTaxReceipt({ workflowId, runId, caseNumber }: Traced & { caseNumber: string }): Promise<{ sent: boolean }> {
      const c = await caseOf(model, caseNumber);
      // The built-in file is version 1 of its form: the fallback if the registry lost a version,
      // so a receipt never blocks the case.
      const form: Pick<FormDefinition, 'schema' | 'uiSchema' | 'texts'> | undefined = (await deps.forms.get(c.formId, c.formVersion)) ?? findForm(c.formId);
      const submission = c.submission as Record<string, unknown>;
      const to = form ? emailOf(form.schema, submission) : undefined;
      if (!form || !to) return { sent: false };
      const receivedAt = (c.createdAt as Date | undefined) ?? new Date();
      const filename = `Eingangsbestaetigung-${caseNumber}.pdf`;
      const pdf = await renderPdfInThread('submissionSummary', {
        formTitle: form.texts.de.title, caseNumber, formId: c.formId, formVersion: c.formVersion, receivedAt: receivedAt.toISOString(),
        rows: receiptRows({ schema: form.schema, uiSchema: form.uiSchema, texts: form.texts.de }, submission),
      });
      const documentId = await storeDocument(model, { id: `receipt-${caseNumber}`, caseNumber, kind: 'submission_receipt', filename, contentType: 'application/pdf', data: pdf });
      const link = statusUrl(deps.publicBaseUrl, caseNumber, deriveStatusToken(deps.statusTokenSecret, workflowId));
      const outcome = await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-receipt:${caseNumber}`, dogTaxMail({
        to, subject: `Eingangsbestätigung / Confirmation of receipt ${caseNumber}`, pdf: { filename, content: pdf },
        de: [`wir haben Ihren Antrag „${form.texts.de.title}“ erhalten.`, '', `Aktenzeichen: ${caseNumber}`,
          `Eingegangen am: ${formatBerlinDateTime(receivedAt, 'de')}`, '',
          'Den Stand der Bearbeitung sehen Sie jederzeit unter diesem persönlichen Link (bitte nicht weitergeben):', link, '',
          'Welche Angaben eingegangen sind, steht in der beigefügten Eingangsbestätigung (PDF).'],
        en: [`We have received your application "${form.texts.en.title}".`, '', `Case number: ${caseNumber}`,
          `Received: ${formatBerlinDateTime(receivedAt, 'en')}`, '',
          'You can follow your case at any time with this personal link (please do not share it):', link, '',
          'Which details arrived is listed in the attached confirmation (PDF, in German).'],
      })));
      // Refused for good (recorded as such): the status page says so, the case goes on.
      if (outcome === 'undeliverable') return { sent: false };
      await appendAuditEvent(model, { key: `${workflowId}:receipt.sent`, actor: 'system', action: DOG_TAX_ACTIONS.receiptSent, caseType: CASE_TYPE,
        caseNumber, workflowId, runId, details: { documentId } });
      return { sent: true };
    },
  };
}
