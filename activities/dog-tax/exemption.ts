/** Activities of the Befreiung/Ermäßigung: link the dog's record, book the caseworker's decision, notify. */
import { annualTaxAfterDecision } from '../../domain/dog-tax/tariff';
import { liabilityStart } from '../../domain/dog-tax/pro-rata';
import { berlinDateString } from '../../domain/berlin-time';
import { formatEuro } from '../../domain/money';
import { storeDocument } from '../../store/documents';
import { sendCaseMail } from '../mail/send-case-mail';
import type { ExemptionSubmission } from '../../forms/dog-tax/exemption.form';
import { exemptionDecidedAction, type DogTaxAssessment, type ExemptionDecision } from '../../workflows/dog-tax/shared';
import { caseOf, registrationFor, setStatus, updateDogTaxCase, type Traced } from '../../store/dog-tax/case-store';
import { renderPdfInThread } from '../../documents/threads/pool';
import { dogTaxCaseMail, dogTaxMail } from './notice-mail';
import { dateDe, recipientOf } from './registration';
import type { DogTaxActivityDeps } from '.';

interface Booked { decision: ExemptionDecision['decision']; reason: string; effectiveFrom: string; annualCentsAfter?: number }
const DECISION = {
  granted: { de: 'Steuerbefreiung gewährt', en: 'exemption granted' },
  reduced: { de: 'Steuerermäßigung gewährt', en: 'reduction granted' },
  rejected: { de: 'Antrag abgelehnt', en: 'application rejected' },
} as const;

export function createExemptionActivities(deps: DogTaxActivityDeps) {
  const { model } = deps;
  return {
    /** Finds the dog's registration; without one the caseworker still decides (and will likely reject). */
    async linkExemptionToRegistration({ caseNumber }: { caseNumber: string }): Promise<{ tagNumber?: string; registered: boolean }> {
      const c = await caseOf(model, caseNumber);
      const s = c.submission as ExemptionSubmission;
      const registration = await registrationFor(model, s);
      if (!registration || registration.status !== 'registered') return { registered: false };
      await updateDogTaxCase(model, caseNumber, { tagNumber: s.tagNumber, registrationCaseNumber: registration.caseNumber });
      return { tagNumber: s.tagNumber, registered: true };
    },

    async recordExemptionDecision(args: Traced & { caseNumber: string; decision: ExemptionDecision }): Promise<{ annualCentsAfter?: number }> {
      const c = await caseOf(model, args.caseNumber);
      // Effective from the month after the application arrived, like the start of liability.
      const booked: Booked = { decision: args.decision.decision, reason: args.decision.reason, effectiveFrom: liabilityStart(berlinDateString(c.createdAt)) };
      const registration = c.registrationCaseNumber ? await caseOf(model, c.registrationCaseNumber) : null;
      if (registration?.assessment && args.decision.decision !== 'rejected') {
        booked.annualCentsAfter = annualTaxAfterDecision((registration.assessment as DogTaxAssessment).annualCents, args.decision.decision);
        await updateDogTaxCase(model, registration.caseNumber, { exemption: { ...booked, caseNumber: args.caseNumber } });
      }
      await updateDogTaxCase(model, args.caseNumber, { decision: { ...booked, by: args.decision.by, decidedAt: new Date() } });
      await setStatus(model, { ...args, status: args.decision.decision, action: exemptionDecidedAction(args.decision.decision), actor: args.decision.by,
        details: { reason: args.decision.reason, annualCentsAfter: booked.annualCentsAfter ?? null } });
      return booked.annualCentsAfter === undefined ? {} : { annualCentsAfter: booked.annualCentsAfter };
    },

    async sendExemptionDecisionNotice({ caseNumber }: { caseNumber: string }): Promise<void> {
      const c = await caseOf(model, caseNumber);
      const s = c.submission as ExemptionSubmission;
      const d = c.decision as Booked;
      const after = d.annualCentsAfter;
      const amountDe = after === undefined ? [] : [`Die Hundesteuer beträgt ab ${dateDe(d.effectiveFrom)} jährlich ${formatEuro(after, 'de')}.`];
      const amountEn = after === undefined ? [] : [`From ${d.effectiveFrom} the yearly dog tax is ${formatEuro(after, 'en')}.`];
      const pdf = await renderPdfInThread('dogTaxNotice', {
        title: `Bescheid über Ihren Antrag auf Befreiung oder Ermäßigung der Hundesteuer: ${DECISION[d.decision].de}`,
        caseNumber, tagNumber: s.tagNumber, issuedAt: new Date().toISOString(), recipient: recipientOf(s.holder), appealable: true,
        paragraphs: [`über Ihren Antrag für den Hund mit der Steuermarke ${s.tagNumber} haben wir auf Grundlage Ihrer Nachweise entschieden: ` +
          `${DECISION[d.decision].de}.`, `Begründung: ${d.reason}`, ...amountDe,
          ...(d.decision === 'rejected' ? [] : ['Fallen die Voraussetzungen weg, teilen Sie uns das bitte innerhalb von zwei Wochen mit.'])],
        facts: [['Steuermarke', s.tagNumber], ['Entscheidung', DECISION[d.decision].de], ...(after === undefined ? [] : [['Jahressteuer neu', formatEuro(after, 'de')] as [string, string]])],
      });
      const documentId = await storeDocument(model, { id: `dog-tax-exemption-${caseNumber}`, caseNumber, kind: 'dog_tax_exemption_decision',
        filename: `Hundesteuer-Entscheidung-${caseNumber}.pdf`, contentType: 'application/pdf', data: pdf });
      await updateDogTaxCase(model, caseNumber, { noticeDocumentId: documentId });
      await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-exemption-decided:${caseNumber}`, dogTaxMail({
        to: s.holder.email, subject: `Hundesteuer: Entscheidung über Ihren Antrag / Dog tax: decision on your application ${caseNumber}`,
        pdf: { filename: `Hundesteuer-Entscheidung-${caseNumber}.pdf`, content: pdf },
        de: [`Über Ihren Antrag (Aktenzeichen ${caseNumber}) ist entschieden: ${DECISION[d.decision].de}.`, `Begründung: ${d.reason}`, ...amountDe],
        en: [`Your application (case ${caseNumber}) has been decided: ${DECISION[d.decision].en}.`, `Reason (in German): ${d.reason}`, ...amountEn],
      })));
    },
  };
}
